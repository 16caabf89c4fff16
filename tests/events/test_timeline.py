"""The events timeline through HTTP, in both languages: by year, upcoming apart, filters."""

import re

import pytest
from django.utils import translation

from events.models import EventPage
from tests.events.helpers import TIMELINE, add_event, listed, today_plus, url_in
from tests.pages import get_ok, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def year_headings(html):
    return [int(year) for year in re.findall(r'<h3 id="year-(\d{4})">', html)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_timeline_lists_every_event_once_under_its_year_newest_year_first(client, language):
    html = get_ok(client, TIMELINE[language])
    events = list(EventPage.objects.live())
    expected_years = sorted({event.start_date.year for event in events}, reverse=True)
    assert year_headings(html) == expected_years
    assert sorted(listed(html, language)) == sorted(url_in(event, language) for event in events)
    by_url = {url_in(event, language): event for event in events}
    for year, section in zip(expected_years, html.split('<h3 id="year-')[1:], strict=True):
        shown = [by_url[url] for url in re.findall(r'class="event-list__title" href="([^"]+)"', section)]
        assert {event.pk for event in shown} == {e.pk for e in events if e.start_date.year == year}
        starts = [event.start_date for event in shown]
        assert starts == sorted(starts, reverse=True)  # newest first within the year too


def test_timeline_speaks_the_visitors_language(client):
    english_html, spanish_html = get_ok(client, TIMELINE["en"]), get_ok(client, TIMELINE["es"])
    english, spanish = text_of(english_html), text_of(spanish_html)
    assert "VII Summit of the Pacific Alliance" in english and "23 May 2013" in english
    assert "VII Cumbre de la Alianza del Pacífico" in spanish and "23 de mayo de 2013" in spanish
    assert "Cali, Colombia" in spanish and "Mexico City, Mexico" in english
    assert "Ciudad de México, México" in spanish
    assert "Presidential summit" in english and "Cumbre presidencial" in spanish
    # A span of days: each end is a <time> of its own, the month and year written once.
    span = '<time datetime="2013-06-29">29</time>–<time datetime="2013-06-30">{}</time>'
    assert span.format("30 June 2013") in english_html
    assert span.format("30 de junio de 2013") in spanish_html
    assert '<time datetime="2015-10">October 2015</time>' in english_html
    assert '<time datetime="2015-10">octubre de 2015</time>' in spanish_html


def test_upcoming_events_are_shown_apart_soonest_first(client):
    later = add_event("later-workshop", today_plus(60), title="Later workshop")
    sooner = add_event("sooner-workshop", today_plus(10), title="Sooner workshop")
    today = add_event("today-workshop", today_plus(0), title="Workshop today")
    html = get_ok(client, TIMELINE["en"])
    upcoming, past = html.split('id="past-heading"')
    assert listed(upcoming, "en") == [url_in(e, "en") for e in (today, sooner, later)]
    assert url_in(later, "en") not in past
    assert "No upcoming event has been announced." not in upcoming
    assert "No upcoming event has been announced." in get_ok(client, TIMELINE["en"] + "?kind=other")


@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_by_kind(client, language):
    html = get_ok(client, TIMELINE[language] + "?kind=sports_meeting")
    expected = {url_in(e, language) for e in EventPage.objects.live().filter(kind="sports_meeting")}
    assert set(listed(html, language)) == expected
    assert len(expected) == 4
    assert '<option value="sports_meeting" selected>' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_by_country_and_kind_together(client, language):
    chile = {url_in(e, language) for e in EventPage.objects.live().filter(country="CL")}
    assert set(listed(get_ok(client, TIMELINE[language] + "?country=CL"), language)) == chile
    assert 0 < len(chile) < EventPage.objects.live().count()
    both = listed(get_ok(client, TIMELINE[language] + "?country=CL&kind=high_level_group"), language)
    santiago = EventPage.objects.get(slug_en="xv-high-level-group-meeting-santiago")
    vina = EventPage.objects.get(slug_en="high-level-group-meeting-vina-del-mar-2014")
    assert both == [url_in(vina, language), url_in(santiago, language)]  # newest first


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("field", ["groups", "projects"])
def test_filter_by_technical_group_or_cooperation_project(client, language, field):
    named = EventPage.objects.live().filter(**{f"{field}__isnull": False}).first()
    page = getattr(named, field).first()
    with translation.override(language):
        slug = page.slug
    html = get_ok(client, TIMELINE[language] + f"?{field[:-1]}={slug}")
    expected = {url_in(event, language) for event in page.events.live()}
    assert set(listed(html, language)) == expected
    assert 0 < len(expected) < EventPage.objects.live().count()
    assert f'<option value="{slug}" selected>' in html


def test_country_choices_are_named_in_the_visitors_language(client):
    spanish = get_ok(client, TIMELINE["es"])
    assert '<option value="MX">México</option>' in spanish
    assert '<option value="PE">Perú</option>' in spanish
    assert '<option value="MX">Mexico</option>' in get_ok(client, TIMELINE["en"])


@pytest.mark.parametrize(
    "query",
    [
        "?kind=party",
        "?country=XX",
        "?country=%00",
        "?kind=" + "x" * 3000,
        "?kind=a&kind=b",
        "?country=cl",
        "?group=no-such-group",
        "?project=cooperacion",  # a group's slug is not a project's
    ],
)
def test_bad_filter_values_show_the_whole_timeline_with_the_error(client, query):
    response = client.get(TIMELINE["en"] + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not valid" in html
    assert 'class="form-error" id="id_' in html
    assert len(listed(html, "en")) == EventPage.objects.live().count()


def test_an_empty_filter_result_says_so(client):
    html = get_ok(client, TIMELINE["en"] + "?country=CL&kind=presidential_summit")
    assert listed(html, "en") == []
    assert "No past event matches these filters." in html


def test_timeline_declares_the_parameters_it_reads():
    from events.models import EventIndexPage

    assert EventIndexPage.query_parameters == {"kind", "country", "group", "project"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_timeline_links_the_calendar_of_its_language(client, language):
    html = get_ok(client, TIMELINE[language])
    assert f'<a href="/{language}/feeds/events.ics" type="text/calendar">' in html
