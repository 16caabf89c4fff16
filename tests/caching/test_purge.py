"""A committed change purges its keys from every cache in front, once; a cache that cannot be reached
is retried from the database until it confirms; only a site-wide change bans everything."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from caching import changes, dependencies, purge
from caching.models import PendingPurge
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


# How often a test server checks whether it is told to stop: shutdown() waits up to this long
# (the library's default, half a second, was most of each of these tests).
POLL_SECONDS = 0.01


class _Recorder(BaseHTTPRequestHandler):
    seen = []

    def do_PURGE(self):
        self.seen.append(("PURGE", set(self.headers.get("xkey", "").split())))
        self.answer()

    def do_BAN(self):
        self.seen.append(("BAN", self.headers.get("X-Ban-Scope")))
        self.answer()

    def answer(self):
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_double(settings):
    """An HTTP server on 127.0.0.1 that records the purges and bans it receives, as the cache in front."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen = []
    threading.Thread(target=server.serve_forever, args=(POLL_SECONDS,), daemon=True).start()
    settings.FRONTEND_CACHES = [f"http://127.0.0.1:{server.server_port}"]
    yield _Recorder.seen
    server.shutdown()


def tourism():
    return TechnicalGroupPage.objects.get(slug_en="tourism")


def test_a_publish_purges_its_keys_once_after_it_commits_and_bans_nothing(
    varnish_double, django_capture_on_commit_callbacks
):
    page = tourism()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.summary_en = "A new summary."
        page.save_revision().publish()
        assert varnish_double == []
    for callback in callbacks:
        callback()
    assert [method for method, _keys in varnish_double] == ["PURGE"]
    purged = varnish_double[0][1]
    expected = [
        f"page:{page.pk}",
        dependencies.list_key(TechnicalGroupPage),
        dependencies.children_key(page.get_parent().path),
    ]
    assert {dependencies.hashed(key) for key in expected} <= purged
    # Another group's page is not among them.
    other = TechnicalGroupPage.objects.exclude(pk=page.pk).first()
    assert dependencies.hashed(f"page:{other.pk}") not in purged


def test_a_draft_purges_nothing(varnish_double, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = tourism()
        page.summary_en = "Only a draft."
        page.save_revision()
    assert varnish_double == []


def test_a_project_names_its_group_so_the_groups_page_is_purged(varnish_double, committed):
    from cooperation.models import CooperationProjectPage

    project = CooperationProjectPage.objects.live().exclude(group=None).first()
    with committed():
        project.save_revision().publish()
    purged = varnish_double[0][1]
    assert dependencies.hashed(dependencies.related_key(TechnicalGroupPage, project.group_id)) in purged


def test_only_a_site_wide_change_bans_everything(varnish_double, committed):
    with committed():
        changes.note_everything("a deploy")
    assert varnish_double == [("BAN", "site")]


def test_an_unreachable_cache_is_retried_from_the_database_until_it_confirms(settings, committed):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.seen, port = [], server.server_port
    server.server_close()  # nothing listens there yet
    settings.FRONTEND_CACHES = [f"http://127.0.0.1:{port}"]
    with committed():
        tourism().save_revision().publish()  # the publish itself succeeds
    pending = PendingPurge.objects.get()
    assert pending.location == settings.FRONTEND_CACHES[0] and pending.tokens and pending.last_error
    assert purge.retry() == 1 and PendingPurge.objects.get().attempts == 2  # still down

    server = ThreadingHTTPServer(("127.0.0.1", port), _Recorder)
    threading.Thread(target=server.serve_forever, args=(POLL_SECONDS,), daemon=True).start()
    try:
        assert purge.retry() == 0
    finally:
        server.shutdown()
    assert [method for method, _keys in _Recorder.seen] == ["PURGE"]
    assert _Recorder.seen[0][1] == set(pending.tokens.split())


def test_a_change_outside_a_transaction_is_purged_at_once(varnish_double, monkeypatch):
    """Defect: outside a transaction (a management command) the feed went out before the change was
    noted in it, empty."""
    from workgroups.models import Coordinator

    # Outside a transaction Django runs an on-commit callback at once (tests run inside one).
    monkeypatch.setattr(changes.transaction, "on_commit", lambda callback, **kwargs: callback())
    coordinator = Coordinator.objects.order_by("pk").first()
    coordinator.role_en = "Coordinator, precisely"
    coordinator.save()
    [(method, purged)] = varnish_double
    assert method == "PURGE" and dependencies.hashed(f"workgroups.coordinator:{coordinator.pk}") in purged


def test_superusers_see_unconfirmed_purges_and_may_empty_every_cache(client, varnish_double, committed):
    from django.contrib.auth import get_user_model

    PendingPurge.objects.create(location="http://127.0.0.1:9", tokens="abc def", last_error="refused")
    editor = get_user_model().objects.create_user("editor", password="a long test password", is_staff=True)
    client.force_login(editor)
    refused = client.get("/admin/caches/")
    assert refused.status_code in (302, 403) and "refused" not in refused.content.decode()
    client.force_login(get_user_model().objects.create_superuser("root", password="a long test password"))
    page = client.get("/admin/caches/").content.decode()
    assert "http://127.0.0.1:9" in page and "refused" in page
    with committed():
        client.post("/admin/caches/", {"empty": "1"})
    assert ("BAN", "site") in varnish_double


def test_a_news_item_that_drops_a_group_purges_that_groups_page_too(varnish_double, committed):
    from news.models import NewsItemPage

    item = NewsItemPage.objects.live().filter(groups__isnull=False).first()
    dropped = item.groups.first()
    kept = [group for group in item.groups.all() if group.pk != dropped.pk]
    with committed():
        item.groups.set(kept)
        item.save_revision().publish()
    purged = varnish_double[0][1]
    assert dependencies.hashed(dependencies.related_key(TechnicalGroupPage, dropped.pk)) in purged
