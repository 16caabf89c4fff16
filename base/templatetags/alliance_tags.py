"""Template helpers shared by every page: languages, menus and fallback marking."""

from datetime import datetime

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from base.breadcrumbs import breadcrumb_list, breadcrumbs
from base.dates import format_day
from base.language import page_urls_by_language
from base.navigation import current_states, navigation
from base.structured_data import json_ld_script, organization

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
def site_navigation(context):
    """The home link, main menu and other top-level pages (cached; see base.navigation)."""
    return navigation(context.get("request"))


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """Wagtail's user bar, for signed-in editors only. Anonymous pages never touch the session,
    so they set no cookie and do not vary on Cookie (they stay cacheable)."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)


@register.simple_tag
def menu_states(links, page):
    """[(link, aria-current value)]: the page itself is "page", the section it lies in "true"."""
    return current_states(links or [], page)


@register.simple_tag
def link_state(link, page):
    """The aria-current value of one link on `page` (the home link: only on the home page)."""
    return "page" if link is not None and getattr(page, "pk", None) == link.pk else ""


@register.simple_tag(takes_context=True)
def page_breadcrumbs(context, page):
    """[Crumb] from the home page to `page`; empty on the home page."""
    return breadcrumbs(page, navigation(context.get("request")), context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context, trail):
    return json_ld_script(breadcrumb_list(trail, context.get("request"))) if trail else ""


@register.simple_tag(takes_context=True)
def organization_json_ld(context, page, members):
    request = context.get("request")
    return json_ld_script(organization(page.get_url(request), page.intro, members, request))


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """The absolute URL of a static file, for what other sites fetch (the share image)."""
    request = context.get("request")
    return request.build_absolute_uri(static(path)) if request else static(path)


@register.filter
def long_date(value):
    """A date or a moment as the day in the language's style: "10 October 2014", "10 de octubre de 2014"."""
    if not value:
        return ""
    return format_day(timezone.localdate(value) if isinstance(value, datetime) else value)
