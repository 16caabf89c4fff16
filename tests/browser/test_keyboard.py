"""A keyboard user reaches the content, changes language and uses the forms, always seeing the focus.

Each step starts on a page and uses only Tab, Enter and the arrow keys. A form step is one line
in KEYBOARD_STEPS (see form_step); a search form in the header, for instance, would be
    ("search form", form_step("home", "form[role=search]", {"input[type=search]": "education"})),
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.pages import LANGUAGES, PAGE_TYPES, url_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MAX_TABS = 80

FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== "none";
    return outline || shadow;
}"""

# Contrast of the focused element's text on its own background, when it paints one (WCAG 1.4.3).
FOCUS_CONTRAST = """el => {
    const rgba = value => value.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const style = getComputedStyle(el);
    const background = rgba(style.backgroundColor);
    if (background.length === 4 && background[3] < 1) return null;
    const [light, dark] = [luminance(rgba(style.color)), luminance(background)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
}"""


def page_path(page_type, language):
    return url_of(dict(PAGE_TYPES)[page_type](), language)


def clip_around(box, margin=6):
    return {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }


def assert_focus_visible(page, element, unfocused_picture=None):
    """The focused element shows a focus indicator, inside the viewport, not hidden by anything."""
    description = element.evaluate("el => el.outerHTML.slice(0, 120)")
    assert element.evaluate(FOCUS_STYLE), f"no outline or box-shadow on focus: {description}"
    contrast = element.evaluate(FOCUS_CONTRAST)
    assert contrast is None or contrast >= 4.5, f"focused text contrast {contrast:.2f}:1: {description}"
    box = element.bounding_box()
    viewport = page.viewport_size
    assert box and box["width"] > 0 and box["height"] > 0, f"focused element has no size: {description}"
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"focus off screen: {description}"
    hit = element.evaluate(
        """el => {
            // The middle of the element's first box (a link may wrap onto several lines).
            const rect = el.getClientRects()[0];
            const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
            return !!top && (el === top || el.contains(top));
        }"""
    )
    assert hit, f"focused element is covered by something else: {description}"
    if unfocused_picture is not None:
        assert page.screenshot(clip=clip_around(box)) != unfocused_picture, (
            f"focus changes nothing: {description}"
        )


def tab_to(page, selector):
    """Press Tab until `selector` has focus, checking the focus indicator at every stop."""
    target = page.locator(selector).first
    target_box = target.bounding_box()
    before = page.screenshot(clip=clip_around(target_box)) if target_box else None
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        assert focused.count() == 1, f"Tab left the page before reaching {selector}"
        if focused.evaluate("(el, s) => el.matches(s)", selector):
            assert_focus_visible(page, focused, before)
            return focused
        assert_focus_visible(page, focused)
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector}")


def skip_to_main_content(page, language):
    page.goto(page_path("group", language))
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.evaluate("el => el.matches('a.skip-link')"), "the first Tab stop is not the skip link"
    assert_focus_visible(page, skip)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)"), (
        "after the skip link, Tab does not continue inside the main content"
    )
    assert_focus_visible(page, page.locator(":focus"))


def switch_language(page, language):
    other = next(code for code in LANGUAGES if code != language)
    page.goto(page_path("group-index", language))
    tab_to(page, f'.language-switcher a[hreflang="{other}"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.lang") == other
    assert urlsplit(page.url).path == page_path("group-index", other)


def form_step(page_type, form, fields):
    """A step that fills `form` on `page_type` by keyboard and submits it with Enter.

    `fields` maps a field's selector to what to do there: a string is typed, a number is how
    many times to press the down arrow (in a select). The step then checks that the submitted
    page's address carries the value of every field.
    """

    def step(page, language):
        page.goto(page_path(page_type, language))
        for selector, action in fields.items():
            tab_to(page, f"{form} {selector}")
            if isinstance(action, int):
                for _ in range(action):
                    page.keyboard.press("ArrowDown")
            else:
                page.keyboard.type(action)
        expected = {
            name: value
            for name, value in page.locator(f"{form} [name]").evaluate_all(
                "els => els.map(el => [el.name, el.value])"
            )
            if value
        }
        assert expected, "nothing was chosen in the form"
        tab_to(page, f"{form} [type=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        query = {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}
        assert query == expected
        assert page.locator("h1").is_visible()

    return step


KEYBOARD_STEPS = [
    ("skip link", skip_to_main_content),
    ("language switcher", switch_language),
    ("project filter", form_step("project-index", "form.filters", {"select[name=status]": 1})),
    ("search form", form_step("home", "form[role=search]", {"input[type=search]": "education"})),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "step"), KEYBOARD_STEPS, ids=[name for name, _step in KEYBOARD_STEPS])
def test_keyboard_only(open_page, language, name, step):
    browser_page = open_page()
    step(browser_page.page, language)
    browser_page.assert_clean()
