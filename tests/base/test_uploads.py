"""Uploads cannot become pages of the site: formats are restricted and files are served inertly."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from documents.models import LegalDocument

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    return client


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, url, name, content, content_type):
    return client.post(
        url,
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("page.html", HTML, "text/html"),
        ("disguised.png", HTML, "image/png"),
        ("disguised.jpg", SVG, "image/jpeg"),
    ],
)
def test_only_real_raster_images_are_accepted(admin_client, name, content, content_type):
    Image = get_image_model()
    before = Image.objects.count()
    response = upload(admin_client, reverse("wagtailimages:add"), name, content, content_type)
    assert response.status_code == 200  # the form again, with an error
    assert Image.objects.count() == before


def test_a_png_image_is_accepted(admin_client):
    Image = get_image_model()
    before = Image.objects.count()
    response = upload(admin_client, reverse("wagtailimages:add"), "flag.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert Image.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", HTML, "text/html"),
        ("page.htm", HTML, "text/html"),
        ("logo.svg", SVG, "image/svg+xml"),
        ("script.js", b"alert(1)", "text/javascript"),
        ("page.xhtml", HTML, "application/xhtml+xml"),
    ],
)
def test_documents_of_other_formats_are_refused(admin_client, name, content, content_type):
    before = LegalDocument.objects.count()
    response = upload(admin_client, reverse("wagtaildocs:add"), name, content, content_type)
    assert response.status_code == 200
    assert LegalDocument.objects.count() == before


def stored_document(name, content):
    document = LegalDocument(title=name, title_en=name, language="en")
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [("agreement.pdf", "application/pdf", "inline"), ("minutes.docx", None, "attachment")],
)
def test_a_document_with_html_inside_is_served_inertly(client, name, content_type, disposition):
    """Even with HTML or SVG inside a file of an allowed format, the browser never runs it as a page."""
    document = stored_document(name, HTML + SVG)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "html" not in response["Content-Type"] and "svg" not in response["Content-Type"]
    if content_type:
        assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith(disposition)
    assert "filename=" in response["Content-Disposition"]
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe" not in csp


def test_documents_are_served_by_the_site_not_by_a_direct_media_link(client):
    document = stored_document("rules.pdf", b"%PDF-1.4 test")
    assert document.url.startswith("/documents/")
    assert client.get(document.file.url).status_code == 404  # MEDIA_URL is not a route of the site
