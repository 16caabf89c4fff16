"""Breadcrumbs: the page's ancestors from the home page down, and their structured data.

The ancestors are read off the page's materialised path. Those in the cached navigation (the home
page and the pages right under it) cost no query; deeper ones are fetched in one.
"""

from django.utils import translation
from wagtail.models import Page

from .navigation import ancestor_paths


class Crumb:
    def __init__(self, title, url, lang=""):
        self.title, self.url, self.lang = title, url, lang


def _crumb(page, request):
    language = translation.get_language()
    lang = "en" if language != "en" and not getattr(page, f"title_{language}", "") else ""
    return Crumb(page.title, page.get_url(request), lang)


def breadcrumbs(page, nav, request=None):
    """[Crumb] from the home page to `page` (included, last); [] on the home page or off the tree."""
    if nav is None or not getattr(page, "path", None) or page.pk == nav.home.pk:
        return []
    paths = ancestor_paths(page.path)
    if nav.home.path not in paths:
        return []
    paths = paths[paths.index(nav.home.path) :]
    known = {link.path: Crumb(link.title, link.url, link.title_lang) for link in nav.links()}
    missing = [path for path in paths if path not in known]
    if missing:
        for ancestor in Page.objects.filter(path__in=missing):
            known[ancestor.path] = _crumb(ancestor, request)
    trail = [known[path] for path in paths if path in known]
    return trail + [_crumb(page, request)]


def breadcrumb_list(trail, request):
    """schema.org BreadcrumbList of a trail, with absolute URLs."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": request.build_absolute_uri(crumb.url) if request else crumb.url,
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }
