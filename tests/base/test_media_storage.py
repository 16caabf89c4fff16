"""Shared media: the S3 storage (moto, in process and as a real HTTP server) and the image view.

Uploads go through the real admin forms, downloads through the test client, and the bucket is
read back with boto3 to prove where the bytes are.
"""

import re
import socket
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.test import Client, override_settings
from django.urls import reverse
from moto import mock_aws
from moto.server import ThreadedMotoServer
from wagtail.images import get_image_model
from wagtail.models import Collection

from backups.archive import stored_files
from documents.models import LegalDocument
from tests.base.test_uploads import png_bytes

pytestmark = pytest.mark.django_db

REGION = "us-east-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
PDF = b"%PDF-1.4\n% shared media test \xe2\x82\xac\n" + bytes(range(256)) * 64


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint():
    """moto's S3 over real HTTP on a free loopback port."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def s3_settings(bucket, endpoint=None, **extra):
    """The settings base.py derives from the AWS_* variables, for one bucket."""
    return override_settings(
        STORAGES={**settings.STORAGES, "default": {"BACKEND": "base.media.SiteServedS3Storage"}},
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME=REGION,
        AWS_ACCESS_KEY_ID=CREDENTIALS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=CREDENTIALS["aws_secret_access_key"],
        AWS_DEFAULT_ACL=None,
        AWS_QUERYSTRING_AUTH=True,
        AWS_S3_FILE_OVERWRITE=False,
        **extra,
    )


@pytest.fixture
def bucket(moto_endpoint):
    """A new bucket on the moto server, made the default storage: (name, boto3 client)."""
    name = f"alliance-media-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, region_name=REGION, **CREDENTIALS)
    s3.create_bucket(Bucket=name)
    with s3_settings(name, moto_endpoint):
        yield name, s3


def object_bytes(s3, bucket_name, key):
    return s3.get_object(Bucket=bucket_name, Key=key)["Body"].read()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("media", "media@example.org", "a long test password")
    client.force_login(user)
    return client


def downloaded(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def document_form(name, content, title="Shared media test"):
    """What the admin's document add form posts."""
    return {
        "title": title,
        "title_en": title,
        "title_es": "Prueba de medios compartidos",
        "kind": LegalDocument.Kind.AGREEMENT,
        "language": "en",
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }


def image_form(name, content):
    """What the admin's image add form posts."""
    return {
        "title": name,
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, content, content_type="image/png"),
    }


def upload_document_in_the_admin(client, name, content):
    response = client.post(reverse("wagtaildocs:add"), document_form(name, content))
    assert response.status_code == 302, response.context["form"].errors
    return LegalDocument.objects.get(title_en="Shared media test")


def upload_image_in_the_admin(client, name, content):
    Image = get_image_model()
    response = client.post(reverse("wagtailimages:add"), image_form(name, content))
    assert response.status_code == 302, response.context["form"].errors
    return Image.objects.get(title=name)


