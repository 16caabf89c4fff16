"""One page of search rows turned into what the results page shows: titles, URLs and excerpts."""

from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents import get_document_model
from wagtail.models import Page

from caching import dependencies
from observers.models import ObserverState, ObserverStatesPage

from .indexing import DOCUMENT, OBSERVER, PAGE
from .marks import marked

NEWS, EVENT = "news", "event"


@dataclass(frozen=True)
class Kind:
    label: str  # what the filter link says
    stored: tuple  # the kinds of index rows it takes in


# What results can be narrowed to: a page type joins news or events with `search_kind`.
KINDS = {
    PAGE: Kind(gettext_lazy("Pages"), (PAGE,)),
    NEWS: Kind(gettext_lazy("News"), (NEWS,)),
    EVENT: Kind(gettext_lazy("Events"), (EVENT,)),
    DOCUMENT: Kind(gettext_lazy("Documents"), (DOCUMENT,)),
    OBSERVER: Kind(gettext_lazy("Observer states"), (OBSERVER,)),
}
PAGE_KINDS = {PAGE, NEWS, EVENT}


@dataclass
class SearchResult:
    kind: str  # PAGE, DOCUMENT or OBSERVER
    label: str  # what the result is: "Cooperation project", "Document", "Observer state"
    title: str
    url: str
    excerpt: str = ""  # safe HTML, the matching words in <mark>
    details: list = field(default_factory=list)  # short facts: type, year, file format and size
    source: object = None  # the page, document or observer state, for the template's fallback_lang
    title_field: str = "title"


def present(rows, search):
    """The SearchResult of each (kind, id, excerpt) row, in the rows' order, in a few queries."""
    # What a search finds changes with any page, document or observer state.
    for model in (Page, get_document_model(), ObserverState):
        dependencies.listed(model)
    ids = {kind: [] for kind in (PAGE, DOCUMENT, OBSERVER)}
    for kind, pk, _excerpt in rows:
        ids[PAGE if kind in PAGE_KINDS else kind].append(pk)
    build = {
        PAGE: _page_results(ids[PAGE], search),
        DOCUMENT: _document_results(ids[DOCUMENT], search.language),
        OBSERVER: _observer_results(ids[OBSERVER], search),
    }
    results = []
    for kind, pk, excerpt in rows:
        result = build[PAGE if kind in PAGE_KINDS else kind].get(pk)
        if result:
            result.excerpt = marked(excerpt)
            results.append(result)
    return results


def _page_results(ids, search):
    if not ids:
        return {}
    results = {}
    for page in Page.objects.filter(pk__in=ids):
        results[page.pk] = SearchResult(
            PAGE,
            capfirst(page.specific_class._meta.verbose_name),
            page.title,
            page.get_url(search.request),
            source=page,
        )
    return results


def _document_results(ids, language):
    if not ids:
        return {}
    results = {}
    for document in get_document_model().objects.filter(pk__in=ids).select_related("spanish_version"):
        file = document.in_language(language)
        details = [document.get_kind_display()]
        if document.year:
            details.append(str(document.year))
        file_facts = file.file_extension.upper()
        if file.file_size:
            file_facts += f", {filesizeformat(file.file_size)}"
        details.append(file_facts)
        results[document.pk] = SearchResult(
            DOCUMENT,
            _("Document"),
            document.title,
            file.url,
            details=details,
            source=document,
        )
    return results


def _observer_results(ids, search):
    if not ids:
        return {}
    page = ObserverStatesPage.objects.live().descendant_of(search.root_page, inclusive=True).first()
    base_url = page.get_url(search.request) if page else ""
    results = {}
    for observer in ObserverState.objects.filter(pk__in=ids):
        details = [observer.get_continent_display()]
        if observer.year_admitted:
            details.append(_("observer since %(year)s") % {"year": observer.year_admitted})
        results[observer.pk] = SearchResult(
            OBSERVER,
            _("Observer state"),
            observer.name,
            f"{base_url}#continent-{slugify(observer.continent)}" if base_url else "",
            details=details,
            source=observer,
            title_field="name",
        )
    return results
