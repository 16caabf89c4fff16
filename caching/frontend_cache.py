"""Bans from the HTTP caches in front (Varnish), through wagtail.contrib.frontend_cache's backends.

Wagtail's own purge sends one URL per page and language, but it rewrites only the language prefix
of a URL, not its translated slugs, and a change to one page also shows in menus, listings, feeds
and the open data of others. So every purge here bans every page of the site (static files, whose
names change with their content, are kept), and it is sent once the change has committed (see
content_version.py), not from Wagtail's page_published handlers, which run inside the transaction.

WAGTAILFRONTENDCACHE (see settings) lists one VarnishBan backend per cache, from FRONTEND_CACHES.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

BAN_TIMEOUT_SECONDS = 2  # a cache that does not answer is reported, not waited for


class VarnishBan(BaseBackend):
    """Sends `BAN /` to one Varnish, which deploy/varnish/default.vcl turns into a site-wide ban."""

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        if location.scheme not in ("http", "https") or not location.netloc:
            raise ValueError(f"A frontend cache location must be an http(s) URL, not {params['LOCATION']!r}")
        self.location = f"{location.scheme}://{location.netloc}/"

    def purge(self, url):
        self.ban_site()

    def purge_batch(self, urls):
        self.ban_site()

    def ban_site(self):
        request = Request(self.location, method="BAN", headers={"X-Ban-Scope": "site"})  # noqa: S310
        try:
            with urlopen(request, timeout=BAN_TIMEOUT_SECONDS) as response:  # noqa: S310 - configured URL
                response.read()
        except (URLError, OSError) as error:
            # Its pages stay until their s-maxage runs out; say so loudly rather than fail the publish.
            logger.error("Could not ban the pages from the cache at %s: %s", self.location, error)
            return False
        return True


def ban_everything():
    """Ban every page from every configured cache; True when all of them confirmed it."""
    results = [backend.ban_site() for backend in get_backends().values()]
    return all(results)
