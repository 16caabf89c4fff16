"""One number that changes whenever something public changes, shared by every process.

The full-page cache, the route cache and the navigation cache all key on it, so a publish,
unpublish, move or delete of a page, or a change to a snippet, document, image, site or view
restriction, makes every cached page fresh at once, in every process that shares the cache.
"""

import time
from collections import OrderedDict

from asgiref.local import Local
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "content-version"

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


class ProcessMemo:
    """Values kept in this process for one content version, dropped when the version changes."""

    def __init__(self, size):
        self.size, self.version, self.values = size, None, OrderedDict()

    def get(self, version, key):
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
