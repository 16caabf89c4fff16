"""Bulk actions obey the rules of their single-page views for every role: real admin posts."""

import pytest
from django.urls import reverse

from base.models import ContentPage, HomePage, MemberCountry

pytestmark = pytest.mark.django_db


def bulk_url(action, *objects, model="wagtailcore/page"):
    app_label, model_name = model.split("/")
    query = "&".join(f"id={obj.pk}" for obj in objects)
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + "?" + query


@pytest.fixture
def draft():
    home = HomePage.objects.get()
    return home.add_child(instance=ContentPage(title="Draft notice", slug="draft-notice", live=False))


@pytest.fixture
def destination():
    return ContentPage.objects.live().exclude(slug_en="draft-notice").order_by("path").first()


def state(page):
    page = ContentPage.objects.filter(pk=page.pk).first()
    return page and (page.live, page.get_parent().pk)


def post_bulk(client, action, pages, destination):
    data = {"chooser": destination.pk} if action == "move" else {}
    return client.post(bulk_url(action, *pages), data)


@pytest.mark.parametrize("action", ["delete", "move", "publish", "unpublish"])
def test_translators_are_refused_every_bulk_action_on_pages(translator_client, draft, destination, action):
    live = ContentPage.objects.live().exclude(pk=destination.pk).order_by("path").first()
    before = [state(draft), state(live)]
    response = post_bulk(translator_client, action, [draft, live], destination)
    assert response.status_code in (200, 302, 403)  # the form again, or the admin's refusal
    assert [state(draft), state(live)] == before


def test_translators_are_refused_bulk_actions_on_snippets(translator_client):
    country = MemberCountry.objects.get(code="CL")
    response = translator_client.post(bulk_url("delete", country, model="base/membercountry"))
    assert response.status_code in (302, 403)
    assert MemberCountry.objects.filter(code="CL").exists()


def test_editors_delete_their_draft_in_bulk_but_cannot_publish(editor_client, draft, destination):
    assert post_bulk(editor_client, "publish", [draft], destination).status_code == 302
    assert state(draft) == (False, draft.get_parent().pk)
    assert post_bulk(editor_client, "delete", [draft], destination).status_code == 302
    assert state(draft) is None


def test_moderators_publish_move_unpublish_and_delete_in_bulk(moderator_client, draft, destination):
    assert post_bulk(moderator_client, "publish", [draft], destination).status_code == 302
    assert state(draft) == (True, draft.get_parent().pk)
    assert post_bulk(moderator_client, "move", [draft], destination).status_code == 302
    assert state(draft) == (True, destination.pk)
    assert post_bulk(moderator_client, "unpublish", [draft], destination).status_code == 302
    assert state(draft) == (False, destination.pk)
    assert post_bulk(moderator_client, "delete", [draft], destination).status_code == 302
    assert state(draft) is None
