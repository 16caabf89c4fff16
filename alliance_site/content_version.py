"""One number that changes whenever something public changes, shared by every process.

The full-page cache, the route cache and the navigation cache all key on it, so a publish,
unpublish, move or delete of a page, or a change to a snippet, document, image, site or view
restriction, makes every cached page fresh at once, in every process that shares the cache.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

KEY = "content-version"


def current():
    version = cache.get(KEY)
    if version is None:
        # A fresh cache (or a restarted Redis) starts a new era rather than reusing old keys.
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    return version


def bump():
    try:
        cache.incr(KEY)
    except ValueError:  # the key vanished (eviction, restart): start again
        cache.set(KEY, 1, timeout=None)


def remember(key, compute, timeout=3600):
    """`compute()`, cached under `key` until the content changes."""
    key = f"{key}:v{current()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


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
