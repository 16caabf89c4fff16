"""What tells the search index that something changed (see `indexing`): the change feed.

Each committed change (caching.changes) names the objects it touched: a page's rows follow its
publishing, unpublishing, moves and deletion; a document's and an observer state's follow their
own changes; a snippet's change rebuilds the pages that show it. The feed calls this before it
purges the caches, so a page rebuilt after the purge reads the new rows. A snippet's deletion
takes the rows that say where it was shown, so those pages are noted before it goes; a deleted
object's own rows are noted then too, while it still has its primary key.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from caching.changes import DELETED, MOVED, content_changed
from observers.models import ObserverState

from .indexing import DOCUMENT, OBSERVER, PAGE, schedule
from .readable import pages_showing


def connect():
    content_changed.connect(changed, dispatch_uid="search_index_on_change")
    pre_delete.connect(deleting, dispatch_uid="search_index_before_delete")


def changed(sender, change, **kwargs):
    # One rebuild for the whole change (a content load names hundreds of objects), not one each.
    with transaction.atomic():
        for instance, what in change.objects:
            _changed(instance, what)


def _changed(instance, what):
    if instance.pk is None:
        return  # deleted: its rows were scheduled before it went (`deleting`), while it had its pk
    Document = get_document_model()
    if isinstance(instance, Page):
        if what == MOVED:  # every page under it has a new tree path
            schedule(PAGE, Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
        else:
            schedule(PAGE, [instance.pk])
    elif isinstance(instance, Document):
        # Its rows, and those of the documents it is (or was) the Spanish version of.
        others = Document.objects.filter(spanish_version=instance.pk).values_list("pk", flat=True)
        schedule(DOCUMENT, [instance.pk, *others, *filter(None, [instance.spanish_version_id])])
    elif isinstance(instance, ObserverState):
        schedule(OBSERVER, [instance.pk])
    elif isinstance(instance, tuple(get_snippet_models())) and what != DELETED:
        schedule(PAGE, pages_showing(instance))


def deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        schedule(PAGE, [instance.pk])
    elif isinstance(instance, ObserverState):
        schedule(OBSERVER, [instance.pk])
    elif isinstance(instance, get_document_model()):
        schedule(DOCUMENT, [instance.pk])
    elif isinstance(instance, tuple(get_snippet_models())):
        schedule(PAGE, pages_showing(instance))
