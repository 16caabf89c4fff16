"""Which responses every visitor may share, and the full-page cache that keeps them.

`PageCacheMiddleware` is the one place that decides, once per request, whether a response may be
shared: GET and HEAD of public pages (under a language prefix), the open data API, the sitemap
and robots.txt, answered 200, that set no cookie, are not private, and were built for a visitor
without a session cookie (editors) on a browser that gets no legacy notice. Those go out with
`s-maxage` for the HTTP caches in front (Varnish) and `max-age=0, must-revalidate` for browsers,
which revalidate with the ETag; they are also kept in Django's cache (Redis in production), keyed
on the content version. Anything built for one person is marked private.

A response whose content version changed while it was being built may hold content from before
a commit: it is neither stored nor shareable, and says so (`X-Page-Cache: changed`). Neither is
one asked with query parameters that its view does not read (`request.query_parameters`, set by
the view; pages declare theirs in `BasePage.query_parameters`), so random query strings cannot
fill the caches.
"""

import hashlib
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from . import content_version

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
SHARED_PREFIXES = (*LANGUAGE_PREFIXES, "/api/", "/sitemap.xml", "/robots.txt")
MAX_CACHED_URL = 512  # longer URLs are junk or probing, not worth a cache entry
# Headers a stored page is sent with; the validators also go on a 304.
NOT_MODIFIED_HEADERS = ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary")
# Parameters that newsletters, ads and social networks add to links, often a new value per click.
# No page reads them; left in, every click on a shared link would miss the cache. Varnish strips
# the same list (deploy/varnish/default.vcl; a test keeps the two in step).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "igshid", "yclid", "twclid", "ttclid"}
    | {"mc_cid", "mc_eid", "_ga", "_gl"}
)
# The pages most asked for, kept in this process too: a hit need not fetch them from Redis.
_recent = content_version.ProcessMemo(256)


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


def cache_key(request, host):
    # Pages carry absolute links (alternates, canonical), so the scheme and host are part of the key;
    # compressed and plain copies are stored apart.
    compressed = (
        "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    )
    query_string = request.META.get("QUERY_STRING", "")
    url = f"{compressed} {request.scheme}://{host}{request.path}?{query_string}"
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def load(key, version):
    """The stored (headers, content) of a page, or None."""
    entry = _recent.get(version, key)
    if entry is None:
        entry = cache.get(f"page:{version}:{key}")
        if entry is not None:
            _recent.set(version, key, entry)
    return entry


def not_modified(if_none_match, headers):
    """Whether the visitor's copy (If-None-Match) is still the stored page."""
    etag = dict(headers).get("ETag")
    if not if_none_match or not etag:
        return False
    wanted = [tag.removeprefix("W/") for tag in parse_etags(if_none_match)]
    return "*" in wanted or etag.removeprefix("W/") in wanted


class PageCacheMiddleware:
    """Outside every middleware but the content version and the legacy-browser check, so that a
    stored page has every header the others add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if request.path.startswith(LANGUAGE_PREFIXES):
            # Pages are built as if the tracking parameters were not there, for every visitor, so
            # that the page stored under the key without them is the page each of them would get.
            meta["QUERY_STRING"] = without_tracking(meta.get("QUERY_STRING", ""))
        key = None
        if request_may_share(request):
            try:
                key = cache_key(request, request.get_host())
            except DisallowedHost:
                return self.get_response(request)  # Django answers 400
            version = content_version.current()
            entry = load(key, version)
            if entry is not None:
                return self._cached_response(request, *entry)

        response = self.get_response(request)
        # Shared only if the content did not change while it was built.
        shareable = key is not None and response_may_share(request, response)
        if shareable and content_version.read() != version:
            # It may hold content from before a commit: kept by no cache. Varnish asks again
            # (deploy/varnish/default.vcl) instead of sending every waiting visitor to the backends.
            response["X-Page-Cache"] = "changed"
        elif shareable:
            # Kept until midnight at most: pages say what is upcoming and what is past.
            seconds = min(settings.PAGE_CACHE_SECONDS, content_version.seconds_left_today())
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True, s_maxage=seconds)
            headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
            cache.set(f"page:{version}:{key}", (headers, response.content), seconds)
            response["X-Page-Cache"] = "miss"
            return response
        if is_personal(request) or (key is not None and "no-store" not in response.get("Cache-Control", "")):
            # Built for one visitor (an editor's user bar and drafts, a legacy browser's notice), or
            # not the same for everyone (an error, a cookie, content that changed meanwhile).
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _cached_response(request, headers, content):
        if not_modified(request.META.get("HTTP_IF_NONE_MATCH"), headers):
            response = HttpResponseNotModified()
            headers = [(name, value) for name, value in headers if name in NOT_MODIFIED_HEADERS]
        else:
            response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


class PageCompressionMiddleware(GZipMiddleware):
    """Compresses pages (after PageCacheMiddleware, so stored pages are compressed once).

    Streamed responses (documents, static files) are left alone: they are compressed already
    or not worth it, and keep their Content-Length.
    """

    def process_response(self, request, response):
        return response if response.streaming else super().process_response(request, response)
