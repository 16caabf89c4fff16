"""/sitemap.xml against the real page tree, and /robots.txt."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    entries = {}
    for url in ET.fromstring(response.content).findall("s:url", NS):  # noqa: S314 - the site's own XML
        location = url.find("s:loc", NS).text
        assert location not in entries, f"{location} is listed twice"
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[location] = {"alternates": alternates, "lastmod": url.find("s:lastmod", NS).text}
    return entries


def urls_of(page):
    """{language: absolute URL} of a page, as the test client's host sees it."""
    urls = {}
    for language in ("en", "es"):
        with translation.override(language):
            urls[language] = "http://testserver" + page.get_url()
    return urls


def live_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).specific())


def test_every_live_page_is_listed_in_both_languages_with_its_alternates(client):
    entries = sitemap(client)
    pages = live_pages()
    assert len(pages) == 89  # 37; news (15); contact, privacy, legal notices (3); countries (5); events (29)
    assert len(entries) == 2 * len(pages)
    for page in pages:
        urls = urls_of(page)
        expected = {**urls, "x-default": urls["en"]}
        for language in ("en", "es"):
            assert urls[language] in entries, urls[language]
            assert entries[urls[language]]["alternates"] == expected
            assert entries[urls[language]]["lastmod"] == page.last_published_at.date().isoformat()
    # Translated slugs: the Spanish URL of a group is not the English one with another prefix.
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    assert entries["http://testserver/es/grupos-tecnicos/cooperacion/"]["alternates"]["en"] == (
        "http://testserver/en/technical-groups/cooperation/"
    )
    assert urls_of(group)["es"] == "http://testserver/es/grupos-tecnicos/cooperacion/"


def test_the_alternates_match_each_pages_own_hreflang_links(client):
    from tests.pages import get_ok, parse

    entries = sitemap(client)
    for url in ("http://testserver/es/proyectos-de-cooperacion/", "http://testserver/en/document-library/"):
        page = parse(get_ok(client, url.removeprefix("http://testserver")))
        assert page.alternates == entries[url]["alternates"]


def test_pages_that_are_not_live_or_are_private_are_left_out(client):
    tourism = TechnicalGroupPage.objects.get(slug_en="tourism")
    culture = TechnicalGroupPage.objects.get(slug_en="culture")
    tourism.unpublish()
    PageViewRestriction.objects.create(page=culture, restriction_type="password", password="x")
    draft = TechnicalGroupPage(
        title="Draft group",
        slug="draft-group",
        slug_es="grupo-borrador",
        summary="x",
        introduction="x",
        live=False,
    )
    tourism.get_parent().add_child(instance=draft)
    entries = sitemap(client)
    for page in (tourism, culture, draft):
        for url in urls_of(page).values():
            assert url not in entries
    assert len(entries) == 2 * len(live_pages()) == 2 * (89 - 2)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


def test_sitemap_pages_beyond_the_last_are_404(client):
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=abc").status_code == 404
