"""The Atom feed of the news, one per language, and the link to it in every page's head.

The feed is read with ElementTree (what it holds, exactly) and with feedparser (what a feed
reader makes of it).
"""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import translation

from tests.pages import get_ok

from .helpers import FEED, add_item, live_items, urls_of

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
TITLES = {"en": "Pacific Alliance: news", "es": "Alianza del Pacífico: noticias"}


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 - the site's own XML
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    entries = [
        {
            "title": entry.find("a:title", ATOM).text,
            "link": entry.find("a:link", ATOM).get("href"),
            "updated": entry.find("a:updated", ATOM).text,
            "summary": entry.find("a:summary", ATOM).text,
        }
        for entry in feed.findall("a:entry", ATOM)
    ]
    return response, feed, entries


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_feed_lists_the_items_newest_first_in_its_language(client, language):
    response, feed, entries = read_feed(client, FEED[language])
    assert response["Content-Language"] == language
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.find("a:title", ATOM).text == TITLES[language]
    items = live_items()
    assert len(entries) == len(items)
    for entry, item in zip(entries, items, strict=True):
        with translation.override(language):
            assert entry["link"] == f"http://testserver{item.url}"
        assert entry["title"] == getattr(item, f"title_{language}")
        assert entry["summary"] == getattr(item, f"summary_{language}")
        assert entry["updated"] == f"{item.date:%Y-%m-%d}T00:00:00+00:00"
    assert feed.find("a:updated", ATOM).text == entries[0]["updated"]
    index_link = feed.find("a:link[@rel='alternate']", ATOM).get("href")
    assert index_link == f"http://testserver/{language}/{'news' if language == 'en' else 'noticias'}/"


def test_the_feed_keeps_the_latest_twenty(client):
    for number in range(20):
        add_item(number)
    _response, _feed, entries = read_feed(client, FEED["en"])
    assert len(entries) == 20
    assert all(entry["title"].startswith("Added item") for entry in entries)
    _response, _feed, entries = read_feed(client, FEED["es"])
    assert all(
        entry["link"].startswith("http://testserver/es/noticias/noticia-anadida-") for entry in entries
    )


def test_the_feed_and_the_filtered_listing_are_shared(client):
    for url in (FEED["en"], FEED["es"], "/en/news/?kind=news&year=2014", "/es/noticias/?page=2"):
        response = client.get(url)
        assert response["X-Shared"] == "yes" and "public" in response["Cache-Control"], url
    # A parameter that neither reads is answered, but never kept.
    for url in (FEED["en"] + "?x=1", "/en/news/?x=1"):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Shared" not in response and "private" in response["Cache-Control"], url


@pytest.mark.parametrize(
    ("url", "language"),
    [("/en/", "en"), ("/es/", "es"), ("/es/grupos-tecnicos/cooperacion/", "es"), ("/en/news/", "en")],
)
def test_every_page_announces_the_feed_in_its_language(client, url, language):
    html = get_ok(client, url)
    title = {"en": "Pacific Alliance news", "es": "Noticias de la Alianza del Pacífico"}[language]
    assert (
        f'<link rel="alternate" type="application/atom+xml" href="{FEED[language]}" title="{title}">' in html
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_feed_reader_parses_the_feed_without_complaint(client, language):
    response = client.get(f"/{language}/feeds/news.atom")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == TITLES[language]
    items = live_items()[:20]
    assert [entry.link for entry in parsed.entries] == [
        "http://testserver" + url for url in urls_of(items, language)
    ]
