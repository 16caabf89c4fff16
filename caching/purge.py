"""Purges and bans sent to the HTTP caches in front (Varnish), once a change has committed.

A change purges its keys (dependencies.py, hashed) from every cache with `PURGE` and an `xkey`
header, which deploy/varnish/default.vcl answers with vmod xkey, before the editor's request
returns. Only a deploy, a setting or a superuser bans everything (`BAN`). A cache that does not
confirm is not waited for: the purge is kept in the database (`PendingPurge`, listed in the admin)
and retried every PURGE_RETRY_SECONDS by each app server until it is confirmed.

FRONTEND_CACHES (settings) lists each cache's address, e.g. http://10.0.0.5:6081.
"""

import logging
import threading
import time
from urllib.error import URLError
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import DatabaseError, close_old_connections, transaction

from . import content_version, dependencies, fragments

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2  # a cache that does not answer is recorded and retried, not waited for
TOKENS_PER_REQUEST = 200  # keeps the xkey header well under Varnish's 8 kB limit


def send(location, method, headers):
    request = Request(location, method=method, headers=headers)  # noqa: S310 - a configured URL
    with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        response.read()


def deliver(location, tokens, everything):
    """Purge `tokens` from (or ban everything in) the cache at `location`; the error, or None."""
    try:
        if everything:
            send(location, "BAN", {"X-Ban-Scope": "site"})
        for start in range(0, len(tokens), TOKENS_PER_REQUEST):
            send(location, "PURGE", {"xkey": " ".join(tokens[start : start + TOKENS_PER_REQUEST])})
    except (URLError, OSError) as error:
        return str(error) or error.__class__.__name__
    return None


def apply(change):
    """What every cache does with a committed change (changes.py sends it here)."""
    content_version.bump()  # first: a page built from now on is not mistaken for a current one
    fragments.touch(change.keys, change.everything)  # then what was built from what changed
    content_version.bump()  # again: what is found current at the new clock was checked after the touch
    tokens = sorted({dependencies.hashed(key) for key in change.keys})
    if not tokens and not change.everything:
        return
    for location in settings.FRONTEND_CACHES:
        error = deliver(location, tokens, change.everything)
        if error:
            logger.error("The cache at %s did not confirm a purge (kept for retrying): %s", location, error)
            _keep(location, tokens, change.everything, error)


def _keep(location, tokens, everything, error):
    from .models import PendingPurge

    try:
        PendingPurge.objects.create(
            location=location, tokens=" ".join(tokens), everything=everything, last_error=error
        )
    except DatabaseError:
        logger.exception("Could not keep a purge for retrying; the cache keeps its pages until s-maxage")


def retry():
    """Send every kept purge again; those confirmed go. The number still pending."""
    from .models import PendingPurge

    with transaction.atomic():
        # One app server at a time retries a purge; the others skip it.
        for pending in PendingPurge.objects.select_for_update(skip_locked=True)[:100]:
            error = deliver(pending.location, pending.tokens.split(), pending.everything)
            if error is None:
                pending.delete()
            else:
                pending.attempts += 1
                pending.last_error = error
                pending.save(update_fields=["attempts", "last_error"])
    return PendingPurge.objects.count()


_retrying = threading.Event()


def start_retrying():
    """Retry kept purges in this process every PURGE_RETRY_SECONDS (app servers call it once)."""
    if _retrying.is_set() or not settings.FRONTEND_CACHES or settings.PURGE_RETRY_SECONDS <= 0:
        return
    _retrying.set()
    threading.Thread(target=_retry_forever, name="purge-retry", daemon=True).start()


def _retry_forever():
    while True:
        time.sleep(settings.PURGE_RETRY_SECONDS)
        try:
            retry()
        except DatabaseError:
            logger.warning("Could not read the kept purges; trying again later")
        finally:
            close_old_connections()
