"""Full-page cache for anonymous visitors, cleared (by content version) whenever content changes.

Only what is the same for every anonymous visitor is stored: GET and HEAD of public pages (under a
language prefix), answered 200, that set no cookie and are not private. Requests with a session
cookie (editors) and from legacy browsers (their pages carry the notice) neither read nor fill it.

The middleware stores each page as it leaves Django (security headers, ETag and all). In
production, `PageCacheApp` (the ASGI application) answers hits before Django is involved; both
decide with the same functions below, so they serve exactly the same pages.
"""

import asyncio
import contextlib
import hashlib
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.http.cookie import parse_cookie
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from . import content_version
from .legacy_browser import is_legacy_browser

PUBLIC_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
MAX_CACHED_URL = 512  # longer URLs are junk or probing, not worth a cache entry
# Headers a stored page is sent with; the validators also go on a 304.
NOT_MODIFIED_HEADERS = ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary")
# Parameters that newsletters, ads and social networks add to links, often a new value per click.
# No page reads them; left in, every click on a shared link would miss the cache.
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
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def may_use(method, scheme, path, query_string, cookies, user_agent):
    """Whether this request may be answered from (and fill) the shared cache."""
    return (
        method in ("GET", "HEAD")
        and path.startswith(PUBLIC_PREFIXES)
        and len(path) + len(query_string) < MAX_CACHED_URL
        # Plain HTTP is redirected to HTTPS by Django's SecurityMiddleware, not answered here.
        and (scheme == "https" or not settings.SECURE_SSL_REDIRECT)
        and settings.SESSION_COOKIE_NAME not in cookies
        and not is_legacy_browser(user_agent)
    )


def cache_key(scheme, host, path, query_string, accept_encoding):
    # Pages carry absolute links (alternates, canonical), so the scheme and host are part of the key;
    # compressed and plain copies are stored apart.
    compressed = "gzip" if re_accepts_gzip.search(accept_encoding or "") else "identity"
    url = f"{compressed} {scheme}://{host}{path}?{without_tracking(query_string)}"
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def load(key, version=None):
    """The stored (headers, content) of a page, or None."""
    version = version or content_version.current()
    entry = _recent.get(version, key)
    if entry is None:
        entry = cache.get(f"page:{version}:{key}")
        if entry is not None:
            _recent.set(version, key, entry)
    return entry


def store(key, entry):
    cache.set(f"page:{content_version.current()}:{key}", entry, settings.PAGE_CACHE_SECONDS)


def not_modified(if_none_match, headers):
    """Whether the visitor's copy (If-None-Match) is still the stored page."""
    etag = dict(headers).get("ETag")
    if not if_none_match or not etag:
        return False
    wanted = [tag.removeprefix("W/") for tag in parse_etags(if_none_match)]
    return "*" in wanted or etag.removeprefix("W/") in wanted


class PageCacheMiddleware:
    """Second in MIDDLEWARE (after ContentVersionMiddleware), so that stored pages are complete."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if request.path.startswith(PUBLIC_PREFIXES):
            # Pages are built as if the tracking parameters were not there, for every visitor, so
            # that the page stored under the key without them is the page each of them would get.
            meta["QUERY_STRING"] = without_tracking(meta.get("QUERY_STRING", ""))
        usable = settings.PAGE_CACHE_SECONDS and may_use(
            request.method,
            request.scheme,
            request.path,
            meta.get("QUERY_STRING", ""),
            request.COOKIES,
            meta.get("HTTP_USER_AGENT"),
        )
        if not usable:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # An editor's page (user bar, drafts) is theirs alone: no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response

        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Django answers 400
        key = cache_key(
            request.scheme,
            host,
            request.path,
            meta.get("QUERY_STRING", ""),
            meta.get("HTTP_ACCEPT_ENCODING"),
        )
        entry = load(key)
        if entry is not None:
            return self._cached_response(request, *entry)
        response = self.get_response(request)
        if self._may_store(request, response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
            store(key, (headers, response.content))
            response["X-Page-Cache"] = "miss"
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

    @staticmethod
    def _may_store(request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )


class PageCompressionMiddleware(GZipMiddleware):
    """Compresses pages (after PageCacheMiddleware, so stored pages are compressed once).

    Streamed responses (documents, static files) are left alone: they are compressed already
    or not worth it, and keep their Content-Length.
    """

    def process_response(self, request, response):
        return response if response.streaming else super().process_response(request, response)


class PageCacheApp:
    """ASGI front: sends stored pages without entering Django; everything else goes to `app`.

    The content version comes from a VersionWatcher and the most asked-for pages from this
    process's memory, so a hit costs no round trip; a lookup that must ask Redis is shorter than
    handing the request to a thread, so it is made directly from the event loop. Requests for a
    page that is being built wait for that build instead of starting their own.
    """

    WAIT_FOR_BUILD_SECONDS = 5  # then a waiting request builds the page itself

    def __init__(self, app):
        self.app = app
        self.watcher = content_version.VersionWatcher()
        self._building = {}  # cache key -> Event set when the request building that page is done

    async def __call__(self, scope, receive, send):
        wanted = self._cacheable(scope) if scope["type"] == "http" and settings.PAGE_CACHE_SECONDS else None
        if wanted is None:
            return await self.app(scope, receive, send)
        key, request_headers = wanted
        entry = load(key, self.watcher.get())
        if entry is None and key in self._building:
            # A crowd arriving at a page nobody has asked for since the last publish: one request
            # per process builds it, the others wait for it rather than build it again.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._building[key].wait(), self.WAIT_FOR_BUILD_SECONDS)
            entry = load(key, self.watcher.get())
        if entry is not None:
            return await self._send(scope, send, entry, request_headers)
        if key in self._building:
            return await self.app(scope, receive, send)
        self._building[key] = asyncio.Event()
        try:
            return await self.app(scope, receive, send)
        finally:
            self._building.pop(key).set()

    @staticmethod
    async def _send(scope, send, entry, request_headers):
        headers, content = entry
        status = 200
        if not_modified(request_headers.get("if-none-match"), headers):
            status, content = 304, b""
            headers = [(name, value) for name, value in headers if name in NOT_MODIFIED_HEADERS]
        else:
            headers = [*headers, ("Content-Length", str(len(content)))]
        raw_headers = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers]
        raw_headers.append((b"x-page-cache", b"hit"))
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else content})

    def _cacheable(self, scope):
        """(cache key, request headers) when the cache may answer this request, else None."""
        headers, cookies = {}, []
        for name, value in scope.get("headers", ()):
            name, value = name.decode("latin-1"), value.decode("latin-1")
            if name == "cookie":
                cookies.append(value)  # HTTP/2 may send several
            headers[name] = value
        query_string = scope.get("query_string", b"").decode("latin-1")  # as WSGI gives it to Django
        scheme = scope.get("scheme", "http")
        if settings.SECURE_PROXY_SSL_HEADER:
            header, secure_value = settings.SECURE_PROXY_SSL_HEADER
            forwarded = headers.get(header.removeprefix("HTTP_").replace("_", "-").lower())
            if forwarded is not None:
                scheme = "https" if forwarded.split(",")[0].strip() == secure_value else "http"
        path = scope["path"]  # root_path included, as request.path has it
        cookies = parse_cookie("; ".join(cookies))
        if not may_use(scope["method"], scheme, path, query_string, cookies, headers.get("user-agent")):
            return None
        key = cache_key(scheme, headers.get("host", ""), path, query_string, headers.get("accept-encoding"))
        return key, headers
