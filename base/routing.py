"""Page routing in a bounded number of queries, however many pages a section has.

wagtail-modeltranslation's router loads every child at each URL segment and compares slugs in
Python. Here a URL is looked up once by its translated url_path (one query), the answer is kept
until the content changes, and the page is served as Wagtail's own serve view does: its
`before_serve_page` and `on_serve_page` hooks, then `page.serve()`. The page itself is kept with
its route, so a request for a page nobody changed costs no query for it. (That view routes through
`Page.route()`, which is the per-segment router; tests/base/test_routing.py pins what this one
keeps of Wagtail's behaviour.)
"""

import hashlib
import pickle

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page, Site

from caching import dependencies
from caching.fragments import remember


def digest(text):
    # Visitors choose the paths: hashed, they make short cache keys of one size.
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def locate(site, language, path):
    """The live page at `path` under the site's root, pickled, or None."""
    root_path = getattr(site.root_page, f"url_path_{language}") or site.root_page.url_path
    target = root_path + "".join(f"{part}/" for part in path.split("/") if part)
    lookup = {f"url_path_{language}": target}
    location = Page.objects.filter(**lookup).values_list("pk", "content_type_id").first()
    if not location:
        return None
    page_id, content_type_id = location
    # A new slug, a move of this page (or one above it), an edit or unpublishing changes the route.
    dependencies.record(dependencies.object_key(Page, page_id))
    page_model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = page_model.objects.filter(pk=page_id, live=True).first()
    # Kept pickled: a kept value is shared by the process's threads, and each request gets its own page.
    return pickle.dumps(page) if page else None


def find_page(request, path):
    """The live page at `path` for this request's site and language; Http404 if there is none."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    language = get_language()
    key = f"page-route:{site.pk}:{language}:{digest(path)}"
    # A path no live page has gives None, which is not remembered: random paths fill nothing.
    kept = remember(key, lambda: locate(site, language, path))
    if not kept:
        raise Http404
    return pickle.loads(kept)  # noqa: S301 - written by locate() above, never by a visitor


def serve(request, path):
    page = find_page(request, path)

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve_chain = wrap(serve_chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return serve_chain(page, request, (), {})
