"""What the site search looks through, and which of their columns hold the visitor's language.

Pages are searched on the fields their model lists in `search_fields` (the ones Wagtail indexes
too); a translated field is read from its column in the visitor's language only, so a Spanish
query never matches English text. Documents are searched on their title, observer states on their
name.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from documents.listing import public_documents
from observers.models import ObserverState

PAGE, DOCUMENT, OBSERVER = "page", "document", "observer"


@dataclass(frozen=True)
class Source:
    kind: str
    rows: QuerySet  # only what a visitor may see
    title: str  # the title column, in the visitor's language
    texts: tuple[str, ...]  # the other searched columns, in the visitor's language


def localized(model, name, language):
    """The column that holds field `name` in `language` (the field itself if it is not translated)."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return name
    return build_localized_fieldname(name, language) if name in translated else name


def searched_fields(model):
    """The base names of the model's full-text search fields, title first, without the per-language copies."""
    names = []
    suffixes = tuple(f"_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)
    for field in model.get_search_fields():
        own = isinstance(field, index.SearchField) and not field.field_name.endswith(suffixes)
        if own and field.field_name not in names:
            names.append(field.field_name)
    return names


def page_models(excluded=()):
    return [
        model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract and model not in excluded
    ]


def private_pages():
    """Q of the pages under a view restriction (Wagtail's `public()` in one query for every page type)."""
    private = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        private |= Q(path__startswith=path)
    return private


def sources(language, root_page, excluded_page_types=()):
    """Every Source the search reads, for a visitor of `language` on the site rooted at `root_page`."""
    result = []
    private = private_pages()
    for model in page_models(excluded_page_types):
        names = [name for name in searched_fields(model) if name != "title"]
        rows = model.objects.live().descendant_of(root_page, inclusive=True)
        rows = rows.exclude(private) if private else rows
        result.append(
            Source(
                PAGE,
                rows,
                localized(model, "title", language),
                tuple(localized(model, name, language) for name in names),
            )
        )
    documents = public_documents()
    result.append(Source(DOCUMENT, documents, localized(documents.model, "title", language), ()))
    result.append(
        Source(OBSERVER, ObserverState.objects.all(), localized(ObserverState, "name", language), ())
    )
    return result
