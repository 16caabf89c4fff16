"""Editors work on events through the real Wagtail admin form."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    return client


def edit(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, querydict_from_html(response.content.decode(), form_id="page-edit-form")


@pytest.mark.parametrize("model", [EventIndexPage, EventPage], ids=lambda m: m.__name__)
def test_edit_forms_have_both_languages(admin_client, model):
    _url, data = edit(admin_client, model.objects.first())
    for field in (
        "title_en",
        "title_es",
        "slug_en",
        "slug_es",
        "intro_es" if model is EventIndexPage else "date_note_es",
    ):
        assert field in data, field


def test_an_end_before_the_start_is_refused_in_the_admin(admin_client):
    event = EventPage.objects.get(slug_en="vii-summit-cali")
    url, data = edit(admin_client, event)
    data["end_date"] = "2013-05-01"
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.content.decode()
    event.refresh_from_db()
    assert event.end_date is None


def test_an_editor_publishes_an_end_date_and_the_page_shows_it(admin_client, client):
    event = EventPage.objects.get(slug_en="vii-summit-cali")
    url, data = edit(admin_client, event)
    data["end_date"] = "2013-05-24"
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.end_date.isoformat() == "2013-05-24"
    html = client.get("/es/eventos/vii-cumbre-cali/").content.decode()
    assert (
        '<time datetime="2013-05-23">23</time>–<time datetime="2013-05-24">24 de mayo de 2013</time>' in html
    )
