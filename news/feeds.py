"""The Atom feed of the latest news items, in the language of its URL (/en/ or /es/)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsIndexPage, public_news

LATEST = 20


def midnight(day):
    """A date as the moment it began (UTC): Atom dates are moments."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


class NewsFeed(Feed):
    """One entry per news item, newest first; an entry's `updated` is the item's date."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        request.query_parameters = frozenset()  # reads no parameter: one shared copy per language
        response = super().__call__(request, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request):
        return _("Pacific Alliance: news")

    def subtitle(self, request):
        return _("Press releases, news and statements of the Pacific Alliance.")

    def author_name(self, request):
        return _("Pacific Alliance")

    def link(self, request):
        index = NewsIndexPage.objects.live().first()
        return index.get_url(request) if index else "/"

    def items(self, request):
        items = list(public_news()[:LATEST])
        for item in items:
            item.feed_link = item.get_url(request)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_updateddate(self, item):
        return midnight(item.date)

    def item_pubdate(self, item):
        return midnight(item.date)

    def item_categories(self, item):
        return [item.get_kind_display()]
