"""axe-core in Chromium: no violation of WCAG 2.0, 2.1 or 2.2 at levels A and AA, on any page
(every crawled page: test_crawled_pages.py), on a small screen, and in every state a page has."""

import pytest

from tests.browser import tools
from tests.browser.figures import FIGURES
from tests.browser.page_checks import axe_violations, with_axe
from tests.browser.pages import page_type_urls, state_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SMALL_SCREEN = {"width": 360, "height": 740}


def check_pages(browser_page, paths, axe_js):
    violations = []
    for path in paths:
        violations += axe_violations(browser_page.goto(path), axe_js)
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(violations)
    browser_page.assert_clean()
    return violations


def test_every_page_type_passes_axe_on_a_small_screen(open_page):
    axe_js = tools.require_axe()
    paths = [path for _name, _language, path in page_type_urls()]
    small = open_page(viewport=SMALL_SCREEN, is_mobile=True, has_touch=True)
    violations = check_pages(with_axe(small, axe_js), paths, axe_js)
    assert not violations, "\n".join(violations)


def test_filter_errors_empty_results_404_and_the_legacy_notice_pass_axe(open_page):
    axe_js = tools.require_axe()
    violations = []
    for _name, _language, path, agent in state_urls():
        browser_page = with_axe(open_page(user_agent=agent) if agent else open_page(), axe_js)
        response = browser_page.page.goto(browser_page.site_url + path)
        assert response.status in {200, 404}, path
        violations += axe_violations(browser_page.page, axe_js)
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(violations)
    assert not violations, "\n".join(violations)
