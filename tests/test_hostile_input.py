"""Thousands of generated hostile requests: never a server error, always the right answer.

A seeded generator builds raw requests the way a WSGI server would hand them to the site (the
path percent-decoded into PATH_INFO, the query string and headers as sent) and runs them through
Django's full request handling, middleware included: odd and very long paths, path traversal,
broken percent-encoding, unknown language prefixes, huge and malformed query strings, filter values
of the wrong type, malformed Accept-Language, User-Agent, Cookie and Host headers, and methods other
than GET and HEAD. Every answer must be one the category allows (a normal page, a redirect or the
right 4xx), never a 500; afterwards the site still serves its pages normally.
"""

import collections
import logging
import time
import traceback

import pytest
from django.core.signals import got_request_exception
from django.test.client import ClientHandler
from django.utils import translation
from wagtail.models import Page

from documents.models import LegalDocument
from tests.hostile_requests import CATEGORIES, Generator, environ

pytestmark = pytest.mark.django_db

SEED = 20_240_611
REQUESTS = 5_000

SECRETS = ("SECRET_KEY", "root:x:0:0", "DATABASES", "Traceback")


def public_pages():
    urls = []
    for page in Page.objects.live().exclude(depth=1):
        for language in ("en", "es"):
            with translation.override(language):
                urls.append(page.get_url())
    return urls


def test_hostile_requests_never_break_the_site(client):
    pages = public_pages()
    documents = [document.url for document in LegalDocument.objects.all()[:5]]
    handler = ClientHandler(enforce_csrf_checks=True)
    errors = []

    def record(sender, request=None, **kwargs):
        errors.append(traceback.format_exc())

    got_request_exception.connect(record)
    request_log = logging.getLogger("django.request")
    level, request_log.level = request_log.level, logging.ERROR  # 4xx answers are expected here
    statuses = collections.Counter()
    wrong = []
    started = time.monotonic()
    try:
        for category, method, path, query, headers in Generator(SEED, pages, documents).requests(REQUESTS):
            response = handler(environ(method, path, query, headers))
            statuses[response.status_code] += 1
            content = b"".join(response.streaming_content) if response.streaming else response.content
            body = content[:200_000].decode("utf-8", "replace")
            allowed = CATEGORIES[category][1]
            if response.status_code not in allowed or any(secret in body for secret in SECRETS):
                wrong.append(
                    (category, method, path[:120], query[:80], repr(headers)[:120], response.status_code)
                )
    finally:
        got_request_exception.disconnect(record)
        request_log.setLevel(level)
    elapsed = time.monotonic() - started
    sent = sum(statuses.values())
    print(f"\n{sent} hostile requests in {elapsed:.1f} s: {dict(sorted(statuses.items()))}")

    assert sent >= 5_000
    assert statuses[500] == 0, errors[:3]
    assert not errors, errors[:3]
    assert wrong == [], wrong[:20]
    # Every category was exercised.
    assert all(statuses[code] for code in (200, 301, 302, 400, 404, 405))

    # The site still serves normally afterwards.
    for url in ["/en/", "/es/", "/en/technical-groups/cooperation/", "/es/estados-observadores/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<main" in response.content
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/es/"
