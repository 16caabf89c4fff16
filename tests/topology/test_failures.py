"""Faults stay small: a dead app server, a database or Redis outage, every backend down."""

import secrets
import threading
import time

from .site import eventually
from .visit import get

GROUP = "/en/technical-groups/cooperation/"
GROUP_ES = "/es/grupos-tecnicos/cooperacion/"
OUTAGE = b"Temporarily unavailable"


def uncached(language="en"):
    """A page no one has asked for yet: Varnish must ask an app server for it."""
    return (
        f"/{language}/search/?q=cooperation+{secrets.token_hex(3)}"
        if language == "en"
        else (f"/es/buscar/?q=cooperacion+{secrets.token_hex(3)}")
    )


def test_killing_one_app_server_under_load_fails_no_request(cluster):
    failures, answered, stop = [], [], threading.Event()

    def load(offset):
        while not stop.is_set():
            url = cluster.url + uncached(("en", "es")[offset % 2])  # every one goes to an app server
            try:
                response = get(url)
                (answered if response.status_code == 200 else failures).append((url, response.status_code))
            except OSError as error:
                failures.append((url, repr(error)))

    workers = [threading.Thread(target=load, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    try:
        time.sleep(1.5)
        cluster.stop_app("a")  # SIGKILL, mid-request
        time.sleep(3)
    finally:
        stop.set()
        for worker in workers:
            worker.join(15)
        cluster.start_app("a")
    assert failures == []
    assert len(answered) > 10


def test_a_database_outage_serves_stored_pages_and_a_clean_503_then_recovers(cluster):
    for url in (GROUP, GROUP_ES):
        get(cluster.url + url), get(cluster.url + url)
    stored = {url: get(cluster.url + url).content for url in (GROUP, GROUP_ES)}
    cluster.stop_postgres()
    try:
        for _ in range(3):
            for url, content in stored.items():
                response = get(cluster.url + url)
                assert response.status_code == 200 and response.content == content
            time.sleep(0.5)
        for language in ("en", "es"):
            response = get(cluster.url + uncached(language))
            assert response.status_code == 503 and OUTAGE in response.content
            assert "no-store" in response.headers["Cache-Control"]
    finally:
        cluster.start_postgres()
    assert eventually(lambda: get(cluster.url + uncached()).status_code == 200, seconds=5)
    assert eventually(lambda: get(cluster.url + uncached("es")).status_code == 200, seconds=5)


def median_seconds(url, times=7):
    durations = []
    for _ in range(times):
        started = time.monotonic()
        assert get(url + f"+{secrets.token_hex(3)}").status_code == 200
        durations.append(time.monotonic() - started)
    return sorted(durations)[times // 2]


def test_a_redis_outage_keeps_pages_served_and_health_says_degraded(cluster):
    search = cluster.app_url("b") + "/en/search/?q=trade"
    with_redis = median_seconds(search)
    cluster.stop("redis")
    try:
        health = cluster.app_url("b") + "/health/"
        assert eventually(lambda: get(health).json().get("status") == "degraded", seconds=5)
        assert get(health).status_code == 200
        for base in (cluster.url, cluster.app_url("b")):
            for language in ("en", "es"):
                assert get(base + uncached(language)).status_code == 200
        assert get(cluster.app_url("a") + GROUP_ES).status_code == 200
        # One short attempt, then none for a while: pages keep their speed within a small factor.
        assert median_seconds(search) < 5 * with_redis + 0.2
    finally:
        cluster.start_redis()
    assert eventually(lambda: get(cluster.app_url("b") + "/health/").json().get("status") == "ok", seconds=10)


def test_with_every_app_server_down_stored_pages_are_still_served(cluster):
    get(cluster.url + GROUP), get(cluster.url + GROUP)
    stored = get(cluster.url + GROUP).content
    cluster.stop_app("a", sig=15)
    cluster.stop_app("b", sig=15)
    try:
        assert eventually(lambda: get(cluster.url + uncached()).status_code == 503, seconds=5)
        response = get(cluster.url + GROUP)
        assert response.status_code == 200 and response.content == stored
    finally:
        cluster.start_app("a")
        cluster.start_app("b")
    assert eventually(lambda: get(cluster.url + uncached()).status_code == 200, seconds=5)
