"""Every page and document a page links to produced a key that a change to it purges.

One page of every page type is rendered in both languages through the real middleware. For each
live page and each document it links to, the keys a change to that object would purge
(changes.keys_of) must meet the page's `xkey` header: otherwise an edit to the linked object (its
title, its address) would leave this page stale in Varnish.
"""

import html

import pytest
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page

from caching import changes, dependencies

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es")


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.live().exclude(depth=1).specific():
        pages.setdefault(type(page), page)
    return list(pages.values())


def linked_objects(language):
    """(object, its address) for every live page and every document: a link to it shows it (its
    title, its address), so a change to it must reach every page that links to it."""
    with translation.override(language):
        pages = [(page, page.url) for page in Page.objects.live().exclude(depth=1).specific()]
    return pages + [(document, document.url) for document in get_document_model().objects.all()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_object_shown_on_a_page_type_is_among_its_keys(client, language):
    objects, pages = linked_objects(language), one_page_of_each_type()
    missing, shared, links = [], 0, 0
    for page in pages:
        with translation.override(language):
            url = page.url
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        if response.get("X-Shared") != "yes":
            continue  # kept by no cache (the contact page's form): nothing to purge
        shared += 1
        tokens = set(response["xkey"].split())
        text = response.content.decode()
        for instance, address in objects:
            if f'href="{html.escape(address)}"' not in text:
                continue
            links += 1
            if not tokens & {dependencies.hashed(k) for k in changes.keys_of(instance)}:
                missing.append(f"{url} links to {type(instance).__name__} {instance.pk} ({address})")
    assert shared >= len(pages) - 1
    assert links > 10 * len(pages)  # the menus alone link to every section
    assert missing == [], "\n".join(missing)
