"""Counting the queries of page renders, before and after the content grows tenfold.

The growth is costly, so each module grows its content once for both languages: in one
transaction, rolled back at the end, like a test's own.
"""

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.signal_handlers import disable_reference_index_auto_update


def count_queries(client, url):
    client.get(url)  # warm: per-process caches (site root paths, content types) are filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts_before_and_after(grow, urls):
    """{language: (counts before, counts after `grow()`)} for urls = {language: {name: url}}."""
    client = Client()
    cache.clear()
    try:
        with transaction.atomic():
            before = {
                lang: {name: count_queries(client, url) for name, url in pages.items()}
                for lang, pages in urls.items()
            }
            # Which object uses which (the admin's "usage") is no page's business: leaving it out
            # makes the growth cheaper and the counts no different.
            with translation.override("en"), disable_reference_index_auto_update():
                grow()
            after = {
                lang: {name: count_queries(client, url) for name, url in pages.items()}
                for lang, pages in urls.items()
            }
            transaction.set_rollback(True)
    finally:
        cache.clear()
    return {lang: (before[lang], after[lang]) for lang in urls}
