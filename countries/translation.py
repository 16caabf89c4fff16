from modeltranslation.translator import TranslationOptions, register

from .models import MemberCountriesIndexPage, MemberCountryPage


@register(MemberCountriesIndexPage)
class MemberCountriesIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(MemberCountryPage)
class MemberCountryPageTranslation(TranslationOptions):
    fields = ("intro",)
