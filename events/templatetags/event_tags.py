"""Events listed on the pages they are linked to: `{% related_events page as events %}`."""

from django import template

from base.pages import visible_to_everyone
from caching import dependencies
from caching.fragments import remember

register = template.Library()


@register.simple_tag
def related_events(page):
    """The live, public events linked to `page` (a technical group or a cooperation project, through
    its reverse relation `events`), newest first; [] for a page that events do not link to."""
    events = getattr(page, "events", None)
    if events is None:
        return []

    def linked():
        dependencies.record_related(page)  # an event naming it, published later, joins the list
        return list(
            visible_to_everyone(events.live(), listing=False).order_by("-start_date", "-end_date", "pk")
        )

    return remember(f"related-events:{dependencies.object_key(type(page), page.pk)}", linked)
