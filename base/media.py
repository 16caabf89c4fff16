"""Uploaded images, served by the site itself under MEDIA_URL from whichever storage holds them.

Public pages may load nothing from another origin (the Content-Security-Policy allows 'self'
only), so images never link to the bucket: the S3 storage's URLs point to MEDIA_URL, and
`serve_image` streams the file from `default_storage` (local disk or the bucket alike).

Only the folders Wagtail writes images to are served. Documents are not: they go through
Wagtail's serve view at /documents/, which checks collection privacy.
"""

import hashlib
import mimetypes
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.files.utils import validate_file_name
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.encoding import filepath_to_uri
from django.views.decorators.http import require_safe
from storages.backends.s3 import S3Storage

ORIGINALS_FOLDER = "original_images/"
RENDITIONS_FOLDER = "images/"
# A rendition's name changes whenever its image's file or focal point changes, so it is never
# revalidated. An original keeps the uploader's file name, which comes back when an image is
# deleted and another file of that name uploaded: an hour, then revalidation by ETag.
CACHE_CONTROL = {
    RENDITIONS_FOLDER: "public, max-age=31536000, immutable",
    ORIGINALS_FOLDER: "public, max-age=3600",
}
MISSING = (FileNotFoundError, IsADirectoryError, NotADirectoryError, SuspiciousFileOperation)


class SiteServedS3Storage(S3Storage):
    """django-storages' S3 storage whose file URLs are the site's own (see serve_image)."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


def image_folder(name):
    """The image folder `name` is in, or None for anything that is not an image file's name."""
    try:
        validate_file_name(name, allow_relative_path=True)  # no "..", no absolute path
    except SuspiciousFileOperation:
        return None
    return next((folder for folder in CACHE_CONTROL if name.startswith(folder)), None)


@require_safe
def serve_image(request, path):
    folder = image_folder(path)
    if folder is None:
        raise Http404("Not an image file.")
    try:
        file = default_storage.open(path, "rb")
    except MISSING as error:
        raise Http404("No such image.") from error
    size = file.size
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if request.method == "HEAD":
        file.close()  # the headers need the size only, never the content
        response = HttpResponse(content_type=content_type)
    else:
        response = FileResponse(file, content_type=content_type)
    response["Content-Length"] = size
    response["Cache-Control"] = CACHE_CONTROL[folder]
    # Cheap, with no further storage request: a name is not reused while its file exists, and
    # the size tells most replacements apart.
    response["ETag"] = '"{}"'.format(hashlib.sha256(f"{path}\n{size}".encode()).hexdigest()[:32])
    conditional = get_conditional_response(request, etag=response["ETag"], response=response)
    if conditional is not response:
        response.close()  # 304: the file is not sent
    return conditional
