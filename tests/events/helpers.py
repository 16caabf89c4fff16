"""Shared by the events tests: URLs of the timeline and of events in each language, a new event."""

import datetime

from django.utils import translation

from events.models import EventIndexPage, EventPage

TIMELINE = {"en": "/en/events/", "es": "/es/eventos/"}
CALENDAR = {"en": "/en/feeds/events.ics", "es": "/es/feeds/events.ics"}


def url_in(page, language):
    with translation.override(language):
        return page.url


def listed(html, language):
    """The event URLs the timeline links to, in the order shown."""
    prefix = TIMELINE[language]
    found = []
    for part in html.split('class="event-list__title" href="')[1:]:
        url = part.split('"', 1)[0]
        assert url.startswith(prefix), url
        found.append(url)
    return found


def add_event(slug, start, kind="workshop", **fields):
    """A new live event under the timeline, written in English, published like an editor's."""
    with translation.override("en"):
        index = EventIndexPage.objects.get()
        event = EventPage(
            title=fields.pop("title", f"Event {slug}"),
            slug=slug,
            start_date=start,
            kind=kind,
            summary=fields.pop("summary", "A summary."),
            **fields,
        )
        index.add_child(instance=event)
        event.save_revision().publish()
    return event


def today_plus(days):
    return datetime.date.today() + datetime.timedelta(days=days)
