"""Fragments that many responses share (menus, routes, the language switcher's slugs, the home
page's sections and counts, a page's details), kept in the shared cache until something they were
built from changes.

A fragment keeps the dependency keys recorded while it was built (dependencies.py), the same keys
the HTTP caches in front are purged by, and the version each key had then. Once a change commits,
the change feed (changes.py, then purge.apply) gives every key it touched a new version, so only
the fragments built from what changed are built again: publishing one group leaves the menus, the
routes and every other group's details in place. The versions live in the shared cache (Redis in
production), never only in a process, so a change is seen by every app server once it commits.

A fragment that recorded no key (a count of restrictions, say) depends on every change. A version
the cache has lost (evicted, or Redis restarted empty) is replaced by a new one, so what was built
with the old one is built again, never wrongly kept. The day is part of every fragment's name:
what pages call upcoming or past changes at midnight with nothing published.
"""

from collections import OrderedDict

from django.core.cache import cache
from django.utils import timezone

from . import content_version, dependencies

VERSION_PREFIX = "fragment-key:"
ANY_CHANGE = "any-change"  # the key of fragments that recorded none: every change touches it
EVERYTHING = "everything"  # every fragment depends on it: a ban of everything replaces it
TIMEOUT_SECONDS = 24 * 3600


def versions(keys):
    """{key: its current version} (a key without one gets one now); {} if the cache is unreachable."""
    names = {VERSION_PREFIX + key: key for key in keys}
    found = cache.get_many(list(names))
    missing = [name for name in names if name not in found]
    if missing:
        for name in missing:
            cache.add(name, content_version.new_token(), timeout=None)
        found.update(cache.get_many(missing))
    if len(found) < len(names):
        return {}  # the cache is unreachable: nothing can be known to be current
    return {names[name]: version for name, version in found.items()}


def touch(keys, everything=False):
    """New versions for `keys` (changes.py's keys of a committed change), or for every fragment."""
    touched = {ANY_CHANGE, *keys}
    if everything:
        touched.add(EVERYTHING)
    cache.set_many({VERSION_PREFIX + key: content_version.new_token() for key in touched}, timeout=None)


class ProcessMemo:
    """The latest fragments this process used, each with the content version (the clock) it was
    last found current at: while the clock is unchanged, nothing has changed, and a fragment costs
    neither a round trip nor unpickling."""

    def __init__(self, size):
        self.size, self.values = size, OrderedDict()

    def get(self, name):
        return self.values.get(name, (None, None))

    def set(self, name, entry, clock):
        self.values[name] = (entry, clock)
        self.values.move_to_end(name)
        if len(self.values) > self.size:
            self.values.popitem(last=False)


_memo = ProcessMemo(2048)


def current_entry(cache_key, clock):
    """The kept (value, keys, versions) if it is current, else None."""
    entry, checked_at = _memo.get(cache_key)
    # A change replaces the clock once more after its versions (purge.apply): an entry found
    # current at this clock needs no check until the clock changes.
    if entry is not None and checked_at == clock and content_version.is_known(clock):
        return entry
    if entry is None or versions(entry[2]) != entry[2]:
        entry = cache.get(cache_key)  # another process's, when this one has none current
        if entry is None or versions(entry[2]) != entry[2]:
            return None
    _memo.set(cache_key, entry, clock)
    return entry


def remember(name, compute, timeout=TIMEOUT_SECONDS):
    """`compute()`, kept until one of the keys recorded while computing it changes (None is not
    kept). The keys are recorded again on every use, so a response built from the fragment carries
    them too. Costs nothing while no change has committed since this process last checked it, then
    one round trip to the shared cache."""
    cache_key = f"fragment:{name}:{timezone.localdate():%Y%m%d}"
    clock = content_version.current()  # read when the request began, before anything was read
    entry = current_entry(cache_key, clock)
    if entry is not None:
        dependencies.replay(entry[1])
        return entry[0]
    with dependencies.recording() as recorded:
        value = compute()
    if value is None:
        return None  # nothing to keep (a URL no page has, say)
    built_with = versions([*recorded.keys, EVERYTHING] if recorded.keys else [ANY_CHANGE, EVERYTHING])
    # Kept only if no change has committed since the request began: the versions read just now
    # may already be those of a change whose data `compute` did not see.
    if built_with and content_version.read() == clock:
        entry = (value, recorded.keys, built_with)
        cache.set(cache_key, entry, timeout)
        _memo.set(cache_key, entry, clock)
    return value


def has_view_restrictions():
    """Whether any page has a view restriction; most sites have none, and then no page needs a query."""
    from wagtail.models import PageViewRestriction

    def exists():
        dependencies.record(dependencies.RESTRICTIONS)
        return PageViewRestriction.objects.exists()

    return remember("view-restrictions", exists)
