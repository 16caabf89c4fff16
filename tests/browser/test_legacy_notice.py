"""The outdated-browser notice as visitors see it: shown to old browsers, dismissible, never to new ones.

Chromium renders every page here; only the User-Agent it sends changes, which is what the server
decides on. JavaScript off shows what a browser too old for the script, or with it disabled, gets.
"""

import pytest

from tests.browser.pages import IE9, LANGUAGES, page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

OLD_BROWSERS = {
    "Internet Explorer 9": IE9,
    "Safari 9": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/601.7.7 (KHTML, like Gecko) "
        "Version/9.1.2 Safari/601.7.7"
    ),
    "Android 4.4 browser": (
        "Mozilla/5.0 (Linux; U; Android 4.4.2; en-us; SM-T210R Build/KOT49H) AppleWebKit/534.30 "
        "(KHTML, like Gecko) Version/4.0 Safari/534.30"
    ),
}
CURRENT_BROWSERS = {
    "Chrome": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
    "Firefox": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Safari": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/18.1 Safari/605.1.15"
    ),
    "Edge": (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
    ),
}
MESSAGE = {"en": "Your browser is out of date", "es": "Su navegador está desactualizado"}


def group_index(language):
    return next(path for name, code, path in page_type_urls() if name == "group-index" and code == language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("agent", OLD_BROWSERS.values(), ids=OLD_BROWSERS.keys())
def test_old_browsers_see_the_notice_above_the_content_and_can_dismiss_it(open_page, agent, language):
    browser_page = open_page(user_agent=agent)
    page = browser_page.goto(group_index(language))
    notice = page.locator(".legacy-notice")
    assert notice.is_visible()
    assert MESSAGE[language] in notice.inner_text()
    assert notice.bounding_box()["y"] < page.locator("main h1").bounding_box()["y"]
    assert page.locator("main h1").is_visible(), "the notice replaced the page"

    page.get_by_role("button", name={"en": "Hide this notice", "es": "Ocultar este aviso"}[language]).click()
    assert not notice.is_visible()
    # Dismissed for the rest of the visit: the next page does not show it again.
    page.locator(".main-nav a").first.click()
    page.wait_for_load_state()
    assert page.locator(".legacy-notice").count() == 1
    assert not page.locator(".legacy-notice").is_visible()
    browser_page.assert_clean()


@pytest.mark.parametrize("agent", CURRENT_BROWSERS.values(), ids=CURRENT_BROWSERS.keys())
def test_current_browsers_never_see_the_notice(open_page, agent):
    browser_page = open_page(user_agent=agent)
    # The notice is in base.html: one page a language shows what every page does.
    for name, language, path in page_type_urls():
        if (name, language) in {("home", "en"), ("group", "es")}:
            page = browser_page.goto(path)
            assert page.locator(".legacy-notice").count() == 0, path  # only in IE's conditional comment
            assert page.get_by_text(MESSAGE[language]).count() == 0, path
    browser_page.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_pages_read_and_navigate(open_page, language):
    browser_page = open_page(java_script_enabled=False, user_agent=IE9)
    page = browser_page.goto(group_index(language))
    notice = page.locator(".legacy-notice")
    assert notice.is_visible()
    # No dead button: without the script there is nothing to dismiss the notice with.
    assert not notice.locator("button").is_visible()

    # The skip link, the menu, a link in the content and the language switcher all work.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(
        "**#main"
    )  # the fragment is set once Chromium has followed the link (a busy machine: later)
    assert page.url.endswith("#main")
    heading = page.locator("main h1").inner_text()
    page.locator("main .card a").first.click()
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() != heading
    assert page.locator("main p").first.is_visible()
    page.locator(".language-switcher a").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") != language
    page.locator(".main-nav a").last.click()
    page.wait_for_load_state()
    assert page.locator("main h1").is_visible()
    browser_page.assert_clean()


def test_without_javascript_the_project_filter_works(open_page):
    browser_page = open_page(java_script_enabled=False)
    page = browser_page.goto(next(path for name, code, path in page_type_urls() if name == "project-index"))
    page.locator("select[name=status]").select_option("concluded")
    page.locator("form.filters [type=submit]").click()
    page.wait_for_load_state()
    assert "status=concluded" in page.url
    assert page.locator(".card").count() >= 1
    browser_page.assert_clean()
