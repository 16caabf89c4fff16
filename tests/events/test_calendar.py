"""The iCalendar feed of events, in each language: parsed with icalendar as a calendar app would."""

import datetime

import pytest
from icalendar import Calendar

from events.models import EventPage
from tests.events.helpers import CALENDAR, add_event, url_in
from tests.pages import get_ok

pytestmark = pytest.mark.django_db


def calendar_of(client, language):
    response = client.get(CALENDAR[language])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(client, language):
    return {str(item["URL"]): item for item in calendar_of(client, language).walk("VEVENT")}


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_event_each_with_a_unique_uid_and_its_page_in_the_language(client, language):
    items = vevents(client, language)
    events = list(EventPage.objects.live())
    assert len(items) == len(events) >= 20
    assert {url: str(item["UID"]) for url, item in items.items()} == {
        f"http://testserver{url_in(e, language)}": f"event-{e.pk}@testserver" for e in events
    }
    for url in items:
        get_ok(client, url.removeprefix("http://testserver"))


def test_the_same_event_keeps_its_uid_in_both_languages(client):
    english = {str(item["UID"]) for item in calendar_of(client, "en").walk("VEVENT")}
    spanish = {str(item["UID"]) for item in calendar_of(client, "es").walk("VEVENT")}
    assert english == spanish


def item_for(client, language, slug):
    event = EventPage.objects.get(slug_en=slug)
    return event, vevents(client, language)[f"http://testserver{url_in(event, language)}"]


def test_all_day_dates_with_an_exclusive_end(client, committed):
    _event, council = item_for(client, "en", "viii-council-of-ministers-villa-de-leyva")
    assert council["DTSTART"].dt == datetime.date(2013, 6, 29)
    assert council["DTEND"].dt == datetime.date(2013, 7, 1)  # the day after 30 June
    assert council["DTSTART"].params["VALUE"] == "DATE"
    _event, summit = item_for(client, "en", "vii-summit-cali")
    assert (summit["DTSTART"].dt, summit["DTEND"].dt) == (
        datetime.date(2013, 5, 23),
        datetime.date(2013, 5, 24),
    )
    # Known only to the month: the whole month; only to the year: the whole year.
    _event, caldera = item_for(client, "en", "sports-diplomacy-athletics-caldera")
    assert (caldera["DTSTART"].dt, caldera["DTEND"].dt) == (
        datetime.date(2015, 10, 1),
        datetime.date(2015, 11, 1),
    )
    with committed():
        december = add_event("december-workshop", datetime.date(2016, 12, 1), start_precision="month")
        year = add_event("year-workshop", datetime.date(2017, 1, 1), start_precision="year")
    items = vevents(client, "en")
    assert items[f"http://testserver{url_in(december, 'en')}"]["DTEND"].dt == datetime.date(2017, 1, 1)
    assert items[f"http://testserver{url_in(year, 'en')}"]["DTEND"].dt == datetime.date(2018, 1, 1)


@pytest.mark.parametrize(
    ("language", "summary", "location"),
    [
        ("en", "First Sports Diplomacy Meeting: beach volleyball", "Puerto Vallarta, Mexico"),
        ("es", "Primer Encuentro de Diplomacia Deportiva: voleibol de playa", "Puerto Vallarta, México"),
    ],
)
def test_summary_location_description_and_stamp_in_the_language(client, language, summary, location):
    event, item = item_for(client, language, "sports-diplomacy-beach-volleyball-puerto-vallarta")
    assert str(item["SUMMARY"]) == summary
    assert str(item["LOCATION"]) == location
    assert str(item["DESCRIPTION"]) == getattr(event, f"summary_{language}")
    assert item["DTSTAMP"].dt == event.last_published_at.replace(microsecond=0)


def test_an_event_without_a_place_has_no_location_and_a_note_goes_with_the_description(client):
    _event, call = item_for(client, "es", "youth-volunteer-programme-first-call")
    assert "LOCATION" not in call
    event, noted = item_for(client, "en", "observer-states-meeting-vina-del-mar-2015")
    assert str(noted["DESCRIPTION"]).endswith(event.date_note_en)


def test_unpublished_events_leave_the_feed(client, committed):
    before = len(vevents(client, "en"))
    with committed():
        EventPage.objects.get(slug_en="vii-summit-cali").unpublish()
    assert len(vevents(client, "en")) == before - 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_links_the_calendar_of_its_language_in_its_head(client, language):
    titles = {
        "en": "Pacific Alliance events and summits (iCalendar)",
        "es": "Eventos y cumbres de la Alianza del Pacífico (iCalendar)",
    }
    for url in (f"/{language}/", url_in(EventPage.objects.first(), language)):
        head = get_ok(client, url).split("</head>")[0]
        assert (
            f'<link rel="alternate" type="text/calendar" href="/{language}/feeds/events.ics" title="{titles[language]}">'
            in head
        )


def test_the_feed_is_shareable(client, settings):
    response = client.get(CALENDAR["es"])
    assert "public" in response["Cache-Control"]
    assert response["Content-Language"] == "es"
