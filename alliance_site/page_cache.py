"""Full-page cache for anonymous visitors, cleared (by content version) whenever content changes.

Only what is the same for every anonymous visitor is stored: GET and HEAD of public pages (under a
language prefix), answered 200, that set no cookie and are not private. Requests with a session
cookie (editors) and from legacy browsers (their pages carry the notice) neither read nor fill it.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from . import content_version

PUBLIC_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
MAX_CACHED_URL = 512  # longer URLs are junk or probing, not worth a cache entry


def _has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{content_version.current()}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGE_CACHE_SECONDS", 3600)

    def __call__(self, request):
        if not self.timeout or not self._may_use_cache(request):
            response = self.get_response(request)
            if _has_session(request):
                # An editor's page (user bar, drafts) is theirs alone: no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response

        key = _cache_key(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._may_store(request, response):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            cache.set(key, response, self.timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _may_use_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and request.path_info.startswith(PUBLIC_PREFIXES)
            and len(request.get_full_path()) <= MAX_CACHED_URL
            and not _has_session(request)
            and not getattr(request, "legacy_browser", False)
        )

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
