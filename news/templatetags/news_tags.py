"""`{% related_news page as items %}`: the latest news about a group, a project or a country, for
pages whose own app knows nothing of news (the relation is `news_items`, from news.models)."""

from django import template

from caching import dependencies
from caching.fragments import remember
from news.models import latest_news

register = template.Library()

RELATED_LIMIT = 3


@register.simple_tag
def related_news(obj, limit=RELATED_LIMIT):
    """The newest live, public news items linked to `obj` through its `news_items` relation."""
    if obj is None or getattr(obj, "pk", None) is None:
        return []

    def latest():
        dependencies.record_related(obj)  # an item naming it, published later, joins the list
        return latest_news(limit, pk__in=obj.news_items.values("pk"))

    return remember(f"related-news:{dependencies.object_key(type(obj), obj.pk)}:{limit}", latest)
