"""Data set URLs; the project includes them under /api/ and under each language prefix."""

from django.urls import path

from . import views
from .feeds import ProjectChangesFeed

app_name = "opendata"
urlpatterns = [
    path("v1/projects.atom", ProjectChangesFeed(), name="projects_feed"),
    path("v1/<slug:name>.json", views.as_json, name="json"),
    path("v1/<slug:name>.csv", views.as_csv, name="csv"),
]
