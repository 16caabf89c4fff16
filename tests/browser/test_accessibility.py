"""axe-core in Chromium: no violation of WCAG 2.0, 2.1 or 2.2 at levels A and AA, on any page."""

import pytest

from tests.browser import tools
from tests.browser.figures import FIGURES
from tests.browser.pages import page_type_urls, state_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SMALL_SCREEN = {"width": 360, "height": 740}


def with_axe(browser_page, axe_js):
    """The page, with axe-core loaded into every document it opens from now on."""
    browser_page.context.add_init_script(path=str(axe_js))
    return browser_page


def axe_violations(page, axe_js):
    """axe's violations on the page as it is now, one line per rule and element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_js))
    results = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""",
        AXE_TAGS,
    )
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def check_pages(browser_page, paths, axe_js):
    violations = []
    for path in paths:
        violations += axe_violations(browser_page.goto(path), axe_js)
        FIGURES["axe page checks"] = FIGURES.get("axe page checks", 0) + 1
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(violations)
    browser_page.assert_clean()
    return violations


def test_every_crawled_page_passes_axe(site_crawl, open_page):
    axe_js = tools.require_axe()
    paths = [url.removeprefix(site_crawl.origin) for url in site_crawl.pages]
    violations = check_pages(with_axe(open_page(), axe_js), paths, axe_js)
    assert not violations, "\n".join(violations)


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
        FIGURES["axe page checks"] = FIGURES.get("axe page checks", 0) + 1
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(violations)
    assert not violations, "\n".join(violations)
