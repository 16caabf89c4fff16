"""A database or file storage outage answers 503 "try again shortly", not a server error.

OutageMiddleware catches the error where a view (or its template) raises it; `server_error`, the
project's handler500, catches it where middleware raised it. Either way the page is
templates/503.html, which needs no database, with Retry-After. Django opens a new connection on
the next request, so the site recovers by itself once the database is back. What a storage outage
answers an editor's upload, and its log lines, are in storage_outage.py.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

from . import health, storage_outage

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def database_unavailable(exception=None):
    logger.warning("Database unavailable: %s", exception)
    return unavailable_page()


def unavailable_page():
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def outage_response(request, exception):
    """The answer to an outage of the database or the file storage, or None for other errors."""
    if isinstance(exception, OUTAGE_ERRORS):
        return database_unavailable(exception)
    if storage_outage.is_storage_outage(exception):
        return storage_outage.storage_unavailable(request, exception, unavailable_page)
    return None


class OutageAnswerFilter(logging.Filter):
    """Django logs every 5xx answer as an error (and so mails it to the admins); a 503 is an outage
    page, which is logged once per outage instead (here and in storage_outage.py)."""

    def filter(self, record):
        return getattr(record, "status_code", None) != 503


class OutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if storage_outage.state.probe_due():
            health.storage_ok()  # says when the storage is back, even with no health checker
        return self.get_response(request)

    def process_exception(self, request, exception):
        return outage_response(request, exception)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    response = outage_response(request, sys.exc_info()[1])
    return response or defaults.server_error(request, template_name)
