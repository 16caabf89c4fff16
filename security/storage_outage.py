"""The file storage (S3 or the local disk) being unreachable: an answer, not a server error.

Which errors mean "the storage is down", and what the site answers then: an editor's upload in the
admin gets its form back with a message that nothing was saved (the model's row is written only
after its file, inside the view's transaction, so nothing half-written remains); the multiple
upload's script gets the JSON error it shows beside the file; anything else, such as a visitor's
download, the 503 page with Retry-After. The log says once when the storage goes and once when it
is back (per process, as for Redis in caching/redis_circuit.py), never a traceback per request.
"""

import errno
import logging
import threading
import time

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotocoreConnectionError
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

# A local disk that refuses writes or is full; not a missing file (FileNotFoundError is a 404).
UNAVAILABLE_DISK = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO}
PROBE_SECONDS = 5.0  # while the storage is down, how often a request checks whether it is back


def is_storage_outage(exception):
    """True for the errors a storage raises when it cannot be reached or cannot write."""
    if isinstance(exception, BotocoreConnectionError | HTTPClientError):
        return True  # refused, timed out, closed mid-answer
    if isinstance(exception, ClientError):
        return exception.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) >= 500
    return isinstance(exception, OSError) and exception.errno in UNAVAILABLE_DISK


class _StorageState:
    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.next_probe = 0.0

    def failed(self, error):
        with self.lock:
            self.next_probe = time.monotonic() + PROBE_SECONDS
            if not self.down:
                self.down = True
                logger.warning("File storage unavailable (%s: %s)", type(error).__name__, error)

    def succeeded(self):
        if self.down:
            with self.lock:
                if self.down:
                    self.down = False
                    logger.warning("File storage reachable again.")

    def probe_due(self):
        """While down, True at most once per PROBE_SECONDS (the caller then checks the storage)."""
        if not self.down:
            return False
        with self.lock:
            if time.monotonic() < self.next_probe:
                return False
            self.next_probe = time.monotonic() + PROBE_SECONDS
            return True


state = _StorageState()


def unavailable_message(request):
    """The editor's message, in the language of their admin, chosen as Wagtail's views choose it.

    The profile is the one the admin view loaded (no query: the failed save may have left the
    transaction unusable)."""
    profile = getattr(request.user, "wagtail_userprofile", None)
    language = profile.get_preferred_language() if profile else translation.get_language()
    with translation.override(language):
        return gettext(
            "The file storage is unavailable, so nothing was saved. Please try again in a few minutes."
        )


def is_admin_upload(request):
    """A form with a file, sent by a signed-in editor to the admin (other requests get the 503)."""
    user = getattr(request, "user", None)
    return (
        request.method == "POST"
        and bool(request.FILES)
        and request.path.startswith(reverse("wagtailadmin_home"))
        and user is not None
        and user.is_authenticated
    )


def storage_unavailable(request, exception, page_response):
    """The answer to `exception`, a storage outage; `page_response` makes the 503 page."""
    state.failed(exception)
    if not is_admin_upload(request):
        return page_response()
    message = unavailable_message(request)
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        # Wagtail's multiple upload shows error_message beside the file (only on a 2xx answer).
        return JsonResponse({"success": False, "error_code": "storage_unavailable", "error_message": message})
    messages.error(request, message)
    return HttpResponseRedirect(request.get_full_path())
