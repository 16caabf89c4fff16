"""Editors change the open data page in both languages in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from base.models import HomePage
from opendata.models import OpenDataPage
from tests.pages import get_ok, text_of

pytestmark = pytest.mark.django_db


def test_an_editor_changes_the_english_introduction(client):
    page = OpenDataPage.objects.get()
    assert page.get_parent().specific_class is HomePage
    assert not OpenDataPage.can_create_at(HomePage.objects.get())
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    assert {"intro_en", "intro_es", "slug_en", "slug_es"} <= set(data)
    data["intro_en"] = "Revised introduction to the open data."
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302
    client.logout()
    assert "Revised introduction to the open data." in text_of(get_ok(client, "/en/open-data/"))
    assert "Revised introduction" not in text_of(get_ok(client, "/es/datos-abiertos/"))
