"""Counting the queries of page renders, before and after the content grows tenfold.

The growth is costly, so each module grows its content once for both languages: in one
transaction, rolled back at the end, like a test's own.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

PAGE_CACHE = "caching.page_cache.PageCacheMiddleware"


def count_queries(client, url):
    client.get(url)  # warm: per-process caches (site root paths, content types) are filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts_before_and_after(grow, urls):
    """{language: (counts before, counts after `grow()`)} for urls = {language: {name: url}}.

    Without the full-page cache, which would answer with no query at all: this counts rendering.
    """
    client = Client()
    without_page_cache = [name for name in settings.MIDDLEWARE if name != PAGE_CACHE]
    cache.clear()
    try:
        with override_settings(MIDDLEWARE=without_page_cache), transaction.atomic():
            before = {
                lang: {name: count_queries(client, url) for name, url in pages.items()}
                for lang, pages in urls.items()
            }
            with translation.override("en"):
                grow()
            after = {
                lang: {name: count_queries(client, url) for name, url in pages.items()}
                for lang, pages in urls.items()
            }
            transaction.set_rollback(True)
    finally:
        cache.clear()
    return {lang: (before[lang], after[lang]) for lang in urls}
