"""The header as a visitor meets it: one current link, breadcrumbs, a menu on one row from 1024 px
up, and, on a phone, a menu button that folds the menu away so the page's heading shows first."""

import pytest

from tests.browser.pages import LANGUAGES, page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDE = (1024, 1280, 1440)
PHONE = {"width": 360, "height": 800}

# What the navigation shows: current links, the breadcrumbs and the menu's geometry.
NAVIGATION = """() => {
    const current = [...document.querySelectorAll(
        ".site-brand a[aria-current], .main-nav a[aria-current], .site-footer nav a[aria-current]")];
    const crumbs = [...document.querySelectorAll(".breadcrumbs li > *")];
    const items = [...document.querySelectorAll(".main-nav li")].map(li => li.getBoundingClientRect());
    return {
        current: current.map(a => [a.getAttribute("href"), a.getAttribute("aria-current")]),
        crumbs: crumbs.map(c => c.getAttribute("href") || c.getAttribute("aria-current")),
        tops: items.map(rect => Math.round(rect.top)),
        heights: items.map(rect => Math.round(rect.height)),
    };
}"""

PHONE_LAYOUT = """() => ({
    headingBottom: document.querySelector("main h1").getBoundingClientRect().bottom,
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
})"""


def check_navigation(path, found):
    """Problems with one page's current link and breadcrumbs (the server-side tests check them
    against the tree; here, that the browser shows the same and that they agree)."""
    problems = []
    if len(found["current"]) != 1:
        return [f"{path}: {len(found['current'])} current links: {found['current']}"]
    [(href, state)] = found["current"]
    crumbs = found["crumbs"]
    if state == "page" and href != path:
        problems.append(f"{path}: the current page is {href}")
    if not crumbs and href != path:
        problems.append(f"{path}: no breadcrumbs below the home page")
    if crumbs and (crumbs[-1] != "page" or (len(crumbs) > 2 and crumbs[1] != href)):
        problems.append(f"{path}: breadcrumbs {crumbs} disagree with the current section {href}")
    return problems


def test_every_page_marks_one_current_link_and_keeps_the_menu_on_one_row(site_crawl, open_page):
    browser_page = open_page()
    page = browser_page.page
    problems, checked = [], 0
    for url in site_crawl.pages:
        path = url.removeprefix(site_crawl.origin)
        for width in WIDE:
            page.set_viewport_size({"width": width, "height": 900})
            if width == WIDE[0]:
                browser_page.goto(path)
            found = page.evaluate(NAVIGATION)
            if width == WIDE[0]:
                problems += check_navigation(path.split("?")[0], found)
            if len(set(found["tops"])) != 1 or len(set(found["heights"])) != 1:
                problems.append(f"{path} at {width}px: menu items on {sorted(set(found['tops']))}")
            checked += 1
        page.set_viewport_size(PHONE)
        phone = page.evaluate(PHONE_LAYOUT)
        if phone["headingBottom"] > PHONE["height"]:
            problems.append(f"{path} at 360px: the heading ends at {phone['headingBottom']:.0f}px")
        if phone["scrollWidth"] > phone["width"]:
            problems.append(f"{path} at 360px: {phone['scrollWidth']}px wide")
    assert checked >= 3 * 70
    browser_page.assert_clean()
    assert not problems, "\n".join(problems)


def menu_state(page):
    return page.evaluate(
        """() => ({
            expanded: document.querySelector(".menu-button").getAttribute("aria-expanded"),
            menu: document.querySelector(".main-nav").checkVisibility(),
            search: document.querySelector(".site-search").checkVisibility(),
            focused: document.activeElement.className,
        })"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_button_opens_and_closes_with_the_keyboard(open_page, language):
    browser_page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    path = next(path for name, code, path in page_type_urls() if name == "group" and code == language)
    page = browser_page.goto(path)
    button = page.locator(".menu-button")
    assert button.is_visible()
    assert button.get_attribute("aria-controls") == "site-tools main-menu"
    assert page.locator("#site-tools").count() == page.locator("#main-menu").count() == 1
    assert button.evaluate("el => el.textContent.trim()") == {"en": "Menu", "es": "Menú"}[language]
    assert menu_state(page) | {"focused": ""} == {
        "expanded": "false",
        "menu": False,
        "search": False,
        "focused": "",
    }
    while "menu-button" not in menu_state(page)["focused"]:
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert menu_state(page) == {"expanded": "true", "menu": True, "search": True, "focused": "menu-button"}
    page.keyboard.press("Tab")  # into the menu: the search box first
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.press("Escape")
    assert menu_state(page) == {"expanded": "false", "menu": False, "search": False, "focused": "menu-button"}
    page.keyboard.press("Space")
    assert menu_state(page)["expanded"] == "true"
    page.keyboard.press("Space")
    assert menu_state(page)["expanded"] == "false"
    browser_page.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_menu_is_shown_and_no_button(open_page, language):
    browser_page = open_page(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    path = next(path for name, code, path in page_type_urls() if name == "group" and code == language)
    page = browser_page.goto(path)
    assert not page.locator(".menu-button").is_visible()
    assert page.locator(".main-nav").is_visible() and page.locator(".site-search").is_visible()
    browser_page.assert_clean()
