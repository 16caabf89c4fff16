"""Marks each request of a browser too old for the site (request.legacy_browser)."""

from .classifier import get_classifier, is_legacy_browser


class LegacyBrowserMiddleware:
    """Sets request.legacy_browser, before the page cache decides whether a page may be shared.

    The notice makes those pages differ by browser, so caching.shared marks them private and no
    shared cache hands them to anyone else. The other pages stay shareable: no Vary: User-Agent,
    which would split shared caches into one copy per browser build. Varnish asks
    `browser_check` which browsers those are (deploy/varnish/default.vcl).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        get_classifier()  # read the settings and load the parser now, not on a request

    def __call__(self, request):
        request.legacy_browser = is_legacy_browser(request.META.get("HTTP_USER_AGENT"))
        return self.get_response(request)
