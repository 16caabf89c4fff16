"""Request bodies: refused before a byte is read where no page takes one, and bounded everywhere."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory


class UnreadableBody(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the body was read")


def answer(method, path, length):
    environ = RequestFactory().generic(method, path).environ
    environ.update({"CONTENT_LENGTH": str(length), "CONTENT_TYPE": "multipart/form-data; boundary=x"})
    environ["wsgi.input"] = UnreadableBody()
    statuses = []
    WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    return int(statuses[0].split()[0])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/es/grupos-tecnicos/", "/en/search/", "/"])
def test_an_anonymous_post_to_a_public_page_is_refused_unread(path):
    assert answer("POST", path, 5 * 1024 * 1024) == 405
    assert answer("POST", path, 300 * 1024 * 1024) == 413


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/documents/add/", "/admin/login/"])
def test_a_body_larger_than_any_upload_is_refused_unread(path, settings):
    too_large = settings.MAX_DOCUMENT_SIZE + 2 * 1024 * 1024
    assert answer("POST", path, too_large) == 413
