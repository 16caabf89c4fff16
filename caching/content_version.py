"""One token that changes whenever something public changes, shared by every process.

The full-page cache, the route cache and the navigation cache all key on it. A publish,
unpublish, move or delete of a page, or a change to a snippet, document, image, site or view
restriction, replaces it once its transaction commits (never before: a request between the write
and the commit would store the old content under the new token), and bans the pages from every
HTTP cache in front (see frontend_cache.py). Saving a draft changes nothing visitors see, so it
changes nothing here.

The version also names the day (the site's time zone): what pages call upcoming or past changes
at midnight with nothing published, so every cache keyed on it starts afresh then, and shared
caches in front keep nothing past midnight (`seconds_left_today`).
"""

import datetime
import secrets
import threading
import time
from collections import OrderedDict

from asgiref.local import Local
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import DraftStateMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frontend_cache

KEY = "content-version"
# Fields Wagtail saves on its own while a draft is written, submitted, locked or scheduled.
DRAFT_BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "comments",
    "locked",
    "locked_at",
    "locked_by",
    "approved_go_live_at",
}

# The version as this request first read it: one cache round trip per request, not one per lookup.
_request = Local()
# Whether this thread has a change waiting for its transaction to commit.
_pending = threading.local()


def new_token():
    # Unique without a read-modify-write, so two processes changing things at once can never
    # both land on the same token (any shared cache, not only Redis, stays right).
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def read():
    """The version as the shared cache holds it now (a fresh cache starts a new one), and today."""
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, new_token(), timeout=None)
        version = cache.get(KEY)
    return f"{version}-{timezone.localdate():%Y%m%d}"


def seconds_left_today():
    """Seconds until the next midnight in the site's time zone (at least 1)."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(), now.tzinfo)
    return max(1, int(midnight.timestamp() - now.timestamp()))  # timestamps: right across DST too


def current():
    """The version this request started with (read once per request)."""
    version = getattr(_request, "version", None)
    if version is None:
        version = read()
        if getattr(_request, "active", False):
            _request.version = version
    return version


def changed():
    """Something public changed: refresh every cache once the transaction commits."""
    _pending.dirty = True
    transaction.on_commit(_flush)


def _flush():
    # One publish saves many rows; the first callback of the commit does the work for all.
    if not getattr(_pending, "dirty", False):
        return
    _pending.dirty = False
    bump()


def bump():
    """Replace the version now and ban every page from the HTTP caches in front."""
    _request.version = None
    cache.set(KEY, new_token(), timeout=None)
    frontend_cache.ban_everything()


class ProcessMemo:
    """Values kept in this process for one content version, dropped when the version changes."""

    def __init__(self, size):
        self.size, self.version, self.values = size, None, OrderedDict()

    def get(self, version, key):
        if not version:  # the cache is unreachable: nothing can be known to be current
            return None
        if version != self.version:
            self.version, self.values = version, OrderedDict()
        return self.values.get(key)

    def set(self, version, key, value):
        values = self.values
        if version != self.version:  # another thread has seen a newer version meanwhile
            return
        values[key] = value
        if len(values) > self.size:
            values.popitem(last=False)


_remembered = ProcessMemo(2048)


def remember(key, compute, timeout=3600):
    """`compute()`, kept in this process and in the shared cache until the content changes (None is
    not kept)."""
    version = current()
    value = _remembered.get(version, key)
    if value is None:
        shared_key = f"{key}:v{version}"
        value = cache.get(shared_key)
        if value is None:
            value = compute()
            if value is None:
                return None  # nothing to remember (a URL no page has, say)
            cache.set(shared_key, value, timeout)
        _remembered.set(version, key, value)
    return value


class ContentVersionMiddleware:
    """Reads the content version at most once per request (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request.active, _request.version = True, None
        try:
            return self.get_response(request)
        finally:
            _request.active, _request.version = False, None


def has_view_restrictions():
    """Whether any page has a view restriction; most sites have none, and then no page needs a query."""
    from wagtail.models import PageViewRestriction

    return remember("view-restrictions", lambda: PageViewRestriction.objects.exists())


def _public_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    restrictions = (PageViewRestriction, CollectionViewRestriction, Collection)
    return (Page, Site, *restrictions, get_document_model(), get_image_model(), *get_snippet_models())


def is_draft_save(instance, update_fields):
    """Whether this save only wrote a draft (or Wagtail's bookkeeping of one)."""
    if not isinstance(instance, DraftStateMixin):
        return False
    if not instance.live:
        return True  # not visible; publishing it sends page_published (or saves it live)
    # modeltranslation saves draft_title as draft_title_en, draft_title_es...
    return update_fields is not None and all(
        name in DRAFT_BOOKKEEPING or name.startswith("draft_title") for name in update_fields
    )


@receiver(post_save, dispatch_uid="content_version_on_save")
def content_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and isinstance(instance, _public_models()) and not is_draft_save(instance, update_fields):
        changed()


@receiver(post_delete, dispatch_uid="content_version_on_delete")
def content_deleted(sender, instance, **kwargs):
    if isinstance(instance, _public_models()):
        changed()


@receiver(page_published, dispatch_uid="content_version_on_publish")
@receiver(page_unpublished, dispatch_uid="content_version_on_unpublish")
@receiver(post_page_move, dispatch_uid="content_version_on_move")
def page_changed(sender, **kwargs):
    changed()
