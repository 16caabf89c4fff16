"""What tells the search index that something changed (see `indexing`).

A page's rows follow its publishing, unpublishing, moves and deletion (a draft save changes nothing
visitors read); a document's and an observer state's follow their own saves; a snippet's change
rebuilds the pages that show it. Collections and view restrictions need nothing: rows keep their
paths, and the search applies the restrictions as it reads.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from caching.content_version import is_draft_save
from observers.models import ObserverState

from .indexing import DOCUMENT, OBSERVER, PAGE, schedule
from .readable import pages_showing


def connect():
    post_save.connect(saved, dispatch_uid="search_index_on_save")
    pre_delete.connect(deleting, dispatch_uid="search_index_before_delete")
    post_delete.connect(deleted, dispatch_uid="search_index_on_delete")
    page_published.connect(page_changed, dispatch_uid="search_index_on_publish")
    page_unpublished.connect(page_changed, dispatch_uid="search_index_on_unpublish")
    post_page_move.connect(page_moved, dispatch_uid="search_index_on_move")


def _changed(instance):
    Document = get_document_model()
    if isinstance(instance, Page):
        schedule(PAGE, [instance.pk])
    elif isinstance(instance, Document):
        # Its rows, and those of the documents it is (or was) the Spanish version of.
        others = Document.objects.filter(spanish_version=instance).values_list("pk", flat=True)
        schedule(DOCUMENT, [instance.pk, *others, *filter(None, [instance.spanish_version_id])])
    elif isinstance(instance, ObserverState):
        schedule(OBSERVER, [instance.pk])
    elif isinstance(instance, tuple(get_snippet_models())):
        schedule(PAGE, pages_showing(instance))


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or is_draft_save(instance, update_fields):
        return
    if isinstance(instance, get_document_model()) and update_fields is not None:
        return  # Wagtail's own bookkeeping (file size, hash): nothing a visitor reads
    _changed(instance)


def deleting(sender, instance, **kwargs):
    # Before the rows that link to a snippet go with it, while they still tell where it was shown.
    own_rows = isinstance(instance, Page | ObserverState | get_document_model())
    if not own_rows and isinstance(instance, tuple(get_snippet_models())):
        schedule(PAGE, pages_showing(instance))


def deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | ObserverState | get_document_model()):
        _changed(instance)


def page_changed(sender, instance, **kwargs):
    schedule(PAGE, [instance.pk])


def page_moved(sender, instance, **kwargs):
    # Every page under it has a new tree path.
    schedule(PAGE, Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
