"""A Redis client that stops trying for a few seconds once Redis is unreachable.

With Redis down, every cache call would otherwise wait for its own connection attempt (and,
through django-redis, log a traceback): a page makes a dozen. After one failure this process
answers cache calls as misses at once for OPEN_SECONDS, then tries again; the log says so once
when Redis goes and once when it is back. Used as django-redis's REDIS_CLIENT_CLASS.
"""

import logging
import threading
import time

import redis

logger = logging.getLogger(__name__)

OPEN_SECONDS = 5.0
FAILURES = (redis.ConnectionError, redis.TimeoutError, OSError)


class _Circuit:
    def __init__(self):
        self.lock = threading.Lock()
        self.open_until = 0.0  # monotonic time until which Redis is not asked
        self.down = False

    def allows(self):
        return time.monotonic() >= self.open_until

    def failed(self, error):
        with self.lock:
            self.open_until = time.monotonic() + OPEN_SECONDS
            if not self.down:
                self.down = True
                logger.warning("Redis is unreachable (%s); cache off for %s s at a time", error, OPEN_SECONDS)

    def succeeded(self):
        if self.down:
            with self.lock:
                if self.down:
                    self.down = False
                    logger.warning("Redis is reachable again; the cache is back on.")


circuit = _Circuit()


class CircuitBreakingRedis(redis.Redis):
    def execute_command(self, *args, **options):
        if not circuit.allows():
            raise redis.ConnectionError("Redis was unreachable a moment ago; not asked again yet")
        try:
            result = super().execute_command(*args, **options)
        except FAILURES as error:
            circuit.failed(error)
            raise redis.ConnectionError(str(error)) from error
        circuit.succeeded()
        return result
