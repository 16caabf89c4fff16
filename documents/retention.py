"""Revisions that are kept for good: those of legal documents.

Wagtail's `purge_revisions` deletes old revisions; the project's own `purge_revisions` (which
replaces it, see management/commands/purge_revisions.py) never deletes these: every revision of a
legal document (the document model, should it keep revisions) and of every page that publishes
legal documents (those with document links, such as "Legal documents" and the technical groups).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, Revision

from documents.models import DocumentLink


def pages_with_legal_documents():
    ids = set()
    for model in apps.get_models():
        if issubclass(model, DocumentLink):
            ids.update(model.objects.values_list("page_id", flat=True))
    return ids


def protected_revisions():
    document_type = ContentType.objects.get_for_model(apps.get_model(settings.WAGTAILDOCS_DOCUMENT_MODEL))
    page_type = ContentType.objects.get_for_model(Page)
    pages = [str(pk) for pk in pages_with_legal_documents()]
    return Revision.objects.filter(
        Q(base_content_type=document_type)
        | Q(content_type=document_type)
        | Q(base_content_type=page_type, object_id__in=pages)
    )
