"""Read-only JSON and CSV of the published data sets, in either language, a page at a time.

The language is `?lang=` if given, else the URL's language prefix, else English. Errors are JSON
too: 400 for a parameter with a bad value, 404 for an unknown data set or a page that does not
exist.
"""

import csv

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from .resources import RESOURCES

PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
FORMAT_VERSION = 1


class BadRequest(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, message


def requested_language(request):
    """The language of the data: ?lang=, else the URL's prefix, else the default (English)."""
    if "lang" in request.GET:
        language = request.GET["lang"]
        if language not in dict(settings.LANGUAGES):
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise BadRequest(400, f"lang must be one of: {codes}.")
        return language
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def requested_page(request, rows):
    page_size = request.GET.get("page_size", str(PAGE_SIZE))
    if not (page_size.isdecimal() and len(page_size) <= 4 and 1 <= int(page_size) <= MAX_PAGE_SIZE):
        raise BadRequest(400, f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}.")
    try:
        return Paginator(rows, int(page_size)).page(request.GET.get("page", "1"))
    except InvalidPage as error:
        raise BadRequest(404, f"There is no such page ({error}).") from None


def page_link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


# What the data sets and the feed read; any other parameter makes an answer unshareable.
QUERY_PARAMETERS = frozenset({"lang", "page", "page_size"})


def data_set(request, name, render):
    request.query_parameters = QUERY_PARAMETERS
    resource, links = RESOURCES.get(name), {}
    try:
        if resource is None:
            raise BadRequest(404, f"There is no data set called {name!r}.")
        language = requested_language(request)
        with translation.override(language):
            page = requested_page(request, resource.rows())
            objects = list(page.object_list)
            context = resource.context(objects, request)
            records = [resource.record(obj, context) for obj in objects]
            links = {
                "next": page_link(request, page.next_page_number()) if page.has_next() else None,
                "previous": page_link(request, page.previous_page_number()) if page.has_previous() else None,
            }
            response = render(resource, language, page, records, links)
    except BadRequest as error:
        response = JsonResponse({"error": error.message}, status=error.status)
        language = translation.get_language()
    response["Content-Language"] = language
    response["Access-Control-Allow-Origin"] = "*"
    link_header = [f'<{url}>; rel="{rel}"' for rel, url in links.items() if url]
    if link_header:
        response["Link"] = ", ".join(link_header)
    return response


def render_json(resource, language, page, records, links):
    body = {
        "version": FORMAT_VERSION,
        "data_set": resource.name,
        "language": language,
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "page_size": page.paginator.per_page,
        **links,
        "results": records,
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 2})


def render_csv(resource, language, page, records, links):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    part = f"-{page.number}" if page.paginator.num_pages > 1 else ""
    filename = f"{resource.name}-{language}{part}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Total-Count"] = str(page.paginator.count)
    writer = csv.DictWriter(
        response, fieldnames=resource.columns, extrasaction="ignore", lineterminator="\r\n"
    )
    writer.writeheader()
    for record in records:
        writer.writerow(resource.flat(record))
    return response


@require_safe
def as_json(request, name):
    return data_set(request, name, render_json)


@require_safe
def as_csv(request, name):
    return data_set(request, name, render_csv)
