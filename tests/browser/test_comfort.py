"""Comfort settings: a dark colour scheme, reduced motion and forced colours (Windows high
contrast). Each really changes the page, and axe finds no violation in any of them, on every page
type in both languages."""

import pytest

from tests.browser import tools
from tests.browser.figures import FIGURES
from tests.browser.page_checks import axe_violations, with_axe
from tests.browser.pages import page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SETTINGS = {
    "dark": {"color_scheme": "dark"},
    "reduced-motion": {"reduced_motion": "reduce"},
    "forced-colours": {"forced_colors": "active"},
    "dark-phone": {"color_scheme": "dark", "viewport": {"width": 360, "height": 800}, "is_mobile": True},
}

LOOK = """() => {
    const style = selector => getComputedStyle(document.querySelector(selector));
    return {
        background: style("html").backgroundColor,
        text: style("main").color,
        scroll: style("html").scrollBehavior,
        current: style(".main-nav a[aria-current]").borderTopStyle,
    };
}"""


@pytest.mark.parametrize("setting", SETTINGS, ids=SETTINGS.keys())
def test_every_page_type_passes_axe_in_each_comfort_setting(open_page, setting):
    axe_js = tools.require_axe()
    browser_page = with_axe(open_page(**SETTINGS[setting]), axe_js)
    violations = []
    for name, _language, path in page_type_urls():
        page = browser_page.goto(path)
        if name != "home":  # the home page has no current menu item
            look = page.evaluate(LOOK)
            if setting.startswith("dark"):
                assert look["background"] == "rgb(15, 22, 32)" and look["text"] == "rgb(230, 235, 242)", look
            if setting == "reduced-motion":
                assert look["scroll"] == "auto", look
            if setting == "forced-colours":
                assert look["current"] == "solid", look  # the current item keeps a visible mark
        violations += axe_violations(page, axe_js)
    FIGURES["axe violations"] = FIGURES.get("axe violations", 0) + len(violations)
    browser_page.assert_clean()
    assert not violations, "\n".join(violations)


def test_without_a_preference_the_scheme_is_light_and_scrolling_smooth(open_page):
    browser_page = open_page(color_scheme="light", reduced_motion="no-preference")
    path = next(path for name, _language, path in page_type_urls() if name == "group")
    page = browser_page.goto(path)
    page.focus("#site-search-q")  # smooth scrolling applies while something in the page has focus
    look = page.evaluate(LOOK)
    assert look["background"] == "rgb(255, 255, 255)" and look["text"] == "rgb(27, 36, 48)", look
    assert look["scroll"] == "smooth"
