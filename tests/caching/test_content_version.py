"""The content version changes once a change commits, never for a draft, and bans the caches in front."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import checks
from django.test import override_settings
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from caching import content_version
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

GROUP_EN = "/en/technical-groups/tourism/"


def tourism():
    return TechnicalGroupPage.objects.get(slug_en="tourism")


def test_a_publish_changes_the_version_only_when_its_transaction_commits(django_capture_on_commit_callbacks):
    """Defect: bumped in post_save, a request before the commit stored the old page under the new version."""
    before = content_version.read()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = tourism()
        page.summary_en = "Changed, not yet committed."
        page.save_revision().publish()
        assert content_version.read() == before
    assert callbacks
    for callback in callbacks:
        callback()
    assert content_version.read() != before


def test_saving_a_draft_leaves_every_cached_page_in_place(client, django_capture_on_commit_callbacks):
    """Defect: a draft save emptied the whole page cache."""
    client.get(GROUP_EN)
    before = content_version.read()
    with django_capture_on_commit_callbacks(execute=True):
        page = tourism()
        page.summary_en = "A draft nobody sees yet."
        page.save_revision()
    assert content_version.read() == before
    assert client.get(GROUP_EN)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        tourism().get_latest_revision().publish()
    assert content_version.read() != before
    assert "A draft nobody sees yet." in client.get(GROUP_EN).content.decode()


class _Recorder(BaseHTTPRequestHandler):
    seen = []

    def do_BAN(self):
        self.seen.append((self.command, self.path, self.headers.get("X-Ban-Scope")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_double():
    """An HTTP server on 127.0.0.1 that records the BANs it receives, configured as the cache in front."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    caches = {
        "one": {
            "BACKEND": "caching.frontend_cache.VarnishBan",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=caches):
        yield _Recorder.seen
    server.shutdown()


def test_any_purge_bans_the_whole_site_so_translated_urls_are_never_missed(varnish_double):
    """Defect: Wagtail's per-URL purge rewrites the language prefix, not the translated Spanish slug."""
    purge_page_from_cache(tourism())
    assert varnish_double and all(ban == ("BAN", "/", "site") for ban in varnish_double)


def test_a_publish_sends_one_ban_after_it_commits(varnish_double, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tourism().save_revision().publish()
        assert varnish_double == []
    for callback in callbacks:
        callback()
    assert varnish_double == [("BAN", "/", "site")]


def test_an_unreachable_cache_does_not_fail_the_publish(django_capture_on_commit_callbacks):
    caches = {"gone": {"BACKEND": "caching.frontend_cache.VarnishBan", "LOCATION": "http://127.0.0.1:9"}}
    with override_settings(WAGTAILFRONTENDCACHE=caches), django_capture_on_commit_callbacks(execute=True):
        tourism().save_revision().publish()


@pytest.mark.parametrize(
    "backend, errors",
    [
        ("django.core.cache.backends.filebased.FileBasedCache", ["caching.E001"]),
        ("django.core.cache.backends.locmem.LocMemCache", ["caching.E001"]),
        ("django.core.cache.backends.redis.RedisCache", []),
    ],
)
def test_production_refuses_a_page_cache_that_the_app_servers_do_not_share(backend, errors):
    with override_settings(
        CACHES={"default": {"BACKEND": backend, "LOCATION": "unused"}}, PAGE_CACHE_SECONDS=60
    ):
        found = [m.id for m in checks.run_checks(include_deployment_checks=True) if m.level >= checks.ERROR]
    assert [e for e in found if e == "caching.E001"] == errors
