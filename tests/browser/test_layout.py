"""Every page type on a small phone (360 px) and a large screen (1440 px): nothing scrolls sideways,
no text overlaps other text or leaves the screen. Screenshots of the home and a group page are
saved under test-artifacts/screenshots/ (not committed; CI prints the folder). With
README_SCREENSHOTS=1 the first screen of each is also written to docs/screenshots/, which the README
shows (committed: refresh them after a visible change).
"""

import os

import pytest

from tests.browser import tools
from tests.browser.pages import page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SCREENS = {
    "small": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "large": {"viewport": {"width": 1440, "height": 900}},
}
SCREENSHOT_PAGES = {"home", "group"}
README_SCREENSHOTS = tools.ROOT / "docs" / "screenshots"

# Returns a list of problems. Text is measured line box by line box (Range.getClientRects), so
# two texts overlap only if the glyph boxes of their lines do.
LAYOUT_PROBLEMS = """() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
        problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px wide for ${width}px`);
    }
    const rects = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || !parent.checkVisibility({visibilityProperty: true})) continue;
        if (parent.closest(".skip-link:not(:focus)")) continue;  // off screen until focused, on purpose
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
            if (rect.width < 1 || rect.height < 1) continue;
            const text = node.textContent.trim().slice(0, 40);
            if (rect.left < -1 || rect.right > width + 1) {
                problems.push(`text leaves the screen (${Math.round(rect.left)}..${Math.round(rect.right)}px): "${text}"`);
            }
            rects.push({node, text, top: rect.top + scrollY, bottom: rect.bottom + scrollY, left: rect.left, right: rect.right});
        }
    }
    rects.sort((a, b) => a.top - b.top);
    for (let i = 0; i < rects.length; i++) {
        const a = rects[i];
        for (let j = i + 1; j < rects.length && rects[j].top < a.bottom - 2; j++) {
            const b = rects[j];
            if (a.node === b.node) continue;
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > 2 && down > 2) problems.push(`text overlaps: "${a.text}" and "${b.text}"`);
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=SCREENS.keys())
def test_no_sideways_scrolling_nor_overlapping_text(open_page, screen):
    browser_page = open_page(**SCREENS[screen])
    problems = []
    for name, language, path in page_type_urls():
        page = browser_page.goto(path)
        problems += [f"{path}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
        if name in SCREENSHOT_PAGES:
            tools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=tools.SCREENSHOTS / f"{name}-{language}-{screen}.png", full_page=True)
            if os.environ.get("README_SCREENSHOTS") == "1":
                README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=README_SCREENSHOTS / f"{name}-{language}-{screen}.png")
    browser_page.assert_clean()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "es"])
def test_printed_pages_keep_the_content_and_drop_the_menus(open_page, language):
    browser_page = open_page()
    path = next(path for name, code, path in page_type_urls() if name == "group" and code == language)
    page = browser_page.goto(path)
    page.emulate_media(media="print")
    for hidden in (".main-nav", ".language-switcher", ".skip-link"):
        assert not page.locator(hidden).is_visible(), hidden
    for shown in (".site-name", ".site-members", "main h1", "main .layout__side"):
        assert page.locator(shown).is_visible(), shown
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).color") == "rgb(0, 0, 0)"
    # Documents are listed with their address, since paper cannot be clicked.
    document_link = page.locator("main a[href^='/documents/']").first
    assert "/documents/" in document_link.evaluate("el => getComputedStyle(el, '::after').content")
    tools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=tools.SCREENSHOTS / f"group-{language}-print.png", full_page=True)
