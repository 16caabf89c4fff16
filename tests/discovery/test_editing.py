"""Editors change the search page and the document library in both languages in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from base.models import HomePage
from discovery.models import DocumentLibraryPage, SearchPage
from tests.pages import get_ok, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("model", "spanish_url"),
    [(SearchPage, "/es/buscar/"), (DocumentLibraryPage, "/es/biblioteca-de-documentos/")],
)
def test_an_editor_changes_the_spanish_introduction(admin_client, client, model, spanish_url):
    page = model.objects.get()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in ("title_en", "title_es", "slug_en", "slug_es", "intro_en", "intro_es"):
        assert field in data, field
    data["intro_es"] = "Introducción revisada."
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    assert "Introducción revisada." in text_of(get_ok(client, spanish_url))


def test_there_is_one_of_each_under_the_home_page():
    home = HomePage.objects.get()
    for model in (SearchPage, DocumentLibraryPage):
        assert model.objects.child_of(home).count() == 1
        assert not model.can_create_at(home)  # max_count 1
    assert SearchPage.objects.get().show_in_menus is False
    assert DocumentLibraryPage.objects.get().show_in_menus is True
