"""Every page marks exactly one link of the site's navigation as current, chosen from the page tree,
and every page below the home page has breadcrumbs that follow the tree, with BreadcrumbList
JSON-LD; the home page describes the Alliance as an Organization. In both languages."""

import json
from html.parser import HTMLParser

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from base.models import MemberCountry
from base.navigation import ancestor_paths, current_state, is_within
from tests.pages import get_ok, url_in

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es"]
VOID = {
    "a",
    "span",
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}
NAVIGATION = {"site-brand", "main-nav", "site-footer"}  # where the site's own links are


class Marks(HTMLParser):
    """aria-current links of the site's navigation, the breadcrumbs, and the JSON-LD blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.current, self.crumbs, self.json_ld = [], [], [], []
        self._json, self._crumb = None, None

    def inside(self, name):
        return any(name in classes for classes in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID:
            self.stack.append(set((attrs.get("class") or "").split()))
        if tag == "a" and attrs.get("aria-current") and any(self.inside(name) for name in NAVIGATION):
            self.current.append((attrs["href"], attrs["aria-current"]))
        if self.inside("breadcrumbs") and tag in {"a", "span"}:
            self._crumb = [attrs.get("href"), attrs.get("aria-current"), ""]
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._json = []

    def handle_endtag(self, tag):
        if tag in {"a", "span"} and self._crumb is not None:
            self.crumbs.append(tuple(self._crumb))
            self._crumb = None
        elif tag == "script" and self._json is not None:
            self.json_ld.append(json.loads("".join(self._json)))
            self._json = None
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self._crumb is not None:
            self._crumb[2] += data
        if self._json is not None:
            self._json.append(data)


def marks(client, url):
    return marks_in(get_ok(client, url))


def marks_in(html):
    parser = Marks()
    parser.feed(html)
    return parser


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).order_by("path"))


def title_in(language, page):
    with translation.override(language):
        return page.title


def expected_current(page, home):
    """(URL path of the one current link, its aria-current value)."""
    if page.pk == home.pk:
        return home, "page"
    section = Page.objects.get(path=page.path[: (home.depth + 1) * Page.steplen])
    return section, "page" if section.pk == page.pk else "true"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_marks_exactly_one_link_current_the_right_one(rendered_site, language):
    home = Site.objects.get(is_default_site=True).root_page
    pages = live_pages()
    assert len(pages) > 30  # the whole site, not a sample
    for page in pages:
        url = url_in(language, page)
        section, state = expected_current(page, home)
        found = marks_in(rendered_site[url]).current
        assert found == [(url_in(language, section), state)], f"{url}: {found}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_group_pages_mark_only_the_technical_groups(client, language):
    """The pages that a substring test of tree paths got wrong: two sections were current."""
    groups = Page.objects.get(slug_en="technical-groups")
    others = [page for page in groups.get_siblings(inclusive=False) if page.show_in_menus]
    # The trap: another section's path is a substring of the group's, though not above it.
    trapped = [group for group in groups.get_children() if any(other.path in group.path for other in others)]
    assert len(trapped) >= 3
    for group in trapped:
        assert not any(is_within(group.path, other.path) for other in others), group.slug
        found = marks(client, url_in(language, group)).current
        assert found == [(url_in(language, groups), "true")]


def test_current_state_compares_whole_levels_of_the_tree():
    class Link:
        pk, path = 7, "00010002"

    class At:
        def __init__(self, pk, path):
            self.pk, self.path = pk, path

    assert current_state(Link, At(7, "00010002")) == "page"
    assert current_state(Link, At(9, "000100020005")) == "true"
    assert current_state(Link, At(9, "000100030002")) == ""  # "00010002" is inside it, not above it
    assert current_state(Link, At(9, "00010003")) == ""
    assert current_state(Link, None) == ""
    assert ancestor_paths("000100020003") == ["0001", "00010002"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_breadcrumbs_follow_the_tree_with_structured_data(rendered_site, language):
    home = Site.objects.get(is_default_site=True).root_page
    for page in live_pages():
        url = url_in(language, page)
        found = marks_in(rendered_site[url])
        if page.pk == home.pk:
            assert found.crumbs == [], url
            continue
        trail = [*page.get_ancestors().filter(depth__gte=home.depth), page]
        expected = [(url_in(language, p), None, title_in(language, p)) for p in trail[:-1]]
        expected.append((None, "page", title_in(language, page)))
        assert found.crumbs == expected, url
        [data] = [block for block in found.json_ld if block.get("@type") == "BreadcrumbList"]
        assert data["@context"] == "https://schema.org"
        assert [(item["position"], item["name"], item["item"]) for item in data["itemListElement"]] == [
            (number, title_in(language, p), f"http://testserver{url_in(language, p)}")
            for number, p in enumerate(trail, start=1)
        ], url


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_describes_the_organization(client, language):
    home = Site.objects.get(is_default_site=True).root_page.specific
    found = marks(client, url_in(language, home))
    assert not [block for block in found.json_ld if block.get("@type") == "BreadcrumbList"]
    [data] = [block for block in found.json_ld if block.get("@type") == "Organization"]
    with translation.override(language):
        members = [country.name for country in MemberCountry.objects.all()]
        assert data["description"] == home.intro
    assert data["name"] == {"en": "Pacific Alliance", "es": "Alianza del Pacífico"}[language]
    assert data["alternateName"] == [{"en": "Alianza del Pacífico", "es": "Pacific Alliance"}[language]]
    assert data["url"] == f"http://testserver{url_in(language, home)}"
    assert sorted(member["name"] for member in data["member"]) == sorted(members)
    assert len(members) == 4


def test_json_ld_cannot_close_its_element():
    from base.structured_data import json_ld_script

    html = json_ld_script({"name": "</script><script>alert(1)</script> & <!--"})
    assert html.count("<") == 2 and html[-9:] == "</script>"
    assert json.loads(html[len('<script type="application/ld+json">') : -9])["name"].startswith("</script>")
