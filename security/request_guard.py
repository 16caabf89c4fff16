"""Turn away malformed or out-of-place requests before they reach the pages.

- Control characters (NUL above all) in the path: 400. PostgreSQL refuses NUL in a string, so
  such a path would otherwise end as a server error in the page lookup. (Query strings are left
  to the forms that read them: Django's form fields refuse NUL with a validation error.)
- Cookies whose value holds control characters are dropped, so a forged session cookie cannot
  reach the session store either.
- Methods other than GET and HEAD on the public site: 405, with the allowed methods, before the
  CSRF check would answer 403. Paths under settings.WRITE_METHOD_PATH_PREFIXES (the admin) take
  any method, and so do Wagtail's forms that unlock restricted pages and documents and the public
  pages with a form (`PUBLIC_FORMS`: the contact page's). Either way the body is not read.
- A body announced larger than the largest upload (MAX_DOCUMENT_SIZE and a form around it): 413,
  before any of it is read (nginx and Varnish in deploy/ refuse it earlier still).
"""

import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.defaults import bad_request

SAFE_METHODS = ("GET", "HEAD")
FORM_OVERHEAD = 1024 * 1024  # the other fields of an upload form, and multipart boundaries
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Wagtail's public forms that take a post: signing in, a restricted page's or document's password.
UNLOCKING_PATHS = re.compile(
    r"^/[a-z]{2}/_util/(?:login|authenticate_with_password)/|^/documents/authenticate_with_password/"
)
# The public forms that take a post, registered by the apps that have one ("contact"): a form posts
# to its page with `?form=<name>`, and the page itself refuses any other post (BasePage.serve).
PUBLIC_FORMS = set()


def takes_posts(request):
    if UNLOCKING_PATHS.match(request.path_info):
        return True
    return request.method == "POST" and request.GET.get("form") in PUBLIC_FORMS


class MalformedRequest(Exception):
    pass


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.write_prefixes = tuple(settings.WRITE_METHOD_PATH_PREFIXES)

    def __call__(self, request):
        if _CONTROL.search(request.path_info):
            return bad_request(request, MalformedRequest("control characters in the address"))
        if body_length(request) > settings.MAX_DOCUMENT_SIZE + FORM_OVERHEAD:
            return HttpResponse(status=413, content=b"Request body too large", content_type="text/plain")
        if (
            request.method not in SAFE_METHODS
            and not request.path_info.startswith(self.write_prefixes)
            and not takes_posts(request)
        ):
            return HttpResponseNotAllowed(SAFE_METHODS)
        cookies = request.COOKIES
        for name in [name for name, value in cookies.items() if _CONTROL.search(name + value)]:
            del cookies[name]
        return self.get_response(request)


def body_length(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    return int(length) if length.isdecimal() else 0
