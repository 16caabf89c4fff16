"""What a shared response depends on, recorded while it is built (Drupal's cache tags, Fastly's
surrogate keys).

Keys are recorded where the data is fetched, so a new page type needs nothing here:
- every public object loaded from the database (a page, a snippet, a document, an image) records
  its own key as it is built (the `post_init` signal), whichever view, tag or helper loaded it;
- a listing that shows a whole collection records it through `listed()` (a query helper's job), so
  that a new or removed member purges it;
- a page records `rel:` of itself: what points at it (a project naming its group) shows on it;
- a cached fragment keeps the keys it was built from and records them again on every hit
  (`fragments.remember`).

A change (changes.py) purges the keys of what it touched: the object's own key, its collection's
key, its parent's children key and `rel:` of what it points at. So an object's own key is redundant
beside its collection's key, and a long listing carries its collection key alone (`bounded`).
"""

import hashlib
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_init

MAX_KEYS = 64  # per response: a page listing 300 entities sends its collection key instead
STRINGS = "strings"  # the interface strings (gettext): every page shows some
RESTRICTIONS = "restrictions"  # which pages and collections have a view restriction

_current = ContextVar("cache_dependencies", default=None)
_public = {}  # model class -> whether its objects are shown to visitors (decided once per class)


def public_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    settings_models = (BaseGenericSetting, BaseSiteSetting)
    return (Page, get_document_model(), get_image_model(), *get_snippet_models(), *settings_models)


def is_public(model):
    known = _public.get(model)
    if known is None:
        known = _public[model] = issubclass(model, public_models())
    return known


def _is_page(model):
    from wagtail.models import Page

    return issubclass(model, Page)


def object_key(model, pk):
    # A page is one object whether loaded as Page or as its specific type.
    return f"page:{pk}" if _is_page(model) else f"{model._meta.label_lower}:{pk}"


def list_key(model):
    """The key of "every object of this type" (a listing, an index, a feed)."""
    return f"list:{model._meta.label_lower}"


def children_key(path):
    """The key of "the pages right under the page at this tree path" (a menu)."""
    return f"children:{path}"


def related_key(model, pk):
    """The key of "whatever points at this object" (a group's projects, on the group's page)."""
    return f"rel:{object_key(model, pk)}"


def hashed(key):
    """The short token a key travels as (the xkey header, the purge request)."""
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


class Dependencies:
    """The keys of one response or fragment; each object key notes the collection that covers it."""

    def __init__(self, keys=None):
        self.keys = dict(keys or {})

    def add(self, key, covered_by=None):
        self.keys.setdefault(key, covered_by)

    def update(self, keys):
        for key, covered_by in keys.items():
            self.add(key, covered_by)

    def bounded(self, limit=MAX_KEYS):
        """At most `limit` keys, none lost: an object listed with its whole collection needs no key
        of its own, and the biggest groups of objects give way to their collection's key."""
        keys = {key: cover for key, cover in self.keys.items() if cover is None or cover not in self.keys}
        while len(keys) > limit:
            counts = Counter(cover for cover in keys.values() if cover)
            if not counts:
                break  # only collections left: each is needed
            collection = counts.most_common(1)[0][0]
            keys = {key: cover for key, cover in keys.items() if cover != collection}
            keys[collection] = None
        return sorted(keys)


def record(*keys):
    """Note keys that the response being built depends on (nothing outside a recording)."""
    dependencies = _current.get()
    if dependencies is not None:
        for key in keys:
            dependencies.add(key)


def listed(queryset_or_model):
    """Note that the response shows the whole collection (a new member must appear); returns it."""
    record(list_key(getattr(queryset_or_model, "model", queryset_or_model)))
    return queryset_or_model


def record_related(instance):
    """Note that the response shows what points at `instance` (its page lists them)."""
    record(related_key(type(instance), instance.pk))


@contextmanager
def recording():
    """Collect the keys recorded inside; they count for any recording around this one too."""
    outer, inner = _current.get(), Dependencies()
    token = _current.set(inner)
    try:
        yield inner
    finally:
        _current.reset(token)
        if outer is not None:
            outer.update(inner.keys)


def replay(keys):
    """Record the keys of a fragment kept from an earlier recording."""
    dependencies = _current.get()
    if dependencies is not None and keys:
        dependencies.update(keys)


def loaded(sender, instance, **kwargs):
    if _current.get() is not None and instance.pk is not None and is_public(sender):
        record_object = _current.get().add
        record_object(object_key(sender, instance.pk), list_key(sender))


def connect():
    post_init.connect(loaded, dispatch_uid="cache_dependencies_on_load")
