"""/health/: the state of the database and the cache, for a load balancer.

200 while pages can be served: {"status": "ok"} or, with the cache down (pages are then built
from the database, more slowly), {"status": "degraded"}. 503 while the database is unreachable.
Never cached, never redirected to HTTPS (see SECURE_REDIRECT_EXEMPT), no session, no query
beyond SELECT 1.
"""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

CACHE_KEY = "health-check"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_ok():
    # A cache configured to ignore its errors (see CACHES) answers a miss when it is down.
    token = secrets.token_hex(8)
    try:
        cache.set(CACHE_KEY, token, 30)
        return cache.get(CACHE_KEY) == token
    except Exception:  # noqa: BLE001 - any cache failure means "cache unavailable"
        return False


@never_cache
def health(request):
    database, cache_state = database_ok(), cache_ok()
    if not database:
        status = "unavailable"
    elif not cache_state:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "unavailable",
            "cache": "ok" if cache_state else "unavailable",
        },
        status=200 if database else 503,
    )
