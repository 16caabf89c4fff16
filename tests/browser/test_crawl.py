"""The whole site, crawled from both home pages: no broken page, link or resource; hreflang pairs."""

import pytest
from django.utils import translation
from wagtail.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

THIRD_PARTY_ALLOWED = {"a"}  # other sites may be linked to, never loaded from


def test_every_page_answers_200_and_every_link_and_resource_resolves(site_crawl):
    assert site_crawl.pages, "the crawl found no page"
    assert not site_crawl.broken, "\n".join(site_crawl.broken)
    kinds = set(site_crawl.resources.values())
    # The crawl really reached the stylesheet, the icon and the documents.
    assert {"text/css", "image/svg+xml", "application/pdf"} <= kinds, kinds
    # Current browsers are sent one script, the menu button's: legacy-notice.js is only for
    # browsers shown the notice.
    scripts = {
        url.removeprefix(site_crawl.origin)
        for url, kind in site_crawl.resources.items()
        if "javascript" in kind
    }
    assert scripts == {"/static/js/menu.js"}, scripts


def test_the_crawl_reaches_every_live_page_in_both_languages(site_crawl):
    missing = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        for language in ("en", "es"):
            with translation.override(language):
                url = site_crawl.origin + page.url
            if url not in site_crawl.pages:
                missing.append(url)
    assert not missing, f"live pages no link leads to: {missing}"


def test_every_page_names_its_language_and_its_partner_links_back(site_crawl):
    problems = []
    for url, page in site_crawl.pages.items():
        if not page.alternates:
            problems.append(f"{url}: no <link rel=alternate hreflang>")
            continue
        if page.alternates.get(page.lang) != url.split("?")[0]:
            problems.append(
                f"{url}: lang={page.lang!r} but hreflang={page.lang!r} points to {page.alternates.get(page.lang)}"
            )
        if page.alternates.get("x-default") != page.alternates.get("en"):
            problems.append(f"{url}: x-default is not the English page")
        for code, partner_url in page.alternates.items():
            if code in {"x-default", page.lang}:
                continue
            partner = site_crawl.pages.get(partner_url)
            if partner is None:
                problems.append(f"{url}: hreflang={code} partner {partner_url} was not crawled")
            elif partner.lang != code:
                problems.append(f"{partner_url}: announced as {code} by {url} but says lang={partner.lang!r}")
            elif partner.alternates.get(page.lang) != url.split("?")[0]:
                problems.append(f"{partner_url}: does not link back to {url} (hreflang={page.lang})")
    assert not problems, "\n".join(problems)


def test_pages_load_nothing_from_other_sites(site_crawl):
    loaded = sorted(url for what, url in site_crawl.external if what not in THIRD_PARTY_ALLOWED)
    assert not loaded, f"resources from other sites: {loaded}"
    plain_http = sorted(url for _what, url in site_crawl.external if url.startswith("http:"))
    assert not plain_http, f"links to other sites over plain HTTP: {plain_http}"
