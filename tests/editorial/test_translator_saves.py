"""A translator's post, shaped exactly as a browser sends the edit form, saves on every page type."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page, get_page_models

from tests.editorial.admin_forms import form_data

pytestmark = pytest.mark.django_db

PAGE_TYPES = [model._meta.label for model in get_page_models() if model is not Page]


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_a_translators_browser_post_saves(translator_client, label):
    page = apps.get_model(label).objects.order_by("path").first()
    assert page is not None, f"the site's content has no {label}"
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(translator_client.get(url))
    data["title_es"] = f"{page.title_es or page.title_en} (revisado)"
    response = translator_client.post(url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.title_es.endswith("(revisado)")
    assert (latest.title_en, latest.slug_en, latest.show_in_menus) == (
        page.title_en,
        page.slug_en,
        page.show_in_menus,
    )
