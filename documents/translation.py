from modeltranslation.translator import TranslationOptions, register

from .models import LegalDocument


@register(LegalDocument)
class LegalDocumentTR(TranslationOptions):
    fields = ("title", "description")
