"""/health/: the state of the database, the cache and the file storage, for a load balancer.

200 while pages can be served: {"status": "ok"} or, with the cache down (pages are then built
from the database, more slowly) or the file storage down (pages are served, their images and
documents are not), {"status": "degraded"}. 503 while the database is unreachable.
Never cached, never redirected to HTTPS (see SECURE_REDIRECT_EXEMPT), no session, no query
beyond SELECT 1, one exists() call on the storage (a HEAD request on a bucket).
"""

import secrets

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import storage_outage

CACHE_KEY = "health-check"
STORAGE_PROBE = "health-check"  # need not exist: answering at all is what counts


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
    except Exception:
        return False


def storage_ok():
    try:
        default_storage.exists(STORAGE_PROBE)
    except Exception as error:
        storage_outage.state.failed(error)
        return False
    storage_outage.state.succeeded()
    return True


@never_cache
def health(request):
    database, cache_state, storage = database_ok(), cache_ok(), storage_ok()
    if not database:
        status = "unavailable"
    elif not (cache_state and storage):
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "unavailable",
            "cache": "ok" if cache_state else "unavailable",
            "storage": "ok" if storage else "unavailable",
        },
        status=200 if database else 503,
    )
