"""A database outage answers 503 "try again shortly", not a server error with a traceback.

DatabaseOutageMiddleware catches the error where a view (or its template) raises it;
`server_error`, the project's handler500, catches it where middleware raised it. Either way the
page is templates/503.html, which needs no database, with Retry-After. Django opens a new
connection on the next request, so the site recovers by itself once the database is back.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def database_unavailable(exception=None):
    logger.warning("Database unavailable: %s", exception)
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return database_unavailable(exception)
        return None


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    exception = sys.exc_info()[1]
    if isinstance(exception, OUTAGE_ERRORS):
        return database_unavailable(exception)
    return defaults.server_error(request, template_name)
