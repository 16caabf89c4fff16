"""The header as a visitor meets it on a phone: a menu button that folds the menu away so the
page's heading shows first (one current link, breadcrumbs and a menu on one row from 1024 px up,
on every crawled page: test_crawled_pages.py)."""

import pytest

from tests.browser.page_checks import PHONE
from tests.browser.pages import LANGUAGES, page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


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
