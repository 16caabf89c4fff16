"""Whole sections of a page kept as HTML, and links to the filtered listings a page points to.

    {% kept_section "content" %}...{% endkept_section %}

renders its contents once, then keeps the HTML in the fragment cache (caching/fragments.py)
until the page or anything read while rendering it changes: the keys recorded inside (objects
loaded, lists read, inner fragments replayed) are the section's, and they join the response's
too, so a precise purge reaches the pages that show what changed. Per page, language and site;
a preview always renders afresh. A section must not set variables that the template reads after it.
"""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from caching import dependencies
from caching.fragments import remember

register = template.Library()


class KeptSectionNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        page, request = context.get("page"), context.get("request")
        site = Site.find_for_request(request) if request else None
        if site is None or not hasattr(page, "kept"):
            return self.nodelist.render(context)
        name = f"html-{self.name.resolve(context)}:{site.pk}"  # page and language: BasePage.kept
        return mark_safe(page.kept(request, name, lambda: self.nodelist.render(context)))  # noqa: S308


@register.tag
def kept_section(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("kept_section takes one argument: the section's name")
    nodelist = parser.parse(("endkept_section",))
    parser.delete_first_token()
    return KeptSectionNode(parser.compile_filter(bits[1]), nodelist)


@register.simple_tag(takes_context=True)
def listing_url(context, model_label, **filters):
    """The URL of the site's live page of type `model_label` (a listing such as the events
    timeline), with `filters` as its query string; "" if the site has none."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    model = apps.get_model(model_label)

    def find():
        page = dependencies.listed(model.objects.live()).descendant_of(site.root_page).first()
        return page.get_url(request) if page else ""

    url = remember(f"listing-url:{model._meta.label_lower}:{site.pk}:{get_language()}", find)
    return f"{url}?{urlencode(filters)}" if url and filters else url
