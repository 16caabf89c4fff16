"""Page routing in a bounded number of queries, however many pages a section has.

wagtail-modeltranslation's router loads every child at each URL segment and compares slugs in
Python. Here a URL is looked up once by its translated url_path (one query), the answer is kept
in the cache until the content changes, and Wagtail's own serve view does the rest.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from caching.content_version import remember


def _digest(text):
    # Visitors choose hosts and paths: hashed, they make short keys of one size.
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def site_for_request(request):
    """Wagtail's Site for the request, remembered per host and port until the content changes."""
    host = _digest(f"{request._get_raw_host()}:{request.get_port()}")
    site_id = remember(f"site:{host}", lambda: getattr(Site._find_for_request(request), "pk", 0))
    if not site_id:
        return None
    request._wagtail_site = remember(
        f"site-object:{site_id}", lambda: Site.objects.select_related("root_page").get(pk=site_id)
    )
    return request._wagtail_site


def _locate(site, language, path):
    root_path = getattr(site.root_page, f"url_path_{language}") or site.root_page.url_path
    target = root_path + "".join(f"{part}/" for part in path.split("/") if part)
    found = (
        Page.objects.filter(**{f"url_path_{language}": target}).values_list("pk", "content_type_id").first()
    )
    return found  # None for a path no page has: not remembered, so random paths fill nothing


def serve(request, path):
    site = site_for_request(request)
    if site is None:
        raise Http404
    language = get_language()
    location = remember(f"route:{site.pk}:{language}:{_digest(path)}", lambda: _locate(site, language, path))
    if not location:
        raise Http404
    page_id, content_type_id = location
    page_model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = page_model.objects.filter(pk=page_id, live=True).first()
    if page is None:
        raise Http404
    request._wagtail_route_for_request = RouteResult(page)
    return wagtail_views.serve(request, path)
