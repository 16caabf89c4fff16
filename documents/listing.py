"""The documents a visitor may find: one entry per document, none from a restricted collection."""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from caching import dependencies


def public_documents():
    """Documents for listings and search.

    A document that is another's Spanish version is reached through that document
    (`LegalDocument.in_language`), so it is not listed on its own. Documents in a collection
    that has a view restriction, or inside one that has, are left out.
    """
    Document = get_document_model()
    spanish_versions = Document.objects.filter(spanish_version__isnull=False).values("spanish_version")
    documents = dependencies.listed(Document.objects.exclude(pk__in=spanish_versions))
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in set(restricted):
        documents = documents.exclude(collection__path__startswith=path)
    return documents


def available_in(documents, language):
    """Documents that have a file in `language`: their own, or their Spanish version."""
    if language == "es":
        return documents.filter(Q(language="es") | Q(spanish_version__isnull=False))
    return documents.filter(language=language)
