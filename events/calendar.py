"""The events as an iCalendar feed, in the language of its URL (/en/feeds/events.ics, /es/...).

One all-day VEVENT per live, public event. A date known only to the month or the year spans that
month or year; DTEND is exclusive, the day after the last day, as RFC 5545 has it.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import public_events


def events_calendar(request):
    request.query_parameters = frozenset()  # reads none: the page cache may share it
    calendar = Calendar()
    calendar.add("prodid", f"-//Pacific Alliance//Events//{get_language().upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Pacific Alliance: events and summits"))
    host = request.get_host().partition(":")[0]
    for event in public_events().order_by("start_date", "pk"):
        calendar.add_component(calendar_event(event, request, host))
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def calendar_event(event, request, host):
    item = Event()
    item.add("uid", f"event-{event.pk}@{host}")
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("dtstart", event.start_date)
    item.add("dtend", event.calendar_end)
    item.add("summary", event.title)
    if event.place:
        item.add("location", event.place)
    description = event.summary
    if event.date_note:
        description += "\n\n" + event.date_note
    item.add("description", description)
    item.add("url", request.build_absolute_uri(event.get_url(request)))
    item.add("categories", [event.get_kind_display()])
    item.add("transp", "TRANSPARENT")
    return item
