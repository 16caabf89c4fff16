from modeltranslation.translator import TranslationOptions, register

from .models import NewsIndexPage, NewsItemPage

# The title (and slug) of every page is translated by wagtail-modeltranslation itself.


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NewsItemPage)
class NewsItemPageTR(TranslationOptions):
    fields = ("summary", "body", "lead_image_alt")
