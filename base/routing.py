"""Page routing in a bounded number of queries, however many pages a section has.

wagtail-modeltranslation's router loads every child at each URL segment and compares slugs in
Python. Here a URL is looked up once by its translated url_path (one query), the answer is kept
until the content changes, and the page is served as Wagtail's own serve view does: its
`before_serve_page` and `on_serve_page` hooks, then `page.serve()`. (That view routes through
`Page.route()`, which is the per-segment router; tests/base/test_routing.py pins what this one
keeps of Wagtail's behaviour.)
"""

import hashlib

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
    """(page id, content type id) of the page at `path` under the site's root, or None."""
    root_path = getattr(site.root_page, f"url_path_{language}") or site.root_page.url_path
    target = root_path + "".join(f"{part}/" for part in path.split("/") if part)
    lookup = {f"url_path_{language}": target}
    location = Page.objects.filter(**lookup).values_list("pk", "content_type_id").first()
    if location:  # a new slug or a move of this page (or one above it) changes the route
        dependencies.record(dependencies.object_key(Page, location[0]))
    return location


def find_page(request, path):
    """The live page at `path` for this request's site and language; Http404 if there is none."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    language = get_language()
    key = f"route:{site.pk}:{language}:{digest(path)}"
    # A path no page has gives None, which is not remembered: random paths fill nothing.
    location = remember(key, lambda: locate(site, language, path))
    if not location:
        raise Http404
    page_id, content_type_id = location
    page_model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = page_model.objects.filter(pk=page_id, live=True).first()
    if page is None:
        raise Http404
    return page


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
