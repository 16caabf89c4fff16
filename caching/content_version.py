"""One token that changes whenever something public changes, shared by every process: the clock
by which a response or a fragment built while a change committed is known, and not kept
(shared.py, fragments.py).

The change feed (changes.py) replaces it once a change has committed (never before: a request
between the write and the commit would be taken for a current one). What is kept is invalidated
by key instead (dependencies.py): the HTTP caches in front are purged by key, and the fragments
(fragments.py) are rebuilt when a key they were built from changes.

The version also names the day (the site's time zone): what pages call upcoming or past changes
at midnight with nothing published, so every cache keyed on it starts afresh then, and shared
caches in front keep nothing past midnight (`seconds_left_today`).
"""

import datetime
import secrets
import time

from asgiref.local import Local
from django.core.cache import cache
from django.utils import timezone

KEY = "content-version"
UNREACHABLE = "unreachable"  # the version while the shared cache cannot be read
# The version as this request first read it: one cache round trip per request, not one per lookup.
_request = Local()


def new_token():
    # Unique without a read-modify-write, so two processes changing things at once can never
    # both land on the same token (any shared cache, not only Redis, stays right).
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def read():
    """The version as the shared cache holds it now (a fresh cache starts a new one), and today."""
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, new_token(), timeout=None)
        version = cache.get(KEY)
    return f"{version or UNREACHABLE}-{timezone.localdate():%Y%m%d}"


def is_known(version):
    """Whether `version` was read from the shared cache, not made up while it was unreachable."""
    return not version.startswith(UNREACHABLE)


def seconds_left_today():
    """Seconds until the next midnight in the site's time zone (at least 1)."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(1, int(midnight.timestamp() - now.timestamp()))  # timestamps: right across DST too


def current():
    """The version this request started with (read once per request)."""
    version = getattr(_request, "version", None)
    if version is None:
        version = read()
        if getattr(_request, "active", False):
            _request.version = version
    return version


def bump():
    """Replace the version now (changes.py calls it once a change has committed)."""
    _request.version = None
    cache.set(KEY, new_token(), timeout=None)


class ContentVersionMiddleware:
    """Reads the content version at most once per request (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request.active, _request.version = True, None
        try:
            return self.get_response(request)
        finally:
            _request.active, _request.version = False, None
