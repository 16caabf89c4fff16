"""The site's menus, built from the public page tree once per language and content version.

What is cached is plain data shared by every page. Which link is current is worked out per page
from its place in the tree (see `current_states`), never from the text of URLs.
"""

from django.utils import translation
from wagtail.models import Page, Site

from caching import dependencies
from caching.fragments import remember


class Link:
    """A page as menus show it; plain data, so it can be cached."""

    def __init__(self, page, request):
        specific = page.specific
        language = translation.get_language()
        self.pk, self.path, self.url = page.pk, page.path, page.get_url(request)
        self.title = page.title
        self.intro = getattr(specific, "intro", "")
        # Mark English shown in place of missing Spanish (see alliance_tags.fallback_lang).
        self.title_lang = "en" if language != "en" and not getattr(page, f"title_{language}") else ""
        self.intro_lang = (
            "en" if self.intro and language != "en" and not getattr(specific, f"intro_{language}") else ""
        )


class Navigation:
    def __init__(self, home, menu, others):
        self.home, self.menu, self.others = home, menu, others

    def links(self):
        """Every cached link: the home page and the pages right under it."""
        return [self.home, *self.menu, *self.others]


def _build(site, request):
    home = site.root_page
    # The home page's own title and URL, and a new top-level page joining the menu.
    dependencies.record(dependencies.object_key(Page, home.pk), dependencies.children_key(home.path))
    # Only what an anonymous visitor may open: the menus are cached and shared by every visitor.
    # Specific pages (for their intros) in one query per page type, not one per page.
    children = list(home.get_children().live().public().specific())
    return Navigation(
        home=Link(home, request),
        menu=[Link(page, request) for page in children if page.show_in_menus],
        others=[Link(page, request) for page in children if not page.show_in_menus],
    )


def navigation(request):
    """The home link, the main menu and the other top-level pages, for this request's site."""
    if request is None:
        return None
    if not hasattr(request, "_alliance_navigation"):
        site = Site.find_for_request(request)
        language = translation.get_language()
        key = f"public-navigation:{site.pk}:{language}" if site else None
        request._alliance_navigation = remember(key, lambda: _build(site, request)) if site else None
    return request._alliance_navigation


def ancestor_paths(path):
    """The materialised paths of a page's ancestors, root first (Wagtail: 4 characters a level)."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path), step)]


def is_within(path, section_path):
    """Whether the page at `path` is the page at `section_path` or lies below it in the tree."""
    return path == section_path or section_path in ancestor_paths(path)


def current_state(link, page):
    """The aria-current value of a link to `link` on `page`: "page", "true" (its section) or ""."""
    path = getattr(page, "path", None)
    if not path or link is None:
        return ""
    if link.pk == page.pk:
        return "page"
    return "true" if is_within(path, link.path) else ""


def current_states(links, page):
    """[(link, aria-current value)] for a row of sibling links: at most one is current."""
    return [(link, current_state(link, page)) for link in links]
