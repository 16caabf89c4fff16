"""What the browser tests check on a page they have open: axe-core's violations, and the header
as a visitor meets it (one current link, breadcrumbs, a menu on one row, a phone's layout)."""

from tests.browser.figures import FIGURES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
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
    FIGURES["axe page checks"] = FIGURES.get("axe page checks", 0) + 1
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


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


def header_problems(page, path):
    """The open page's header at each wide width and its layout on a phone; the viewport is left
    at the phone's size."""
    problems = []
    for width in WIDE:
        page.set_viewport_size({"width": width, "height": 900})
        found = page.evaluate(NAVIGATION)
        if width == WIDE[0]:
            problems += check_navigation(path.split("?")[0], found)
        if len(set(found["tops"])) != 1 or len(set(found["heights"])) != 1:
            problems.append(f"{path} at {width}px: menu items on {sorted(set(found['tops']))}")
    page.set_viewport_size(PHONE)
    phone = page.evaluate(PHONE_LAYOUT)
    if phone["headingBottom"] > PHONE["height"]:
        problems.append(f"{path} at 360px: the heading ends at {phone['headingBottom']:.0f}px")
    if phone["scrollWidth"] > phone["width"]:
        problems.append(f"{path} at 360px: {phone['scrollWidth']}px wide")
    return problems
