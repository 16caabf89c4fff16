"""Template helpers for finding things: the header's search page and each page's description."""

from django import template
from django.utils.translation import get_language, gettext
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Site

from caching import dependencies
from caching.fragments import remember
from discovery.models import SearchPage

register = template.Library()

# Fields that say in a sentence what a page is, in the order they are tried.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro")
DESCRIPTION_LENGTH = 200
# Open Graph wants a territory with the language.
OPEN_GRAPH_LOCALES = {"en": "en_US", "es": "es_LA"}


@register.simple_tag(takes_context=True)
def search_page_url(context):
    """The URL of this site's live search page, or "" (cached until the content changes)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""

    def find():
        page = dependencies.listed(SearchPage.objects.live()).descendant_of(site.root_page).first()
        return page.get_url(request) if page else ""

    return remember(f"search-page-url:{site.pk}:{get_language()}", find)


@register.simple_tag
def meta_description(page):
    """A sentence on the page in the active language: its search description, else its summary or
    introduction; the English text only where no field has one in the active language."""
    language = get_language()
    for lang in dict.fromkeys([language, "en"]):
        for name in DESCRIPTION_FIELDS:
            text = " ".join((getattr(page, build_localized_fieldname(name, lang), "") or "").split())
            if text:
                return shortened(text)
    return gettext(
        "The Pacific Alliance is a regional integration initiative of Chile, Colombia, Mexico and Peru."
    )


@register.simple_tag
def open_graph_locale(language):
    return OPEN_GRAPH_LOCALES.get(language, language)


def shortened(text, length=DESCRIPTION_LENGTH):
    """`text` cut at a word boundary to at most `length` characters, with "…" where it was cut."""
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
