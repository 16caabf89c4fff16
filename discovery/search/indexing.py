"""Keeps the search index (`entries.SearchEntry`) in step with the content, once each change commits.

A save or delete only notes what changed; when the transaction commits, each noted object's rows
are rebuilt from the database as it then is (or removed: an unpublished or deleted page, a
document that became another's Spanish version), so a rolled-back change leaves nothing behind
and one publish that saves many rows rebuilds each page once.
"""

import logging
import re
import threading

from django.conf import settings
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from base.language import sort_key
from documents.listing import public_documents
from observers.models import ObserverState

from . import readable
from .entries import SearchEntry, SearchWord

logger = logging.getLogger(__name__)
PAGE, DOCUMENT, OBSERVER = "page", "document", "observer"
WORD = re.compile(r"[^\W\d_]{3,40}")
_pending = threading.local()


def languages():
    return [code for code, _name in settings.LANGUAGES]


def page_kind(model):
    """The kind a page type's results belong to: PAGE, unless the type names its own (news, events)."""
    return getattr(model, "search_kind", PAGE)


def page_entries(page):
    page = page.specific
    if not page.live or not getattr(page, "searchable", True):
        return []
    own = [name for name in readable.searched_fields(type(page)) if name != "title"]
    return [
        SearchEntry(
            kind=page_kind(type(page)),
            object_id=page.pk,
            language=language,
            title=readable.value(page, "title", language),
            body=readable.page_text(page, language, own),
            path=page.path,
        )
        for language in languages()
    ]


def document_entries(document):
    if not public_documents().filter(pk=document.pk).exists():
        return []
    entries = []
    for language in languages():
        file = document.in_language(language)
        entries.append(
            SearchEntry(
                kind=DOCUMENT,
                object_id=document.pk,
                language=language,
                title=readable.value(document, "title", language),
                body=file.text if file.language == language else "",
                path=document.collection.path,
            )
        )
    return entries


def observer_entries(observer):
    return [
        SearchEntry(
            kind=OBSERVER,
            object_id=observer.pk,
            language=language,
            title=readable.value(observer, "name", language),
        )
        for language in languages()
    ]


def build(kind, pk):
    """The rows of one object, from the database as it is now."""
    if kind == PAGE:
        page = Page.objects.filter(pk=pk).first()
        return page_entries(page) if page else []
    if kind == DOCUMENT:
        document = get_document_model().objects.filter(pk=pk).select_related("spanish_version").first()
        return document_entries(document) if document else []
    observer = ObserverState.objects.filter(pk=pk).first()
    return observer_entries(observer) if observer else []


def write(kind, pk):
    entries = build(kind, pk)
    stored_kinds = [page_kind(model) for model in _page_models()] if kind == PAGE else [kind]
    SearchEntry.objects.filter(kind__in=set(stored_kinds), object_id=pk).delete()
    SearchEntry.objects.bulk_create(entries)
    words = {
        (entry.language, word.lower())
        for entry in entries
        for word in WORD.findall(f"{entry.title} {entry.body}")
    }
    SearchWord.objects.bulk_create(
        [SearchWord(language=language, word=word, folded=sort_key(word)[:40]) for language, word in words],
        ignore_conflicts=True,
    )


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()


def rebuild(keys):
    with transaction.atomic():
        for kind, pk in sorted(keys):
            write(kind, pk)


def read_document_texts():
    """Read the text of every document whose file has not been read yet (one uploaded before)."""
    for document in get_document_model().objects.filter(text_hash="").exclude(file=""):
        document.refresh_text()
        document.save(update_fields=["text", "text_hash"])


def rebuild_everything():
    """Every row again, from scratch (after a bulk load, or to check the index)."""
    read_document_texts()
    keys = {(PAGE, pk) for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True)}
    keys |= {(DOCUMENT, pk) for pk in get_document_model().objects.values_list("pk", flat=True)}
    keys |= {(OBSERVER, pk) for pk in ObserverState.objects.values_list("pk", flat=True)}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
        rebuild(keys)
    return len(keys)


def schedule(kind, pks):
    """Rebuild these objects' rows once the current transaction commits (at once outside one)."""
    pending = getattr(_pending, "keys", None)
    if pending is None:
        pending = _pending.keys = set()
    pending.update((kind, pk) for pk in pks)
    transaction.on_commit(_flush, robust=True)


def _flush():
    keys, _pending.keys = getattr(_pending, "keys", None), set()
    if keys:
        try:
            rebuild(keys)
        except Exception:
            # The search lags behind until the object next changes; the change itself stands.
            logger.exception("The search index could not be brought up to date.")
            raise
