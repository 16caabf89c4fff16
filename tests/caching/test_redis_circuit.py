"""With Redis down, the cache stops asking after one failure and says so once; then it comes back."""

import logging
import socket

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from caching import redis_circuit


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "circuit-test",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "REDIS_CLIENT_CLASS": "caching.redis_circuit.CircuitBreakingRedis",
            },
        }
    }


@pytest.fixture
def fresh_circuit(monkeypatch):
    monkeypatch.setattr(redis_circuit, "circuit", redis_circuit._Circuit())
    attempts = []
    original = redis.Redis.execute_command

    def counted(self, *args, **options):
        attempts.append(args[0])
        return original(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return attempts


def test_an_unreachable_redis_is_tried_once_then_left_alone(fresh_circuit, caplog):
    caplog.set_level(logging.WARNING)
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0")):
        cache = caches["default"]
        answers = [cache.get(f"key-{n}", "missed") for n in range(40)]
        cache.set("key", "value")
    assert answers == ["missed"] * 40
    assert len(fresh_circuit) == 1
    said = [r for r in caplog.records if r.name == "caching.redis_circuit"]
    assert len(said) == 1 and "unreachable" in said[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info]  # no traceback per call


def test_the_cache_comes_back_once_redis_answers(fresh_circuit, caplog, monkeypatch):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    caplog.set_level(logging.WARNING)
    redis_circuit.circuit.failed(OSError("gone a moment ago"))
    monkeypatch.setattr(redis_circuit.circuit, "open_until", 0.0)  # the few seconds have passed
    with override_settings(CACHES=redis_cache("redis://127.0.0.1:6379/3")):
        cache = caches["default"]
        cache.set("key", "value")
        assert cache.get("key") == "value"
        cache.delete("key")
    messages = [r.getMessage() for r in caplog.records if r.name == "caching.redis_circuit"]
    assert len(messages) == 2 and "reachable again" in messages[1]
