"""Events listed on the pages they are linked to: `{% related_events page as events %}`."""

from django import template

from base.pages import FirstOf, first_of, visible_to_everyone
from caching import dependencies
from caching.fragments import remember
from events.models import NEWEST_FIRST

register = template.Library()

# A page shows this many of its events, newest first, and links to the timeline for the rest.
RELATED_SHOWN = 15


@register.simple_tag
def related_events(page):
    """The newest live, public events linked to `page` (a technical group or a cooperation
    project, through its reverse relation `events`) and how many there are (base.pages.FirstOf);
    none for a page that events do not link to."""
    events = getattr(page, "events", None)
    if events is None:
        return FirstOf([], 0)

    def linked():
        dependencies.record_related(page)  # an event naming it, published later, joins the list
        newest = visible_to_everyone(events.live(), listing=False).order_by(*NEWEST_FIRST)
        return first_of(newest, RELATED_SHOWN)

    return remember(f"related-events:{dependencies.object_key(type(page), page.pk)}", linked)
