"""The one decision of which responses every visitor may share, and what they depend on.

`SharedResponseMiddleware` decides once per request, for every cache (Varnish reads only its
headers): GET and HEAD of public pages (under a language prefix), the open data API, the sitemap
and robots.txt, answered 200, that set no cookie, are not private, and were built for a visitor
without a session cookie (editors) on a browser that gets no legacy notice. Those go out with
`s-maxage` for the HTTP caches in front and `max-age=0, must-revalidate` for browsers (which
revalidate with the ETag), and with the keys of what they showed (`xkey`, dependencies.py), which
the change feed purges. Anything built for one person is marked private.

A response whose content version changed while it was being built may hold content from before
a commit: it is not shareable, and says so (`X-Shared: changed`; Varnish fetches it again).
Neither is one asked with query parameters that its view does not read (`request.query_parameters`,
set by the view; pages declare theirs in `BasePage.query_parameters`), so random query strings
cannot fill the caches.

There is no page cache of the app's own behind Varnish: every response Varnish misses is one its
keys purged (or that it never had), so such a cache would miss too (see bench/README.md).
"""

from urllib.parse import unquote_plus

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from . import content_version, dependencies

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
SHARED_PREFIXES = (*LANGUAGE_PREFIXES, "/api/", "/sitemap.xml", "/robots.txt")
MAX_CACHED_URL = 512  # longer URLs are junk or probing, not worth a cache entry
# Parameters that newsletters, ads and social networks add to links, often a new value per click.
# No page reads them; left in, every click on a shared link would miss the cache. Varnish strips
# the same list (deploy/varnish/default.vcl; a test keeps the two in step).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "igshid", "yclid", "twclid", "ttclid"}
    | {"mc_cid", "mc_eid", "_ga", "_gl"}
)


def without_tracking(query_string):
    """The query string without click-tracking parameters (utm_*, fbclid, ...), otherwise as it was."""
    if not query_string:
        return query_string
    kept = [part for part in query_string.split("&") if part and not _is_tracking(part.partition("=")[0])]
    return "&".join(kept)


def _is_tracking(name):
    name = unquote_plus(name).lower()
    return name.startswith(TRACKING_PREFIXES) or name in TRACKING_PARAMETERS


# Answers that the cache in front keys on the User-Agent itself (deploy/varnish/default.vcl), so
# that a legacy browser's copy is shared with that browser only.
KEYED_ON_USER_AGENT = ("/browser-check/",)


def is_personal(request):
    """Whether the response is built for this visitor alone (an editor, or a legacy browser's notice)."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    return getattr(request, "legacy_browser", False) and request.path not in KEYED_ON_USER_AGENT


def request_may_share(request):
    """Whether every visitor asking this would get the same answer."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and request.path.startswith(SHARED_PREFIXES)
        and len(request.get_full_path()) < MAX_CACHED_URL
        # Plain HTTP is redirected to HTTPS by Django's SecurityMiddleware, not answered here.
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
        and not is_personal(request)
    )


def response_may_share(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        # Only the parameters a view reads make distinct copies (views name them in
        # request.query_parameters); anything else is junk or probing, answered but not kept.
        and set(request.GET) <= getattr(request, "query_parameters", frozenset())
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


class SharedResponseMiddleware:
    """Outside every middleware but the content version and the legacy-browser check, so that what
    it decides covers every header the others add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(LANGUAGE_PREFIXES):
            # Pages are built as if the tracking parameters were not there, for every visitor, so
            # that the copy Varnish keeps without them is the page each of them would get.
            request.META["QUERY_STRING"] = without_tracking(request.META.get("QUERY_STRING", ""))
        if not request_may_share(request):
            response = self.get_response(request)
            return self.private(request, response, asked_shared=False)
        version = content_version.current()
        with dependencies.recording() as recorded:
            response = self.get_response(request)
            # The language the page was built in: the locale middleware, inside, activated it.
            recorded.add(f"{dependencies.STRINGS}:{get_language()}")
        if not response_may_share(request, response):
            return self.private(request, response, asked_shared=True)
        if content_version.read() != version:
            # It may hold content from before a commit: kept by no cache. Varnish asks again
            # (deploy/varnish/default.vcl) instead of sending every waiting visitor to the backends.
            response["X-Shared"] = "changed"
            return self.private(request, response, asked_shared=True)
        # Kept until midnight at most: pages say what is upcoming and what is past.
        seconds = min(settings.PAGE_CACHE_SECONDS, content_version.seconds_left_today())
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=seconds)
        response["xkey"] = " ".join(dependencies.hashed(key) for key in recorded.bounded())
        response["X-Shared"] = "yes"
        return response

    @staticmethod
    def private(request, response, asked_shared):
        if is_personal(request) or (asked_shared and "no-store" not in response.get("Cache-Control", "")):
            # Built for one visitor (an editor's user bar and drafts, a legacy browser's notice), or
            # not the same for everyone (an error, a cookie, content that changed meanwhile).
            patch_cache_control(response, private=True)
        return response


class PageCompressionMiddleware(GZipMiddleware):
    """Compresses pages (inside SharedResponseMiddleware, so Varnish keeps them compressed).

    Streamed responses (documents, static files) are left alone: they are compressed already
    or not worth it, and keep their Content-Length.
    """

    def process_response(self, request, response):
        return response if response.streaming else super().process_response(request, response)
