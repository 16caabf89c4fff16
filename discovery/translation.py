from modeltranslation.translator import TranslationOptions, register

from .models import DocumentLibraryPage, SearchPage


@register(SearchPage)
class SearchPageTR(TranslationOptions):
    fields = ("intro",)


@register(DocumentLibraryPage)
class DocumentLibraryPageTR(TranslationOptions):
    fields = ("intro",)
