"""Shared by the news tests: the listing's URLs, what it links to, and new items made on the fly."""

import datetime

from django.utils import translation

from news.models import NewsIndexPage, NewsItemPage
from tests.pages import get_ok, parse

INDEX = {"en": "/en/news/", "es": "/es/noticias/"}
FEED = {"en": "/en/feeds/news.atom", "es": "/es/feeds/news.atom"}


def listed(client, language, query=""):
    """The item URLs that one page of the listing links to, in their order."""
    prefix = INDEX[language]
    links = parse(get_ok(client, prefix + query)).links
    return [link for link in links if link.startswith(prefix) and link != prefix and "?" not in link]


def urls_of(items, language):
    with translation.override(language):
        return [item.url for item in items]


def live_items():
    return list(NewsItemPage.objects.live().order_by("-date", "-pk"))


def add_item(number, kind="news", date=datetime.date(2017, 1, 1), **links):
    """A published item under the news index, with `links` (groups=[...], countries=[...])."""
    with translation.override("en"):
        item = NewsItemPage(
            title_en=f"Added item {number}",
            title_es=f"Noticia añadida {number}",
            slug_en=f"added-item-{number}",
            slug_es=f"noticia-anadida-{number}",
            kind=kind,
            date=date,
            summary_en=f"Summary {number}",
            summary_es=f"Resumen {number}",
            body_en="<p>Body.</p>",
        )
        item.title, item.slug = item.title_en, item.slug_en
        for name, objects in links.items():
            setattr(item, name, objects)
        NewsIndexPage.objects.get().add_child(instance=item)
        item.save_revision().publish()
    return item