def test_a_document_uploaded_in_the_admin_is_in_the_bucket_and_downloads_byte_for_byte(bucket, admin_client):
    bucket_name, s3 = bucket
    document = upload_document_in_the_admin(admin_client, "shared-agreement.pdf", PDF)
    assert document.file.name.startswith("documents/")
    assert object_bytes(s3, bucket_name, document.file.name) == PDF  # in the bucket, not on disk
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
    response = admin_client.get(document.url)
    assert downloaded(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert response["X-Content-Type-Options"] == "nosniff"
    # Another app server's storage (nothing in common but the bucket) reads the same file.
    with storages.create_storage(settings.STORAGES["default"]).open(document.file.name) as file:
        assert file.read() == PDF


def test_an_image_uploaded_in_the_admin_is_served_from_the_bucket_under_media_url(bucket, admin_client):
    bucket_name, s3 = bucket
    original = png_bytes()
    image = upload_image_in_the_admin(admin_client, "shared-flag.png", original)
    assert object_bytes(s3, bucket_name, image.file.name) == original
    assert image.file.url == f"{settings.MEDIA_URL}{image.file.name}"  # the site's own URL

    html = engines["django"].from_string("{% load wagtailimages_tags %}{% image photo original %}")
    src = re.search(r'src="([^"]+)"', html.render({"photo": image})).group(1)
    rendition = image.get_rendition("original")
    assert src == f"{settings.MEDIA_URL}{rendition.file.name}" and src.startswith("/media/images/")
    visitor = Client()  # signed-in responses are private; a visitor's are cacheable
    for language in ("en", "es"):
        response = visitor.get(src, HTTP_ACCEPT_LANGUAGE=language)
        assert downloaded(response) == object_bytes(s3, bucket_name, rendition.file.name)
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "default-src 'none'" in response["Content-Security-Policy"]

    response = visitor.get(image.file.url)
    assert downloaded(response) == original
    assert response["Cache-Control"] == "public, max-age=3600"
    again = visitor.get(image.file.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["Cache-Control"] == "public, max-age=3600"
    head = visitor.head(image.file.url)
    assert head.status_code == 200 and head["Content-Length"] == str(len(original))
    assert head.content == b""


def test_files_missing_from_the_bucket_are_404(bucket, client):
    assert client.get("/media/images/never-uploaded.png").status_code == 404
    assert client.head("/media/original_images/never-uploaded.png").status_code == 404


def test_backups_list_every_file_of_the_bucket(bucket):
    default_storage.save("documents/abc/report.pdf", ContentFile(PDF))
    default_storage.save("original_images/flag.png", ContentFile(png_bytes()))
    assert stored_files(default_storage) == ["documents/abc/report.pdf", "original_images/flag.png"]


def test_health_reports_the_bucket(bucket, client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}


def test_health_with_the_bucket_unreachable_is_degraded_but_serving(client):
    quick = Config(connect_timeout=0.5, read_timeout=0.5, retries={"max_attempts": 1})
    with s3_settings("alliance-media", "http://127.0.0.1:1", AWS_S3_CLIENT_CONFIG=quick):  # nothing on port 1
        response = client.get("/health/")
        page = client.get("/en/technical-groups/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "ok",
        "storage": "unavailable",
    }
    assert page.status_code == 200


@mock_aws
def test_s3_files_are_private_urls_are_the_sites_and_names_are_never_overwritten():
    s3 = boto3.client("s3", region_name=REGION, **CREDENTIALS)
    s3.create_bucket(Bucket="alliance-private")
    with s3_settings("alliance-private"):
        first = default_storage.save("documents/minutes.pdf", ContentFile(b"first"))
        second = default_storage.save("documents/minutes.pdf", ContentFile(b"second"))
        assert first == "documents/minutes.pdf" and second != first
        assert default_storage.open(first).read() == b"first"
        assert default_storage.url(first) == "/media/documents/minutes.pdf"
    grants = s3.get_object_acl(Bucket="alliance-private", Key=first)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only, no public read
    assert all("URI" not in grant["Grantee"] for grant in grants)


@pytest.fixture
def local_image():
    name = default_storage.save("original_images/local-flag.png", ContentFile(png_bytes()))
    default_storage.save("documents/secret/report.pdf", ContentFile(PDF))
    yield name
    default_storage.delete(name)


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/secret/report.pdf",  # documents only through /documents/ (privacy checks)
        "/media/original_images/../documents/secret/report.pdf",
        "/media/original_images/%2e%2e/documents/secret/report.pdf",
        "/media/images/..%2f..%2fsettings.py",
        "/media//etc/passwd",
        "/media/original_images/",
        "/media/other/local-flag.png",
        "/media/original_images/no-such-file.png",
    ],
)
def test_only_image_files_are_served_under_media_url(client, local_image, path):
    # A 404 at a folder-like path is first redirected to /en/... by LocaleMiddleware, as anywhere.
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_an_image_on_the_local_disk_is_served_with_its_type(client, local_image):
    response = client.get(f"/media/{local_image}")
    assert downloaded(response) == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["ETag"] and response["Cache-Control"] == "public, max-age=3600"
