"""Translators change the Spanish text only: the server refuses anything else, whatever is posted."""

import pytest
from django.urls import reverse

from base.models import MemberCountry
from editorial.roles import REFUSAL
from tests.editorial.admin_forms import form_data
from workgroups.models import TechnicalGroupIndexPage, TechnicalGroupPage

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snapshot(page):
    page.refresh_from_db()
    return (
        page.title_en,
        page.slug_en,
        page.slug_es,
        page.summary_en,
        page.revisions.count(),
        page.url_path_es,
    )


def test_english_fields_are_read_only_beside_the_spanish_ones(translator_client):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    html = translator_client.get(edit_url(page)).content.decode()
    assert 'name="summary_en"' in html and 'name="summary_es"' in html
    data = form_data(translator_client.get(edit_url(page)))
    assert "summary_es" in data and "summary_en" not in data  # English is shown disabled
    assert "slug_es" not in data and "slug_en" not in data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("summary_en", "Forged English summary."),
        ("title_en", "Forged title"),
        ("slug_en", "forged-slug"),
        ("slug_es", "slug-falso"),
        ("show_in_menus", "on"),
        ("facts-0-label_en", "Forged label"),
    ],
)
def test_forged_post_outside_spanish_text_is_refused(translator_client, field, value):
    page = TechnicalGroupPage.objects.get(slug_en="cooperation")
    before = snapshot(page)
    data = form_data(translator_client.get(edit_url(page)))
    data["summary_es"] = "Un cambio legítimo en español."
    data[field] = value
    data["action-submit"] = "action-submit"
    response = translator_client.post(edit_url(page), data)
    assert response.status_code == 200
    assert str(REFUSAL) in response.content.decode()
    assert snapshot(page) == before
    assert not page.workflow_in_progress


def test_forged_post_adding_an_inline_row_is_refused(translator_client):
    page = TechnicalGroupPage.objects.get(slug_en="cooperation")
    facts = page.facts.count()
    data = form_data(translator_client.get(edit_url(page)))
    total = int(data["facts-TOTAL_FORMS"])
    data["facts-TOTAL_FORMS"] = str(total + 1)
    data.update(
        {f"facts-{total}-label_es": "Nuevo", f"facts-{total}-value_es": "Dato", f"facts-{total}-ORDER": ""}
    )
    data["action-submit"] = "action-submit"
    response = translator_client.post(edit_url(page), data)
    assert str(REFUSAL) in response.content.decode()
    assert page.facts.count() == facts


@pytest.mark.parametrize("action", ["delete", "move", "copy"])
def test_translators_cannot_change_the_tree(translator_client, action):
    page = TechnicalGroupPage.objects.get(slug_en="gender")
    response = translator_client.post(reverse(f"wagtailadmin_pages:{action}", args=[page.pk]))
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert TechnicalGroupPage.objects.filter(slug_en="gender").count() == 1
    assert page.get_parent().specific_class is TechnicalGroupIndexPage
    assert page.live


def test_translators_cannot_create_pages(translator_client):
    index = TechnicalGroupIndexPage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["workgroups", "technicalgrouppage", index.pk])
    assert translator_client.get(url).status_code in (302, 403)


def test_translator_edits_only_the_spanish_side_of_a_snippet(translator_client):
    country = MemberCountry.objects.get(code="PE")
    url = reverse("wagtailsnippets_base_membercountry:edit", args=[country.pk])
    data = form_data(translator_client.get(url), form_id="w-editor-form")
    assert "code" not in data and "name_en" not in data
    data["name_es"] = "República del Perú"
    assert translator_client.post(url, data).status_code == 302
    country.refresh_from_db()
    assert country.name_es == "República del Perú"
    assert country.name_en == "Peru"

    data["code"] = "XX"
    response = translator_client.post(url, data)
    assert str(REFUSAL) in response.content.decode()
    country.refresh_from_db()
    assert country.code == "PE"


def test_translators_have_no_documents_images_or_settings(translator_client):
    for url in ("/admin/documents/", "/admin/images/", "/admin/sites/", "/admin/users/"):
        assert translator_client.get(url).status_code in (302, 403), url
