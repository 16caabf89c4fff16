"""The news listing and the item pages, through HTTP, in both languages, with the loaded content."""

from html import escape

import pytest
from django.utils import translation

from base.dates import format_day
from news.models import NewsIndexPage, NewsItemPage
from tests.pages import get_ok, parse, text_of

from .helpers import INDEX, listed, live_items, urls_of

pytestmark = pytest.mark.django_db

KIND_LABELS = {
    "en": {"press-release": "Press release", "news": "News", "statement": "Statement"},
    "es": {"press-release": "Comunicado de prensa", "news": "Noticia", "statement": "Declaración"},
}


def test_the_content_has_dated_items_of_every_kind_linked_to_what_they_concern():
    items = live_items()
    assert len(items) >= 8
    assert {item.kind for item in items} == {"press-release", "news", "statement"}
    for item in items:
        assert item.get_parent().specific_class is NewsIndexPage
        assert item.groups.exists() and item.countries.exists(), item.slug_en
        assert item.title_es != item.title_en and item.summary_es and item.body_es
    assert sum(item.projects.exists() for item in items) >= 5


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_listing_shows_the_ten_newest_items_first(client, language):
    html = get_ok(client, INDEX[language])
    assert parse(html).html_lang == language
    assert listed(client, language) == urls_of(live_items()[:10], language)
    newest = live_items()[0]
    assert f'<time datetime="{newest.date:%Y-%m-%d}">{format_day(newest.date, language)}</time>' in html
    assert getattr(newest, f"summary_{language}") in text_of(html)
    assert '<nav class="pagination"' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_second_page_lists_the_rest_and_a_page_beyond_is_not_found(client, language):
    items = live_items()
    assert listed(client, language, "?page=2") == urls_of(items[10:20], language)
    html = get_ok(client, INDEX[language] + "?page=2")
    assert 'rel="prev"' in html and 'rel="next"' not in html
    for page in ("3", "99", "0", "-1", "abc", "1.5"):
        assert client.get(INDEX[language] + f"?page={page}").status_code == 404, page


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_item_page_shows_kind_date_summary_body_and_what_it_concerns(client, language):
    for item in NewsItemPage.objects.live():
        with translation.override(language):
            html = get_ok(client, item.url)
            groups = [(group.url, group.title) for group in item.groups.all()]
            projects = [(project.url, project.title) for project in item.projects.all()]
            countries = [country.name for country in item.countries.all()]
        text = text_of(html)
        assert KIND_LABELS[language][item.kind] in text
        assert f'<time datetime="{item.date:%Y-%m-%d}">{format_day(item.date, language)}</time>' in html
        assert getattr(item, f"summary_{language}") in text
        assert text_of(getattr(item, f"body_{language}")).strip()[:60] in text
        for url, title in groups + projects:
            assert f'<a href="{url}">{escape(title, quote=False)}</a>' in html, (item.slug_en, url)
        for name in countries:
            assert f"<li>{name}</li>" in html


def test_an_item_page_names_countries_in_the_language(client):
    spanish = get_ok(client, "/es/noticias/firma-del-memorando-sobre-la-plataforma-de-cooperacion/")
    assert "<li>México</li>" in spanish and "<li>Perú</li>" in spanish
    english = get_ok(client, "/en/news/memorandum-on-the-cooperation-platform-signed/")
    assert "<li>Mexico</li>" in english
    assert "4 December 2011" in english and "4 de diciembre de 2011" in spanish


def test_an_unpublished_item_leaves_the_listing(client):
    item = live_items()[0]
    item.unpublish()
    with translation.override("en"):
        url = item.url
    assert url not in listed(client, "en")
    assert client.get(url).status_code == 404


def test_pages_declare_the_parameters_they_read():
    assert NewsIndexPage.query_parameters == {"kind", "group", "country", "year", "page"}
    assert NewsIndexPage.search_kind == NewsItemPage.search_kind == "news"


@pytest.mark.parametrize(
    ("url", "item"),
    [
        ("/en/search/?q=Bertelsmann&kind=news", "/en/news/panel-with-the-bertelsmann-foundation-in-mexico/"),
        ("/es/buscar/?q=Bertelsmann&kind=news", "/es/noticias/panel-con-la-fundacion-bertelsmann-en-mexico/"),
    ],
)
def test_the_site_search_finds_items_under_news(client, url, item):
    links = parse(get_ok(client, url)).links
    assert item in links
    assert "/en/technical-groups/external-relations/" not in links  # a page, not news
