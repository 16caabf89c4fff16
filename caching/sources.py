"""Where the change feed (changes.py) hears of changes: Django's and Wagtail's own signals.

These are the only receivers that decide "something visitors see changed"; every other consumer
(the search index, the translation status, the caches) reads `changes.content_changed`.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move, unpublished

from . import changes, dependencies

# Settings and sites show on every page: a change to them bans everything.
SITE_WIDE = (Site, BaseGenericSetting, BaseSiteSetting)
RESTRICTIONS = (PageViewRestriction, CollectionViewRestriction)
# What Wagtail saves on its own the first time a document or an image is served or rendered.
FILE_BOOKKEEPING = {"file_size", "file_hash"}


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if isinstance(instance, RESTRICTIONS):
        return restricted(instance)
    if not dependencies.is_public(sender) and not isinstance(instance, SITE_WIDE):
        return
    if update_fields is not None and set(update_fields) <= FILE_BOOKKEEPING:
        return  # nothing a visitor reads
    if isinstance(instance, SITE_WIDE):
        return changes.note_everything(f"{sender._meta.label} changed")
    if not changes.is_draft_save(instance, update_fields):
        changes.note(instance)


def saving(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if dependencies.is_public(sender) and not changes.is_draft_save(instance, update_fields):
        changes.note_stored_targets(instance)


def deleted(sender, instance, **kwargs):
    if isinstance(instance, RESTRICTIONS):
        restricted(instance)
    elif isinstance(instance, SITE_WIDE):
        changes.note_everything(f"{sender._meta.label} deleted")
    else:
        changes.note(instance, changes.DELETED)


def withdrawn(sender, instance, **kwargs):
    changes.note(instance)


def moved(sender, instance, parent_page_before=None, **kwargs):
    changes.note_moved(instance, parent_page_before.path if parent_page_before else None)


def restricted(restriction):
    """A view restriction decides who sees a page (and those under it) or a collection's documents."""
    if isinstance(restriction, PageViewRestriction):
        touched = Page.objects.descendant_of(restriction.page, inclusive=True).specific()
    else:
        documents = get_document_model().objects
        touched = documents.filter(collection__path__startswith=restriction.collection.path)
    for instance in touched:
        changes.note(instance, keys=changes.keys_of(instance) | {dependencies.RESTRICTIONS})


def connect():
    pre_save.connect(saving, dispatch_uid="content_changed_before_save")
    post_save.connect(saved, dispatch_uid="content_changed_on_save")
    post_delete.connect(deleted, dispatch_uid="content_changed_on_delete")
    # Publishing saves the object live, within its transaction (`saved` notes it once, at the
    # commit); Wagtail's published signals come after that commit and would send it again. An
    # unpublished object is saved as not live, which `saved` takes for a draft: these say it.
    page_unpublished.connect(withdrawn, dispatch_uid="content_changed_on_page_unpublished")
    unpublished.connect(withdrawn, dispatch_uid="content_changed_on_unpublished")
    post_page_move.connect(moved, dispatch_uid="content_changed_on_move")
