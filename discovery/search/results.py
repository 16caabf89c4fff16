"""One page of search rows turned into what the results page shows: titles, URLs and excerpts."""

import html
import re
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from observers.models import ObserverState, ObserverStatesPage

from . import postgres, simple
from .sources import DOCUMENT, OBSERVER, PAGE

TAG = re.compile(r"<[^>]*>")


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


def plain_text(rich_text):
    """Rich text (HTML) as the words a reader sees."""
    return " ".join(html.unescape(TAG.sub(" ", rich_text or "")).split())


def present(rows, search):
    """The SearchResult of each row, in the rows' order, with a fixed number of queries."""
    ids = {
        kind: [row["result_id"] for row in rows if row["result_kind"] == kind]
        for kind in (PAGE, DOCUMENT, OBSERVER)
    }
    build = {
        PAGE: _page_results(ids[PAGE], search),
        DOCUMENT: _document_results(ids[DOCUMENT], search.language),
        OBSERVER: _observer_results(ids[OBSERVER], search),
    }
    results = [build[row["result_kind"]].get(row["result_id"]) for row in rows]
    texts = [plain_text(row["result_text"]) for row in rows]
    _add_excerpts([r for r in results if r], [t for r, t in zip(results, texts, strict=True) if r], search)
    return [result for result in results if result]


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


def _add_excerpts(results, texts, search):
    with_text = [(result, text) for result, text in zip(results, texts, strict=True) if text]
    if not with_text:
        return
    if search.full_text:
        headlines = postgres.excerpts(
            [text for _result, text in with_text], search.text.text, search.language
        )
        for (result, _text), headline in zip(with_text, headlines, strict=True):
            result.excerpt = mark_safe(  # noqa: S308 - escaped first; only the marks become HTML
                str(escape(headline))
                .replace(postgres.MARK_START, "<mark>")
                .replace(postgres.MARK_END, "</mark>")
            )
    else:
        for result, text in with_text:
            result.excerpt = mark_safe(simple.excerpt(text, search.words))  # noqa: S308 - built from escaped text
