"""The health endpoint, and a database outage answered with a clean 503 page."""

import json

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from wagtail.contrib.redirects import middleware as redirect_middleware
from wagtail.models import Site

from security import health

pytestmark = pytest.mark.django_db

BROKEN_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


def database_down(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


class FailingConnection:
    def cursor(self):
        database_down()


def test_health_reports_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_health_with_the_cache_down_is_degraded_but_serving():
    with override_settings(CACHES=BROKEN_REDIS):
        response = Client().get("/health/")
        page = Client().get("/en/technical-groups/")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "cache": "unavailable",
        "storage": "ok",
    }
    assert page.status_code == 200


def test_health_with_the_database_down_is_503(client, monkeypatch):
    monkeypatch.setattr(health, "connection", FailingConnection())
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "unavailable"


def test_health_answers_only_get_and_head(client):
    assert client.head("/health/").status_code == 200
    assert client.post("/health/").status_code == 405


def assert_clean_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Temporarily unavailable" in html and "Vuelva a intentarlo" in html
    assert "Traceback" not in html and "OperationalError" not in html and "5432" not in html


def test_a_database_error_in_a_page_is_a_clean_503(monkeypatch):
    monkeypatch.setattr(Site, "find_for_request", database_down)
    assert_clean_503(Client(raise_request_exception=False).get("/en/technical-groups/"))


def test_a_database_error_in_middleware_is_a_clean_503(monkeypatch):
    # The redirects middleware looks up the database on every 404, after the view has answered.
    monkeypatch.setattr(redirect_middleware, "get_redirect", database_down)
    assert_clean_503(Client(raise_request_exception=False).get("/en/no-such-page/"))


def test_other_server_errors_stay_500(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", broken)
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
