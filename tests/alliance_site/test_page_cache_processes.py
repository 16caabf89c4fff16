"""Two processes sharing Redis: a change in one makes the other's cached pages fresh at once."""

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
GROUP = "/en/technical-groups/tourism/"


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


def other_process(prefix, code):
    """Run `code` in a second Django process that shares the Redis cache (not the test database)."""
    env = {**os.environ, "REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": prefix}
    env["DJANGO_SETTINGS_MODULE"] = "alliance_site.settings.test"
    script = f"import django; django.setup(); from alliance_site import content_version; {code}"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_changes_in_either_process_refresh_the_other(client, shared_redis):
    from alliance_site import content_version
    from workgroups.models import TechnicalGroupPage

    client.get(GROUP)
    assert client.get(GROUP)["X-Page-Cache"] == "hit"

    # The other process shares the content version, then publishes something (and so bumps it).
    seen = other_process(shared_redis, "print(content_version.current()); content_version.bump()")
    assert seen == str(content_version.current() - 1)
    assert client.get(GROUP)["X-Page-Cache"] == "miss"
    assert client.get(GROUP)["X-Page-Cache"] == "hit"

    # A publish here is seen there.
    before = content_version.current()
    TechnicalGroupPage.objects.get(slug_en="tourism").save_revision().publish()
    assert int(other_process(shared_redis, "print(content_version.current())")) > before


def test_the_asgi_front_hears_of_a_bump_without_asking(shared_redis):
    """The front's VersionWatcher is told of a bump by Redis, long before its periodic re-read."""
    from alliance_site import content_version

    content_version.current()  # the version exists before the watcher starts

    async def follow():
        watcher = content_version.VersionWatcher()
        watcher.RESYNC_SECONDS = 30  # so that only the announcement can explain a prompt update
        watcher.get()
        for _ in range(300):
            if watcher.get() is not None:
                break
            await asyncio.sleep(0.01)
        before = watcher.get()
        assert before == await sync_to_async(content_version.current)()
        await sync_to_async(content_version.bump, thread_sensitive=False)()
        started = time.monotonic()
        while watcher.get() == before and time.monotonic() - started < 5:
            await asyncio.sleep(0.005)
        watcher._task.cancel()
        return before, watcher.version, time.monotonic() - started

    before, after, seconds = async_to_sync(follow)()
    assert after == before + 1
    assert seconds < 0.5, seconds
