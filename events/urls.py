"""The events calendar, included under each language prefix (alliance_site/urls.py)."""

from django.urls import path

from .calendar import events_calendar

app_name = "events"
urlpatterns = [
    path("feeds/events.ics", events_calendar, name="calendar"),
]
