"""Translators download and upload agency files in the admin, under the same rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Revision

from base.models import ContentPage

from .agency_files import set_po_target, set_xliff_target


@pytest.fixture
def page(db):
    return ContentPage.objects.live().exclude(intro_en="").order_by("path").first()


def download(client, file_format):
    response = client.get(reverse("translation_files"), {"format": file_format})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def upload(client, name, data):
    return client.post(reverse("translation_files"), {"file": SimpleUploadedFile(name, data)})


def test_page_explains_itself_to_translators(translator_client):
    response = translator_client.get(reverse("translation_files"))
    assert response.status_code == 200
    assert "Send the site" in response.content.decode()
    assert "translation-files" in translator_client.get(reverse("wagtailadmin_home")).content.decode()


def test_others_may_not(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "a long test password")
    client.force_login(user)
    assert client.get(reverse("translation_files")).status_code in (302, 403)


def test_translator_uploads_an_agency_xliff(translator_client, translator, page):
    data = set_xliff_target(
        download(translator_client, "xliff"), f"page:{page.pk}:intro", "Intro de agencia."
    )
    response = upload(translator_client, "agency.xlf", data)
    assert response.status_code == 302
    latest = ContentPage.objects.get(pk=page.pk).get_latest_revision()
    assert latest.user == translator and latest.as_object().intro_es == "Intro de agencia."
    assert latest.as_object().intro_en == page.intro_en


def test_translator_uploads_a_po_file(translator_client, page):
    data = download(translator_client, "po")
    assert f'msgctxt "page:{page.pk}:intro"'.encode() in data
    response = upload(
        translator_client, "agency.po", set_po_target(data, f"page:{page.pk}:title", "Título nuevo")
    )
    assert response.status_code == 302
    assert ContentPage.objects.get(pk=page.pk).get_latest_revision_as_object().title_es == "Título nuevo"


def test_a_refused_upload_lists_why_and_writes_nothing(translator_client, page):
    data = download(translator_client, "xliff")
    data = set_xliff_target(data, f"page:{page.pk}:intro", "Bien.")
    data = set_xliff_target(data, f"page:{page.pk}:title", "<i>Mal</i>")
    revisions = Revision.objects.count()
    response = upload(translator_client, "agency.xlf", data)
    assert response.status_code == 400
    assert (
        f"agency.xlf: page:{page.pk}:title: markup this field does not allow: &lt;i&gt;"
        in response.content.decode()
    )
    assert Revision.objects.count() == revisions
