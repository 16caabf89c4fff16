"""The one "content changed" feed: what visitors can see changed, once its transaction commits.

Publishing, unpublishing, moving, deleting, reverting and approving a page (Wagtail publishes it),
saving a snippet, a document, an image or a setting, a content load or import (they save the same
models) are noted here as they happen; when the transaction commits, one `ContentChange` names the
objects and the keys (dependencies.py) they touched, and goes to every consumer: the receivers of
`content_changed` (the search index, the translation status), then the caches (purge.py). A
rolled-back change sends nothing; a draft save changes nothing visitors see, so it is not noted.
"""

import logging
import threading
from dataclasses import dataclass

from django.db import transaction
from django.dispatch import Signal
from wagtail.models import DraftStateMixin, Page

from . import dependencies

# Fields Wagtail saves on its own while a draft is written, submitted, locked or scheduled.
DRAFT_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "comments",
    "locked",
    "locked_at",
    "locked_by",
    "approved_go_live_at",
}
logger = logging.getLogger(__name__)
SAVED, DELETED, MOVED = "saved", "deleted", "moved"

# Sent once per committed change, with `change`; receivers must not raise.
content_changed = Signal()


@dataclass(frozen=True)
class ContentChange:
    objects: tuple  # (instance, what happened) for each object touched
    keys: frozenset  # the dependency keys every cache purges
    everything: bool = False  # a deploy, a settings change, a superuser's request: ban it all


_pending = threading.local()


def is_draft_save(instance, update_fields):
    """Whether this save only wrote a draft (or Wagtail's bookkeeping of one)."""
    if not isinstance(instance, DraftStateMixin):
        return False
    if not instance.live:
        return True  # not visible; publishing it sends page_published (or saves it live)
    # modeltranslation saves draft_title as draft_title_en, draft_title_es...
    return update_fields is not None and all(
        name in DRAFT_BOOKKEEPING or name.startswith("draft_title") for name in update_fields
    )


def keys_of(instance, deleted=False):
    """What a change to `instance` touches: itself, its collections, its parent's children and
    whatever it points at (whose pages list it)."""
    model = type(instance)
    keys = {dependencies.object_key(model, instance.pk), dependencies.related_key(model, instance.pk)}
    keys.update(dependencies.list_key(cls) for cls in model.__mro__ if _is_concrete_public(cls))
    if isinstance(instance, Page) and instance.depth and instance.depth > 1:
        keys.add(dependencies.children_key(instance.path[: -Page.steplen]))
    if not deleted:
        keys.update(pointed_at(instance))
    return keys


def _is_concrete_public(cls):
    meta = getattr(cls, "_meta", None)
    return meta is not None and not meta.abstract and not meta.proxy and dependencies.is_public(cls)


def public_relations(model):
    """The forward relations of `model` to public models (its group, its countries, its entities)."""
    for field in model._meta.get_fields():
        target = field.related_model
        reverse = field.auto_created and not field.concrete
        if field.is_relation and not reverse and target is not None and dependencies.is_public(target):
            yield field


def pointed_at(instance):
    """`rel:` keys of the public objects this one names."""
    keys = set()
    for field in public_relations(type(instance)):
        if field.many_to_many:  # in memory for a page just published from its revision
            pks = [related.pk for related in getattr(instance, field.name).all()]
        else:
            pks = [getattr(instance, field.attname)]
        keys.update(dependencies.related_key(field.related_model, pk) for pk in pks if pk is not None)
    return keys


def note_stored_targets(instance):
    """Before a save: the `rel:` keys of what the stored row names, so that an object it no longer
    names (a group dropped from a news item) loses it from its page too."""
    fields = list(public_relations(type(instance)))
    if not fields or not dependencies.is_public(type(instance)):
        return
    stored = type(instance)._base_manager.filter(pk=instance.pk)
    keys = set()
    for field in fields:
        pks = stored.values_list(field.name if field.many_to_many else field.attname, flat=True)
        keys.update(dependencies.related_key(field.related_model, pk) for pk in pks if pk is not None)
    if keys:  # joined to the save's own note (`note`), so that the save is still one change
        _stored_targets().setdefault((type(instance), instance.pk), set()).update(keys)


def discard_uncommitted():
    """Forget what was noted in transactions that rolled back: they changed nothing. (Otherwise
    their notes go with the thread's next commit, which is safe but purges more than it changed.)"""
    _pending.change = None
    _pending.stored_targets = {}


def _stored_targets():
    if not hasattr(_pending, "stored_targets"):
        _pending.stored_targets = {}
    return _pending.stored_targets


def note(instance, what=SAVED, keys=None):
    """A public object changed: send it with the next commit (now, outside a transaction)."""
    if not dependencies.is_public(type(instance)):
        return
    keys = set(keys or keys_of(instance, deleted=what == DELETED))
    keys |= _stored_targets().pop((type(instance), instance.pk), set())
    _note(((instance, what),), keys)


def note_moved(page, old_parent_path):
    """A page moved: it and every page under it have new URLs; both parents' menus change."""
    subtree = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    keys = keys_of(page) | {dependencies.object_key(Page, pk) for pk in subtree}
    if old_parent_path:
        keys.add(dependencies.children_key(old_parent_path))
    _note(((page, MOVED),), keys)


def note_everything(reason):
    """Something every response may show changed (a deploy, a setting): ban every cache."""
    logger.info("Every cache is banned: %s", reason)
    _note((), frozenset(), everything=True)


def _note(objects, keys, everything=False):
    pending = getattr(_pending, "change", None)
    if pending is None:
        pending = _pending.change = {"objects": [], "keys": set(), "everything": False}
    pending["objects"].extend(objects)
    pending["keys"].update(keys)
    pending["everything"] = pending["everything"] or everything
    # Each time (a rolled-back transaction drops its callback: its notes go with the next commit),
    # and last: outside a transaction it runs at once.
    transaction.on_commit(_send)


def _send():
    pending, _pending.change = getattr(_pending, "change", None), None
    if pending is None:
        return
    # One publish saves a page and sends page_published: each object once.
    objects = {(type(instance), instance.pk, what): (instance, what) for instance, what in pending["objects"]}
    change = ContentChange(tuple(objects.values()), frozenset(pending["keys"]), pending["everything"])
    # Consumers that rebuild what pages read (the search index) first, then the caches, so that
    # a page built after a purge reads the rebuilt data.
    for receiver, result in content_changed.send_robust(sender=ContentChange, change=change):
        if isinstance(result, Exception):  # the others and the purge still run; the log says why
            logger.error("%s failed on a content change", receiver.__qualname__, exc_info=result)
    from . import purge

    purge.apply(change)
