"""The file storage down: uploads give the form back, downloads a clean 503, the log two lines.

The storage is the real S3 storage pointed at a port where nothing listens; uploads go through the
admin's own forms (single and multiple), downloads through the site's own views.
"""

import logging
import logging.config

import pytest
from botocore.config import Config
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import UploadedFile
from wagtail.users.models import UserProfile

from documents.models import LegalDocument
from security import storage_outage
from tests.base.test_media_storage import PDF, document_form, image_form, s3_settings
from tests.base.test_uploads import png_bytes
from tests.security.test_health_and_outages import assert_clean_503

pytestmark = pytest.mark.django_db

MESSAGES = {
    "en": "The file storage is unavailable, so nothing was saved.",
    "es": "El almacenamiento de archivos no está disponible, así que no se guardó nada.",
}
GROUPS = {"en": "/en/technical-groups/", "es": "/es/grupos-tecnicos/"}
QUICK = Config(connect_timeout=0.5, read_timeout=0.5, retries={"max_attempts": 1})


@pytest.fixture
def storage_down():
    with s3_settings("alliance-media", "http://127.0.0.1:1", AWS_S3_CLIENT_CONFIG=QUICK):  # nothing on port 1
        yield
    storage_outage.state.down = False


@pytest.fixture
def outage_log(caplog, settings):
    """The outage's log lines; afterwards, no server error was logged, so none was mailed."""
    settings.ADMINS = [("Ops", "ops@example.org")]
    logging.config.dictConfig(settings.LOGGING)  # the mail handler reads ADMINS when it sends
    caplog.set_level(logging.WARNING)

    def lines(text):
        return [r for r in caplog.records if r.name == "security.storage_outage" and text in r.getMessage()]

    yield lines
    errors = [r for r in caplog.records if r.name == "django.request" and r.levelno >= logging.ERROR]
    assert errors == []  # what mails the admins
    assert mail.outbox == []


def editor(client, language):
    user = get_user_model().objects.create_superuser(
        f"editor-{language}", "e@example.org", "a long test password"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def document_fields(name):
    return document_form(name, PDF, title="Outage test")


def image_fields(name):
    return image_form(name, png_bytes())


def counts():
    return LegalDocument.objects.count(), get_image_model().objects.count(), UploadedFile.objects.count()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    ("url_name", "fields"), [("wagtailimages:add", image_fields), ("wagtaildocs:add", document_fields)]
)
def test_an_upload_gives_the_form_back_with_a_message_and_saves_nothing(
    client, storage_down, outage_log, language, url_name, fields
):
    client = editor(client, language)
    before = counts()
    url = reverse(url_name)
    response = client.post(url, fields("outage.png" if "images" in url_name else "outage.pdf"))
    assert response.status_code == 302 and response["Location"] == url
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert MESSAGES[language] in html
    assert 'type="file"' in html  # the upload form again
    assert counts() == before
    again = client.post(url, fields("outage-again.png" if "images" in url_name else "outage-again.pdf"))
    assert again.status_code == 302
    assert len(outage_log("File storage unavailable")) == 1  # once per outage, not per request


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("url_name", ["wagtaildocs:add_multiple", "wagtailimages:add_multiple"])
def test_a_multiple_upload_answers_the_scripts_error_and_saves_nothing(
    client, storage_down, outage_log, language, url_name
):
    client = editor(client, language)
    before = counts()
    name = "many.png" if "images" in url_name else "many.pdf"
    content, content_type = (png_bytes(), "image/png") if "images" in url_name else (PDF, "application/pdf")
    # A request of its own, as in production: a failed save outside the view's own atomic block
    # marks the enclosing transaction (here the test's) for rollback, which ends with the request.
    with transaction.atomic():
        response = client.post(
            reverse(url_name),
            {"title": "many", "files[]": SimpleUploadedFile(name, content, content_type=content_type)},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert response.status_code == 200  # the upload script shows the message only on a 2xx answer
    data = response.json()
    assert data["success"] is False and data["error_message"].startswith(MESSAGES[language])
    assert counts() == before
    assert len(outage_log("File storage unavailable")) == 1


@pytest.fixture
def document():
    return LegalDocument.objects.exclude(file="").first()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_visitors_download_is_a_clean_503_and_recovery_is_logged_once(
    document, outage_log, language, monkeypatch
):
    visitor = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    image = get_image_model().objects.create(
        title="served", file=SimpleUploadedFile("served.png", png_bytes(), content_type="image/png")
    )
    assert visitor.get(document.url).status_code == 200
    with s3_settings("alliance-media", "http://127.0.0.1:1", AWS_S3_CLIENT_CONFIG=QUICK):
        for _attempt in range(3):
            assert_clean_503(visitor.get(document.url))
            assert_clean_503(visitor.get(image.file.url))
        assert visitor.get(GROUPS[language]).status_code == 200  # pages need no files
    assert len(outage_log("File storage unavailable")) == 1
    monkeypatch.setattr(storage_outage, "PROBE_SECONDS", 0)
    storage_outage.state.next_probe = 0
    response = visitor.get(document.url)  # the storage is back: the first request notices
    assert response.status_code == 200 and b"".join(response.streaming_content)
    visitor.get(document.url)
    assert len(outage_log("File storage reachable again")) == 1
    assert storage_outage.state.down is False
