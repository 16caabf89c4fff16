"""The search and document library pages (content/search.yaml, document-library.yaml)."""

from content_loader.spec import SectionPageContent

from .models import DocumentLibraryPage, SearchPage


class SearchPageContent(SectionPageContent):
    file_name, model, order = "search.yaml", SearchPage, 9


class DocumentLibraryContent(SectionPageContent):
    file_name, model, order, in_menu = "document-library.yaml", DocumentLibraryPage, 10, True


CONTENT = [SearchPageContent, DocumentLibraryContent]
