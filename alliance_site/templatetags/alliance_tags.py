"""Template helpers shared by every page: languages, menus and fallback marking."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page, Site

from alliance_site.language import page_urls_by_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page):
    """[(code, name, absolute URL)] of `page` in every language, for hreflang and the switcher."""
    return page_urls_by_language(page, context.get("request"))


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="en"` where the active language's text is empty and the English one is shown instead."""
    language = get_language()
    if language == "en" or getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return format_html(' lang="{}"', "en")


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the site that serves this request."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.specific if site else None


@register.simple_tag
def menu_pages(root, in_menu=True):
    """Live children of `root`, from the page tree: the main menu, or the footer's other pages."""
    if root is None:
        return Page.objects.none()
    children = root.get_children().live()
    return children.in_menu() if in_menu else children.not_in_menu()
