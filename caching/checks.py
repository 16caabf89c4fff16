"""A cache that the app servers do not share is an error in production (wsgi.py refuses to start
on it): each would keep its own content version and fragments, and miss the others' changes."""

from django.conf import settings
from django.core import checks

# Caches that live in one process or on one machine: each app server would keep its own fragments
# and content version, and a publish made through one would not reach the others.
LOCAL_CACHE_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def page_cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE_SECONDS and backend in LOCAL_CACHE_BACKENDS:
        return [
            checks.Error(
                f"Pages are shared but the cache ({backend}) is not shared by the app servers.",
                hint="Set REDIS_URL (one Redis for every app server), or PAGE_CACHE_SECONDS=0.",
                id="caching.E001",
            )
        ]
    return []
