"""What base/routing.py keeps of Wagtail's serve view, which it stands in for.

Wagtail's view routes through Page.route(), which wagtail-modeltranslation turns into a query per
URL segment that loads every sibling; base.routing looks a URL up once. These tests pin the parts
of Wagtail's behaviour the site relies on, so that a Wagtail upgrade that changes them fails here.
"""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page

from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

GROUP = {"en": "/en/technical-groups/cooperation/", "es": "/es/grupos-tecnicos/cooperacion/"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_before_serve_page_hooks_may_answer_instead_of_the_page(client, language):
    seen = []

    def answer(page, request, args, kwargs):
        seen.append(page.specific_class)
        return HttpResponse("answered by a hook", status=418)

    with hooks.register_temporarily("before_serve_page", answer):
        response = client.get(GROUP[language])
    assert response.status_code == 418 and response.content == b"answered by a hook"
    assert seen == [TechnicalGroupPage]


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_serve_page_hooks_wrap_the_page_serve(client, language):
    def wrap(serve_chain):
        def wrapped(page, request, args, kwargs):
            response = serve_chain(page, request, args, kwargs)
            response["X-Served-Title"] = page.title_en
            return response

        return wrapped

    with hooks.register_temporarily("on_serve_page", wrap):
        response = client.get(GROUP[language])
    assert response.status_code == 200 and response["X-Served-Title"] == "Cooperation Technical Group"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_page_that_is_not_live_is_not_found(client, language):
    page = TechnicalGroupPage.objects.get(slug_en="cooperation")
    Page.objects.filter(pk=page.pk).update(live=False)
    assert client.get(GROUP[language]).status_code == 404


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_kept_with_its_route_follows_each_publish_and_unpublish(client, committed, language):
    """The route keeps the page itself (no query for a page nobody changed): once a change to the
    page commits, the next request serves the change."""
    assert client.get(GROUP[language]).status_code == 200  # the page is kept with its route now
    page = TechnicalGroupPage.objects.get(slug_en="cooperation")
    with committed():
        page.title_en, page.title_es = "Cooperation and trade", "Cooperación y comercio"
        page.save_revision().publish()
    title = {"en": "Cooperation and trade", "es": "Cooperación y comercio"}[language]
    assert title in client.get(GROUP[language]).content.decode()
    with committed():
        page.unpublish()
    assert client.get(GROUP[language]).status_code == 404


@pytest.mark.parametrize("language", ["en", "es"])
def test_routing_costs_the_same_however_many_siblings_a_page_has(client, language):
    """One query for the site, one for the URL, one for the page: not one per sibling."""
    client.get(GROUP[language])  # warm: content types and the remembered route
    with CaptureQueriesContext(connection) as before:
        client.get(GROUP[language])
    index = TechnicalGroupPage.objects.get(slug_en="cooperation").get_parent()
    with translation.override("en"):
        for number in range(15):
            extra = TechnicalGroupPage(
                title=f"Extra {number}", slug=f"extra-{number}", summary="-", introduction="-"
            )
            index.add_child(instance=extra)
    client.get(GROUP[language])
    with CaptureQueriesContext(connection) as after:
        assert client.get(GROUP[language]).status_code == 200
    assert len(after) == len(before)


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/es/grupos-tecnicos/no-existe/", "/en/%ff/"])
def test_unknown_paths_are_not_found(client, path):
    assert client.get(path).status_code == 404
