"""One number that changes whenever something public changes, shared by every process.

The full-page cache, the route cache and the navigation cache all key on it, so a publish,
unpublish, move or delete of a page, or a change to a snippet, document, image, site or view
restriction, makes every cached page fresh at once, in every process that shares the cache.
"""

import asyncio
import time
from collections import OrderedDict
from functools import cache as once

import redis
from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "content-version"
CHANNEL = "content-version-changes"  # where a bump is announced, for VersionWatcher

# The version as this request first read it: one cache round trip per request, not one per lookup.
_request = Local()


def current():
    version = getattr(_request, "version", None)
    if version is None:
        version = cache.get(KEY)
        if version is None:
            # A fresh cache (or a restarted Redis) starts a new era, never reusing an old number,
            # so that no process can mistake its remembered values for the new era's.
            cache.add(KEY, time.time_ns(), timeout=None)
            version = cache.get(KEY, 0)
        if getattr(_request, "active", False):
            _request.version = version
    return version


def bump():
    _request.version = None
    try:
        cache.incr(KEY)
    except ValueError:  # the key vanished (eviction, restart): start a new era
        cache.set(KEY, time.time_ns(), timeout=None)
    if redis_url():
        try:
            _publisher(redis_url()).publish(cache.make_key(CHANNEL), 1)
        except redis.RedisError:
            pass  # watchers also re-read the version every second


def redis_url():
    """The Redis server the cache lives on, if it is Redis."""
    config = settings.CACHES["default"]
    return config["LOCATION"] if "redis" in config["BACKEND"].lower() else None


@once
def _publisher(url):
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)


class VersionWatcher:
    """The content version as Redis announces it, for the ASGI front: no round trip per request.

    Subscribed to CHANNEL, it re-reads the version whenever a bump is announced (within a
    millisecond or so) and at least every second. `get()` is None until it is in step, and
    again whenever the connection is lost: callers then read the version themselves.
    """

    RESYNC_SECONDS = 1.0

    def __init__(self):
        self.version, self._task = None, None

    def get(self):
        if self._task is None and redis_url():
            self._task = asyncio.get_running_loop().create_task(self._follow(redis_url()))
        return self.version

    async def _follow(self, url):
        from redis import asyncio as aioredis

        key, channel = cache.make_key(KEY), cache.make_key(CHANNEL)
        while True:
            client = aioredis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=1)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(channel)  # first subscribe, then read: no bump is missed
                    while True:
                        raw = await client.get(key)
                        self.version = int(raw) if raw is not None else None
                        await pubsub.get_message(ignore_subscribe_messages=True, timeout=self.RESYNC_SECONDS)
            except (redis.RedisError, OSError, ValueError):
                self.version = None
                await asyncio.sleep(self.RESYNC_SECONDS)
            finally:
                await client.aclose()


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
    """`compute()`, kept in this process and in the shared cache until the content changes."""
    version = current()
    value = _remembered.get(version, key)
    if value is None:
        shared_key = f"{key}:v{version}"
        value = cache.get(shared_key)
        if value is None:
            value = compute()
            cache.set(shared_key, value, timeout)
        _remembered.set(version, key, value)
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


def _public_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    restrictions = (PageViewRestriction, CollectionViewRestriction, Collection)
    return (Page, Site, *restrictions, get_document_model(), get_image_model(), *get_snippet_models())


@receiver(post_save, dispatch_uid="content_version_on_save")
@receiver(post_delete, dispatch_uid="content_version_on_delete")
def content_changed(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, _public_models()):
        bump()


@receiver(page_published, dispatch_uid="content_version_on_publish")
@receiver(page_unpublished, dispatch_uid="content_version_on_unpublish")
@receiver(post_page_move, dispatch_uid="content_version_on_move")
def page_changed(sender, **kwargs):
    bump()
