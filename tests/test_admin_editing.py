"""Editors work on every page type and snippet through the real Wagtail admin forms."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from base.models import ContentPage, HomePage, MemberCountry
from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage, ResponsibleEntity
from observers.models import ObserverState, ObserverStatesPage
from tests.pages import get_ok, text_of
from workgroups.models import Coordinator, TechnicalGroupIndexPage, TechnicalGroupPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    ContentPage,
    TechnicalGroupIndexPage,
    TechnicalGroupPage,
    CooperationProjectIndexPage,
    CooperationProjectPage,
    ObserverStatesPage,
]
SNIPPETS = [MemberCountry, Coordinator, ResponsibleEntity, ObserverState]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    return client


def edit_form(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_every_page_type_has_an_edit_form_with_both_languages(admin_client, model):
    page = model.objects.first()
    data = edit_form(admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    for field in ("title_en", "title_es", "slug_en", "slug_es"):
        assert field in data, field


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda m: m.__name__)
def test_every_snippet_has_an_edit_form(admin_client, model):
    obj = model.objects.first()
    url = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit", args=[obj.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"_es" in response.content


def test_editor_publishes_a_spanish_change_seen_on_the_public_page(admin_client, client):
    group = TechnicalGroupPage.objects.get(slug_en="gender")
    url = reverse("wagtailadmin_pages:edit", args=[group.pk])
    data = edit_form(admin_client, url)
    data["summary_es"] = "Resumen revisado por la traductora."
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    group.refresh_from_db()
    assert group.summary_es == "Resumen revisado por la traductora."
    assert group.summary_en != group.summary_es
    with_spanish = text_of(get_ok(client, "/es/grupos-tecnicos/genero/"))
    assert "Resumen revisado por la traductora." in with_spanish
    assert "Resumen revisado por la traductora." not in text_of(
        get_ok(client, "/en/technical-groups/gender/")
    )


def test_page_types_only_go_where_they_belong():
    assert TechnicalGroupPage.can_exist_under(TechnicalGroupIndexPage.objects.get())
    assert not TechnicalGroupPage.can_exist_under(HomePage.objects.get())
    assert not CooperationProjectPage.can_exist_under(TechnicalGroupIndexPage.objects.get())
    assert not TechnicalGroupIndexPage.can_create_at(HomePage.objects.get())  # max_count 1
    assert not HomePage.can_create_at(Page.get_first_root_node())
