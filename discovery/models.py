"""Page types that help visitors find things: the site search and the document library."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site
from wagtail.search import index

from alliance_site.pages import BasePage

from .library import groups_by_document, library_documents
from .search import SearchResults, SearchText
from .search.query import MAX_LENGTH


class SearchPage(BasePage):
    """Searches pages, documents and observer states in the visitor's language."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short paragraph under the title."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["alliance_site.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/search_page.html"
    results_per_page = 10

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
                text, get_language(), request, site.root_page, excluded_page_types=[SearchPage]
            )
            context["results"] = Paginator(results, self.results_per_page).get_page(request.GET.get("page"))
        return context


class DocumentLibraryPage(BasePage):
    """Every legal and reference document, filterable by group, type, year and language."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short paragraph under the title."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["alliance_site.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/document_library_page.html"
    documents_per_page = 20

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
