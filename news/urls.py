"""The news feed; the project includes these URLs under each language prefix."""

from django.urls import path

from .feeds import NewsFeed

app_name = "news"
urlpatterns = [
    path("feeds/news.atom", NewsFeed(), name="feed"),
]
