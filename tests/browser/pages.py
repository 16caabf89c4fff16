"""Pages the browser tests visit: one of each page type in both languages, and a few states."""

from django.utils import translation

from base.models import ContentPage, HomePage
from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage
from observers.models import ObserverStatesPage
from workgroups.models import TechnicalGroupIndexPage, TechnicalGroupPage

LANGUAGES = ("en", "es")
IE9 = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0)"

# (page type, how to find the page). The richest page of a type shows the most markup.
PAGE_TYPES = [
    ("home", lambda: HomePage.objects.get()),
    ("content", lambda: ContentPage.objects.get(slug_en="legal-documents")),
    ("group-index", lambda: TechnicalGroupIndexPage.objects.get()),
    ("group", lambda: TechnicalGroupPage.objects.get(slug_en="education")),
    ("project-index", lambda: CooperationProjectIndexPage.objects.get()),
    ("project", lambda: CooperationProjectPage.objects.get(slug_en="sports-diplomacy")),
    ("observers", lambda: ObserverStatesPage.objects.get()),
]


def url_of(page, language):
    with translation.override(language):
        return page.url


def page_type_urls():
    """[(name, language, path)] for every page type in both languages."""
    urls = []
    for name, find in PAGE_TYPES:
        page = find()
        urls.extend((name, language, url_of(page, language)) for language in LANGUAGES)
    return urls


def state_urls():
    """[(name, language, path, user agent or None)]: states of pages that the crawl never sees."""
    projects = CooperationProjectIndexPage.objects.get()
    return [
        # A filter that matches nothing, and one that is not valid (the form then shows an error).
        ("project-index-empty", "en", url_of(projects, "en") + "?country=PE&status=concluded", None),
        ("project-index-error", "es", url_of(projects, "es") + "?status=paused", None),
        ("not-found", "en", "/en/no-such-page/", None),
        ("not-found", "es", "/es/no-existe/", None),
        ("legacy-notice", "en", "/en/", IE9),
        ("legacy-notice", "es", url_of(TechnicalGroupIndexPage.objects.get(), "es"), IE9),
    ]
