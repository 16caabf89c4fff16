"""JSON and CSV of the news items (and events), checked against the database in both languages."""

import pytest
from django.utils import translation

from events.models import EventPage
from news.models import NewsItemPage
from opendata.resources import RESOURCES
from tests.opendata.expected import LANGUAGES, get_csv, get_json

pytestmark = pytest.mark.django_db


def expected_news(item, language):
    with translation.override(language):
        return {
            "id": item.pk,
            "title": item.title,
            "kind": item.kind,
            "date": item.date.isoformat(),
            "url": "http://testserver" + item.get_url(),
            "groups": sorted(group.pk for group in item.groups.live()),
            "countries": sorted(country.code for country in item.countries.all()),
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_json_lists_every_live_item_with_its_links(client, language):
    _response, body = get_json(client, f"/{language}/api/v1/news.json")
    items = NewsItemPage.objects.live().order_by("pk")
    assert body["count"] == items.count() >= 8
    assert list(body["results"][0]) == list(RESOURCES["news"].columns)
    for record, item in zip(body["results"], items, strict=True):
        expected = expected_news(item, language)
        got = {key: record[key] for key in expected} | {"groups": sorted(g["id"] for g in record["groups"])}
        assert got == expected
    assert {"en": "Press release", "es": "Comunicado de prensa"}[language] in {
        record["kind_label"] for record in body["results"]
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_csv_has_one_row_per_item_and_the_documented_columns(client, language):
    response, header, rows = get_csv(client, f"/{language}/api/v1/news.csv")
    assert header == list(RESOURCES["news"].columns)
    assert response["Content-Disposition"] == f'attachment; filename="news-{language}.csv"'
    items = list(NewsItemPage.objects.live().order_by("pk"))
    assert [row["id"] for row in rows] == [str(item.pk) for item in items]
    with translation.override(language):
        assert [row["title"] for row in rows] == [item.title for item in items]


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_json_and_csv_list_every_live_event_with_its_place_and_dates(client, language):
    _response, body = get_json(client, f"/{language}/api/v1/events.json", page_size=100)
    events = EventPage.objects.live().order_by("pk")
    assert body["count"] == events.count() >= 20
    assert list(body["results"][0]) == list(RESOURCES["events"].columns)
    with translation.override(language):
        for record, event in zip(body["results"], events, strict=True):
            assert (record["id"], record["title"], record["city"]) == (event.pk, event.title, event.city)
            assert record["start"].startswith(str(event.start_date.year))
            assert record["url"] == "http://testserver" + event.get_url()
    mexico = next(record for record in body["results"] if record["country"] == "MX")
    assert mexico["country_name"] == {"en": "Mexico", "es": "México"}[language]
    _response, header, rows = get_csv(client, f"/{language}/api/v1/events.csv")
    assert header == list(RESOURCES["events"].columns)
    assert [row["id"] for row in rows] == [str(event.pk) for event in events]
