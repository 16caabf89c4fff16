"""Two processes sharing a cache (Redis, or the embedded default's files): a change in one makes the
other's cached fragments (menus, routes, a page's details) fresh at once, and only those built from
what changed."""

import contextlib
import os
import socket
import uuid

import pytest
from django.test import override_settings

from tests.processes import django_process

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def shared_redis():
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379; CI must provide it.")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches):
        yield prefix
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def shared_files(tmp_path):
    """The embedded default: no REDIS_URL, the cache in files that every process on the machine reads."""
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    with override_settings(CACHES=caches):
        yield {"CACHE_DIR": str(tmp_path)}


@contextlib.contextmanager
def other_process(env):
    """A second Django process that shares the cache (not the test database), kept running between
    the steps, as an app server or a cron job would be (tests/processes.py)."""
    env = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "alliance_site.settings.test"}
    if "REDIS_URL" not in env or "CACHE_DIR" in env:
        env.pop("REDIS_URL", None)
    with django_process(env) as other:
        other.run("from caching import content_version, fragments")
        yield lambda code: other.run(code).strip()


def changes_in_either_process_refresh_the_other(env, django_capture_on_commit_callbacks):
    from caching import content_version
    from workgroups.models import TechnicalGroupPage

    with other_process(env) as other:
        # The other process shares the content version, then publishes something (and so changes it).
        before = content_version.read()
        assert other("print(content_version.current()); content_version.bump()") == before
        assert content_version.read() != before

        # A publish here is seen there, once it commits: by a process that read the version before.
        before = content_version.read()
        with django_capture_on_commit_callbacks(execute=True):
            TechnicalGroupPage.objects.get(slug_en="tourism").save_revision().publish()
        assert other("print(content_version.current())") not in ("", before)
        fragments_follow_changes_in_either_process(other, django_capture_on_commit_callbacks)


def fragments_follow_changes_in_either_process(other, django_capture_on_commit_callbacks):
    from caching import fragments
    from workgroups.models import TechnicalGroupPage

    tourism = TechnicalGroupPage.objects.get(slug_en="tourism")
    tourism_key, other_key = f"page:{tourism.pk}", "page:0"
    show = f"print(fragments.versions(['{tourism_key}'])['{tourism_key}'])"
    # The other process reads the same version of the key, then a change there gives it a new one.
    before, other_before = fragments.versions([tourism_key])[tourism_key], fragments.versions([other_key])
    assert other(f"{show}; fragments.touch(['{tourism_key}'])") == before
    assert fragments.versions([tourism_key])[tourism_key] != before
    assert fragments.versions([other_key]) == other_before  # what the change did not touch is kept

    # A publish here gives the page's key a new version there, once it commits.
    before = fragments.versions([tourism_key])[tourism_key]
    with django_capture_on_commit_callbacks(execute=True):
        TechnicalGroupPage.objects.get(slug_en="tourism").save_revision().publish()
    assert other(show) not in ("", before)


def test_with_redis_changes_in_either_process_refresh_the_other(
    shared_redis, django_capture_on_commit_callbacks
):
    env = {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": shared_redis}
    changes_in_either_process_refresh_the_other(env, django_capture_on_commit_callbacks)


def test_without_redis_changes_in_either_process_refresh_the_other(
    shared_files, django_capture_on_commit_callbacks
):
    """Defect: the cache lived in each process, so a cron job's publish went unseen for a day."""
    changes_in_either_process_refresh_the_other(shared_files, django_capture_on_commit_callbacks)
