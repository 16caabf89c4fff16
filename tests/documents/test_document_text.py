"""The words inside a document uploaded in the admin are found by the site search, in the
document's language, for every format the library takes: PDF, Office Open XML, OpenDocument and
the older binary Office formats (which LibreOffice converts first).

The files in files/ were written by LibreOffice; each says "Lighthouse keepers logbook." and
"Bitácora de los fareros." (words found nowhere else on the site). The .ppt is gzipped:
LibreOffice pads that format to almost half a megabyte.
"""

import gzip
import os
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection

from documents import text
from documents.models import LegalDocument
from tests.discovery.search import search

pytestmark = pytest.mark.django_db

FILES = Path(__file__).with_name("files")
FORMATS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "doc", "xls", "ppt"]
WORDS = {"en": "lighthouse keepers", "es": "fareros bitacora"}  # accents and case ignored


def formats(extensions):
    """The extensions as test parameters, those that LibreOffice converts first marked `office`."""
    return [
        pytest.param(ext, marks=pytest.mark.office) if ext in text.CONVERTED else ext for ext in extensions
    ]


def file_bytes(extension):
    path = FILES / f"logbook.{extension}"
    return path.read_bytes() if path.exists() else gzip.decompress(path.with_suffix(".ppt.gz").read_bytes())


@pytest.fixture
def office_installed():
    if not shutil.which(text.OFFICE):
        message = "the older Office formats need LibreOffice (make document-deps installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("librarian", "librarian@example.org", "a long password")
    client.force_login(user)
    return client


def upload(client, name, content, language="en"):
    """The document as saved by the admin's upload form (the client then reads as a visitor)."""
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "title_en": name,
            "title_es": name,
            "kind": LegalDocument.Kind.AGREEMENT,
            "language": language,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    return LegalDocument.objects.get(title_en=name)


def upload_logbook(client, extension, language):
    return upload(client, f"logbook.{extension}", file_bytes(extension), language)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("extension", formats(FORMATS))
def test_the_words_inside_an_uploaded_document_find_it(request, editor, committed, extension, language):
    if extension in text.CONVERTED:
        request.getfixturevalue("office_installed")
    with committed():
        document = upload_logbook(editor, extension, language)
    # Every word, none run into the next cell's, paragraph's or slide's.
    assert {"Lighthouse", "keepers", "logbook", "Bitácora", "fareros"} <= set(
        re.findall(r"\w+", document.text)
    )
    _count, results = search(editor, language, WORDS[language], kind="document")
    assert [result["url"] for result in results] == [document.url]
    assert "<mark>" in results[0]["excerpt"]
    other = "es" if language == "en" else "en"
    assert search(editor, other, WORDS[other], kind="document")[1] == []  # in its own language only


@pytest.mark.office
@pytest.mark.parametrize("extension", ["pdf", "docx", "odt", "doc", "xls", "ppt"])
def test_a_damaged_document_is_kept_without_text(editor, office_installed, extension):
    document = upload(editor, f"damaged.{extension}", b"PK\x03\x04 not really a document")
    assert document.file.read() == b"PK\x03\x04 not really a document"
    assert document.text == ""


@pytest.mark.office
def test_a_conversion_that_hangs_is_stopped_and_the_document_kept(editor, office_installed, monkeypatch):
    monkeypatch.setattr(text, "CONVERSION_SECONDS", 0.01)
    document = upload(editor, "slow.doc", file_bytes("doc"))
    assert document.file.size == len(file_bytes("doc"))
    assert document.text == ""


@pytest.mark.office
def test_without_libreoffice_the_document_waits_to_be_read_and_production_is_warned(
    editor, office_installed, committed, monkeypatch
):
    with monkeypatch.context() as without_office:
        without_office.setattr(text, "OFFICE", "no-such-office-suite")
        assert "documents.W001" in {message.id for message in run_checks(include_deployment_checks=True)}
        with committed():
            document = upload_logbook(editor, "xls", "es")
        assert (document.text, document.text_hash) == ("", "")
        assert search(editor, "es", WORDS["es"], kind="document")[1] == []
    assert "documents.W001" not in {message.id for message in run_checks(include_deployment_checks=True)}
    with committed():
        call_command("rebuild_search_index", verbosity=0)
    document.refresh_from_db()
    assert document.text_hash == document.file_hash
    assert [result["url"] for result in search(editor, "es", WORDS["es"], kind="document")[1]] == [
        document.url
    ]
