from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage, HomePage, MemberCountry


@register(MemberCountry)
class MemberCountryTR(TranslationOptions):
    fields = ("name",)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro", "body")


@register(ContentPage)
class ContentPageTR(TranslationOptions):
    fields = ("intro", "body")
