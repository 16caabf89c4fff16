"""Documents are served by Wagtail's serve view: PDFs open in the browser, the rest download,
always under the file's own name (as stored: Django's upload turns spaces into underscores)."""

import pytest
from django.core.files.base import ContentFile

from documents.models import LegalDocument

pytestmark = pytest.mark.django_db


def upload(name, content=b"test content"):
    document = LegalDocument(title=name, title_en=name, title_es=name)
    document.file = ContentFile(content, name=name)
    document.save()
    document.get_file_size(), document.get_file_hash()  # kept as Wagtail's upload form keeps them
    return document


def fetch(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == document.file.open("rb").read()
    return response


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_pdf_opens_in_the_browser_under_its_own_name(client, language):
    framework = LegalDocument.objects.get(
        title_en="Framework Agreement of the Pacific Alliance", language="en"
    )
    document = framework.in_language(language)
    assert document.url == f"/documents/{document.pk}/framework-agreement-{language}.pdf"
    response = fetch(client, document)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="framework-agreement-{language}.pdf"'
    assert "Content-Encoding" not in response
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("work-plan_2024.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("minutes.odt", "application/vnd.oasis.opendocument.text"),
    ],
)
def test_other_files_download_under_their_own_name(client, name, content_type):
    document = upload(name)
    response = fetch(client, document)
    assert response["Content-Type"] == content_type
    assert document.filename == name
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_a_name_with_accents_is_kept_for_every_browser(client):
    document = upload("Guía_del_viajero.docx")
    assert document.filename == "Guía_del_viajero.docx"
    response = fetch(client, document)
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Guia_del_viajero.docx\"; filename*=UTF-8''Gu%C3%ADa_del_viajero.docx"
    )


def test_a_wrong_file_name_in_the_address_is_a_404(client):
    framework = LegalDocument.objects.get(
        title_en="Framework Agreement of the Pacific Alliance", language="en"
    )
    assert client.get(f"/documents/{framework.pk}/other.pdf").status_code == 404
    assert client.get("/documents/999999/framework-agreement-en.pdf").status_code == 404


def test_a_second_file_with_the_same_name_keeps_that_name(client):
    first = upload("acuerdo.pdf", b"%PDF-1.4 first")
    second = upload("acuerdo.pdf", b"%PDF-1.4 second")
    assert first.file.name != second.file.name
    for document in (first, second):
        assert document.filename == "acuerdo.pdf"
        response = fetch(client, document)
        assert response["Content-Disposition"] == 'inline; filename="acuerdo.pdf"'
