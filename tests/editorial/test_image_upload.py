"""A damaged image upload is a form error, not a server error, and nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


def truncated_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200), "blue").save(buffer, "PNG")
    return buffer.getvalue()[:120]


def test_a_truncated_png_is_a_form_error(editor_client):
    Image = get_image_model()
    before = Image.objects.count()
    upload = SimpleUploadedFile("flag.png", truncated_png(), content_type="image/png")
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Flag", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Image.objects.count() == before
