"""One token that changes whenever something public changes, shared by every process.

The fragments every app server keeps (menus, routes, home-page sections: `remember`) key on it.
The change feed (changes.py) replaces it once a change has committed (never before: a request
between the write and the commit would store the old content under the new token). The HTTP
caches in front are purged by key instead (dependencies.py), so a change costs them only what it
touched; a fragment kept here also keeps its keys, so the responses built from it carry them.

The version also names the day (the site's time zone): what pages call upcoming or past changes
at midnight with nothing published, so every cache keyed on it starts afresh then, and shared
caches in front keep nothing past midnight (`seconds_left_today`).
"""

import datetime
import secrets
import time
from collections import OrderedDict

from asgiref.local import Local
from django.core.cache import cache
from django.utils import timezone

from . import dependencies

KEY = "content-version"
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
    return f"{version}-{timezone.localdate():%Y%m%d}"


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


class ProcessMemo:
    """Values kept in this process for one content version, dropped when the version changes."""

    def __init__(self, size):
        self.size, self.version, self.values = size, None, OrderedDict()

    def get(self, version, key):
        if not version:  # the cache is unreachable: nothing can be known to be current
            return None
        if version != self.version:
            self.version, self.values = version, OrderedDict()
        return self.values.get(key)

    def set(self, version, key, value):
        values = self.values
        if version != self.version:  # another thread has seen a newer version meanwhile
            return
        values[key] = value
        if len(values) > self.size:
            values.popitem(last=False)


_remembered = ProcessMemo(2048)


def remember(key, compute, timeout=3600):
    """`compute()`, kept in this process and in the shared cache until the content changes (None is
    not kept). The keys recorded while computing it are kept with it and recorded on every use."""
    version = current()
    entry = _remembered.get(version, key)
    if entry is None:
        shared_key = f"{key}:v{version}"
        entry = cache.get(shared_key)
        if entry is None:
            with dependencies.recording() as recorded:
                value = compute()
            if value is None:
                return None  # nothing to remember (a URL no page has, say)
            entry = (value, recorded.keys)
            cache.set(shared_key, entry, timeout)
        _remembered.set(version, key, entry)
    value, keys = entry
    dependencies.replay(keys)
    return value


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


def has_view_restrictions():
    """Whether any page has a view restriction; most sites have none, and then no page needs a query."""
    from wagtail.models import PageViewRestriction

    return remember("view-restrictions", lambda: PageViewRestriction.objects.exists())
