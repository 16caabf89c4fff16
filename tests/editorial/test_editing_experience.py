"""Uploads, scheduled publishing, bilingual previews, admin search and page placement."""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from base.pages import BasePage
from cooperation.models import CooperationProjectPage
from documents.models import LegalDocument
from tests.editorial.admin_forms import form_data
from tests.pages import get_ok, text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db
UPLOAD = "/admin/documents/add/"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def upload(client, name, content):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content),
        "collection": 1,
        "kind": "study",
        "language": "en",
    }
    return client.post(UPLOAD, data)


def test_editor_uploads_a_pdf(editor_client):
    before = LegalDocument.objects.count()
    response = upload(editor_client, "minutes.pdf", PDF)
    assert response.status_code == 302
    assert LegalDocument.objects.count() == before + 1


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "setup.exe", "script.js", "archive.zip"])
def test_disallowed_document_types_are_refused_with_a_form_error(editor_client, name):
    before = LegalDocument.objects.count()
    response = upload(editor_client, name, b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert (
        "Not a supported document format" in response.content.decode()
        or "not allowed" in response.content.decode()
    )
    assert LegalDocument.objects.count() == before


@override_settings(MAX_DOCUMENT_SIZE=1024)
def test_oversized_documents_are_refused_with_a_form_error(editor_client):
    before = LegalDocument.objects.count()
    response = upload(editor_client, "big.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "documents can be at most 1.0\xa0KB" in response.content.decode()
    assert LegalDocument.objects.count() == before


def test_scheduled_publishing_publishes_at_the_set_time(moderator_client, client, committed):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(moderator_client.get(url))
    data["summary_en"] = "Scheduled summary."
    data["go_live_at"] = (timezone.localtime() + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    assert moderator_client.post(url, data).status_code == 302
    assert Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled")
    assert "Scheduled summary." not in text_of(get_ok(client, "/en/technical-groups/tourism/"))

    # Two hours later, the operators' scheduled job runs.
    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later), committed():
        call_command("publish_scheduled")
    assert "Scheduled summary." in text_of(get_ok(client, "/en/technical-groups/tourism/"))


@pytest.mark.parametrize(("mode", "expected"), [("en", "Tourism Group"), ("es", "Grupo de Turismo")])
def test_preview_shows_the_page_in_either_language(moderator_client, mode, expected):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    assert expected in (page.title_en, page.title_es)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = form_data(moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    data["summary_es"] = "Vista previa antes de publicar."
    assert moderator_client.post(url, data).json()["is_valid"]
    html = moderator_client.get(url, {"mode": mode}).content.decode()
    assert f'<html lang="{mode}"' in html
    assert f"<h1>{expected}" in html
    if mode == "es":
        assert "Vista previa antes de publicar." in html
    page.refresh_from_db()
    assert page.summary_es != "Vista previa antes de publicar."


@pytest.mark.parametrize("query", ["Grupo de Turismo", "Tourism Group", "Diplomacia Deportiva"])
def test_admin_search_finds_pages_by_english_or_spanish_title(editor_client, query):
    html = editor_client.get("/admin/pages/search/", {"q": query}).content.decode()
    targets = [*TechnicalGroupPage.objects.all(), *CooperationProjectPage.objects.all()]
    wanted = next(p for p in targets if query in (p.title_en, p.title_es))
    assert reverse("wagtailadmin_pages:edit", args=[wanted.pk]) in html


def test_malformed_copy_post_is_a_bad_request(editor_client):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    assert editor_client.post(reverse("wagtailadmin_pages:copy", args=[page.pk])).status_code == 400


def test_every_page_field_has_help_text():
    page_models = list(BasePage.__subclasses__())
    for model in page_models:
        for field in model._meta.get_fields(include_parents=False):
            if (
                getattr(field, "concrete", False)
                and not field.primary_key
                and not field.name.endswith(("_en", "_es"))
            ):
                if field.name.endswith("_ptr"):
                    continue
                assert field.help_text, f"{model.__name__}.{field.name}"


def test_local_superuser_only_when_asked(monkeypatch):
    from django.contrib.auth import get_user_model

    call_command("create_local_superuser")
    assert not get_user_model().objects.filter(is_superuser=True).exists()
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long local password")
    with override_settings(DEBUG=True):
        call_command("create_local_superuser")
        call_command("create_local_superuser")
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    with override_settings(DEBUG=False), pytest.raises(Exception, match="Refusing"):
        monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "other")
        call_command("create_local_superuser")
    assert not get_user_model().objects.filter(username="other").exists()
