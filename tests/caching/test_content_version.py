"""The content version changes once a change commits, never for a draft."""

import pytest
from django.core import checks
from django.test import override_settings

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
    """Defect: a draft save emptied every cache."""
    client.get(GROUP_EN)
    before = content_version.read()
    with django_capture_on_commit_callbacks(execute=True):
        page = tourism()
        page.summary_en = "A draft nobody sees yet."
        page.save_revision()
    assert content_version.read() == before
    assert "A draft nobody sees yet." not in client.get(GROUP_EN).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        tourism().get_latest_revision().publish()
    assert content_version.read() != before
    assert "A draft nobody sees yet." in client.get(GROUP_EN).content.decode()


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
