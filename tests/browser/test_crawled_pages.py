"""Every crawled page, opened once in Chromium: axe-core finds no violation of WCAG 2.0, 2.1 or
2.2 at levels A and AA, and the header marks one current link and keeps the menu on one row from
1024 px up (tests/browser/page_checks.py). Opening each page once serves both checks."""

import pytest

from tests.browser import tools
from tests.browser.conftest import BrowserPage
from tests.browser.figures import FIGURES
from tests.browser.page_checks import axe_violations, header_problems, with_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def crawled_pages(site_crawl, chromium, site_url, django_db_blocker):
    """What axe and the header checks found on every crawled page, and what would hide it (the
    served site reads the database outside any one test: with SQLite, through this process's)."""
    axe_js = tools.require_axe()
    context = chromium.new_context(base_url=site_url, viewport=DESKTOP)
    browser_page = with_axe(BrowserPage(context, site_url), axe_js)
    found = {"axe": [], "header": [], "pages": 0}
    try:
        with django_db_blocker.unblock():
            for url in site_crawl.pages:
                path = url.removeprefix(site_crawl.origin)
                browser_page.page.set_viewport_size(DESKTOP)
                page = browser_page.goto(path)
                found["axe"] += axe_violations(page, axe_js)
                found["header"] += header_problems(page, path)
                found["pages"] += 1
    finally:
        context.close()
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(found["axe"])
    found["unclean"] = [
        *browser_page.third_party,
        *browser_page.failed_requests,
        *browser_page.console_errors,
    ]
    return found


def test_every_crawled_page_passes_axe(crawled_pages):
    assert crawled_pages["pages"] >= 70
    assert not crawled_pages["unclean"], crawled_pages["unclean"]
    assert not crawled_pages["axe"], "\n".join(crawled_pages["axe"])


def test_every_page_marks_one_current_link_and_keeps_the_menu_on_one_row(crawled_pages):
    assert crawled_pages["pages"] >= 70
    assert not crawled_pages["unclean"], crawled_pages["unclean"]
    assert not crawled_pages["header"], "\n".join(crawled_pages["header"])
