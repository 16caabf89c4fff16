from modeltranslation.translator import TranslationOptions, register

from .models import ContactPage


@register(ContactPage)
class ContactPageTranslation(TranslationOptions):
    fields = ("intro", "details", "thank_you")
