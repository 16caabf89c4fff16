"""Page types that help visitors find things: the site search and the document library."""

from django.core.paginator import Paginator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from base.pages import SectionPage

from .library import DocumentFilterForm, groups_by_document, library_documents
from .search import SearchResults, SearchText
from .search.entries import SearchEntry, SearchWord
from .search.query import MAX_LENGTH

__all__ = ["DocumentLibraryPage", "SearchEntry", "SearchPage", "SearchWord"]


class SearchPage(SectionPage):
    """Searches pages, documents and observer states in the visitor's language."""

    results_per_page = 10
    query_parameters = frozenset({"q", "page", "kind"})
    searchable = False  # the search page itself is never a result

    class Meta:
        verbose_name = _("search page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        text = SearchText.clean(request.GET.get("q"))
        context["search_text"] = text
        context["max_query_length"] = MAX_LENGTH
        if text:
            site = Site.find_for_request(request)
            results = SearchResults(
                text, get_language(), request, site.root_page, kind=request.GET.get("kind")
            )
            context["search"] = results
            context["results"] = Paginator(results, self.results_per_page).get_page(request.GET.get("page"))
        return context


class DocumentLibraryPage(SectionPage):
    """Every legal and reference document, filterable by group, type, year and language."""

    documents_per_page = 20
    query_parameters = frozenset({*DocumentFilterForm.base_fields, "page"})

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, documents = library_documents(request.GET)
        page = Paginator(documents, self.documents_per_page).get_page(request.GET.get("page"))
        groups = groups_by_document(page.object_list)
        context["filter_form"] = form
        context["documents"] = page
        context["entries"] = [(document, groups[document.pk]) for document in page.object_list]
        return context
