"""Paths that write from an older version (a revision's revert form) follow the translator rules
against what is stored now; wagtail-modeltranslation's copy helper answers bad requests with 4xx."""

import pytest
from django.urls import reverse

from base.models import ContentPage, MemberCountry
from editorial.roles import REFUSAL
from tests.editorial.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def older_revision():
    country = MemberCountry.objects.get(code="PE")
    country.name_en = "Republic of Peru"
    revision = country.save_revision()
    country.name_en = "Peru"
    country.save()
    country.save_revision()
    return country, revision


def revert_url(country, revision):
    return reverse("wagtailsnippets_base_membercountry:revisions_revert", args=[country.pk, revision.pk])


def test_a_translators_snippet_revert_cannot_bring_back_old_english(translator_client, older_revision):
    country, revision = older_revision
    data = form_data(translator_client.get(revert_url(country, revision)), form_id="w-editor-form")
    data["name_es"] = "República del Perú"
    response = translator_client.post(revert_url(country, revision), data)
    assert str(REFUSAL) in response.content.decode()
    country.refresh_from_db()
    assert (country.name_en, country.name_es) == ("Peru", "Perú")


def test_an_editors_snippet_revert_restores_the_old_english(editor_client, older_revision):
    country, revision = older_revision
    data = form_data(editor_client.get(revert_url(country, revision)), form_id="w-editor-form")
    assert editor_client.post(revert_url(country, revision), data).status_code == 302
    country.refresh_from_db()
    assert country.name_en == "Republic of Peru"


def test_a_translators_edit_from_a_stale_form_is_refused(translator_client):
    page = ContentPage.objects.live().order_by("path").first()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(translator_client.get(url))
    data["title_es"] = "Título revisado"
    page.title_en = "Changed meanwhile"
    page.save_revision()
    response = translator_client.post(url, data)
    assert response.status_code == 302  # the form follows the stored draft: the new English stays
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert (latest.title_en, latest.title_es) == ("Changed meanwhile", "Título revisado")


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_copy_translation_helper_answers_bad_requests_with_4xx(editor_client, method):
    page = ContentPage.objects.order_by("path").first()
    url = f"/admin/pages/{page.pk}/edit/copy_translation_content/"
    response = getattr(editor_client, method)(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == (405 if method == "get" else 400)
