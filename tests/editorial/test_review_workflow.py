"""Editors submit, moderators publish, translators write Spanish and go to review: real admin posts."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from tests.editorial.admin_forms import form_data
from tests.pages import get_ok, text_of
from workgroups.models import TechnicalGroupIndexPage, TechnicalGroupPage

pytestmark = pytest.mark.django_db


def add_group_url():
    index = TechnicalGroupIndexPage.objects.get()
    return reverse("wagtailadmin_pages:add", args=["workgroups", "technicalgrouppage", index.pk])


def new_group_data(client):
    data = form_data(client.get(add_group_url()))
    data.update(
        {
            "title_en": "Digital Agenda",
            "title_es": "Agenda Digital",
            "slug_en": "digital-agenda",
            "slug_es": "agenda-digital",
            "summary_en": "Works on digital trade and connectivity.",
            "summary_es": "Trabaja en comercio digital y conectividad.",
            "introduction_en": rich_text("<p>Created to work on the digital economy.</p>"),
            "introduction_es": rich_text("<p>Creado para trabajar en la economía digital.</p>"),
        }
    )
    return data


def approve(client, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_editor_cannot_publish_but_submits_and_moderators_are_notified(editor_client, moderator):
    data = new_group_data(editor_client)
    data["action-publish"] = "action-publish"
    editor_client.post(add_group_url(), data)
    page = TechnicalGroupPage.objects.get(slug_en="digital-agenda")
    assert not page.live  # an editor's "publish" is not theirs to make

    data = form_data(editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    data["action-submit"] = "action-submit"
    mail.outbox.clear()
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    assert any(moderator.email in message.to for message in mail.outbox)


def test_editor_submits_new_page_and_moderator_publishes_it(editor_client, moderator_client, client):
    data = new_group_data(editor_client)
    data["action-submit"] = "action-submit"
    response = editor_client.post(add_group_url(), data)
    assert response.status_code == 302
    page = TechnicalGroupPage.objects.get(slug_en="digital-agenda")
    assert not page.live and page.workflow_in_progress
    assert client.get("/en/technical-groups/digital-agenda/").status_code == 404

    response = approve(moderator_client, page)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert "Digital Agenda" in text_of(get_ok(client, "/en/technical-groups/digital-agenda/"))
    assert "Agenda Digital" in text_of(get_ok(client, "/es/grupos-tecnicos/agenda-digital/"))


def test_translator_spanish_change_waits_for_review(translator_client, moderator_client, client, committed):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    published_summary = page.summary_es
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(translator_client.get(url))
    data["summary_es"] = "Resumen nuevo escrito por la traductora."
    data["action-submit"] = "action-submit"
    response = translator_client.post(url, data)
    assert response.status_code == 302, text_of(response.content.decode())[:500]

    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.summary_es == published_summary
    assert published_summary in text_of(get_ok(client, "/es/grupos-tecnicos/turismo/"))

    with committed():
        approve(moderator_client, page)
    page.refresh_from_db()
    assert page.summary_es == "Resumen nuevo escrito por la traductora."
    assert "Resumen nuevo escrito por la traductora." in text_of(
        get_ok(client, "/es/grupos-tecnicos/turismo/")
    )


def test_history_shows_who_changed_what_and_revisions_compare(
    translator_client, moderator_client, translator
):
    page = TechnicalGroupPage.objects.get(slug_en="mining-development")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(translator_client.get(url))
    data["summary_es"] = "Resumen corregido."
    data["action-submit"] = "action-submit"
    translator_client.post(url, data)
    revision = page.revisions.order_by("-created_at").first()
    assert revision.user == translator

    history = moderator_client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert "translator" in history.content.decode()
    previous = page.revisions.order_by("-created_at")[1]
    compare = moderator_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, previous.pk, revision.pk])
    )
    assert compare.status_code == 200
    assert "Resumen corregido." in compare.content.decode()


def test_editor_and_translator_cannot_unpublish(editor_client, translator_client):
    page = TechnicalGroupPage.objects.get(slug_en="gender")
    for client in (editor_client, translator_client):
        client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        page.refresh_from_db()
        assert page.live


def test_moderator_can_unpublish(moderator_client):
    page = TechnicalGroupPage.objects.get(slug_en="gender")
    moderator_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    assert not page.live


def test_every_page_is_under_the_review_workflow():
    for page in Page.objects.filter(depth__gt=1):
        workflow = page.specific.get_workflow()
        assert workflow is not None and workflow.name == "Secretariat review"
