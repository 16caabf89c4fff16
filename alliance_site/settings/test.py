"""Test settings: DATABASE_URL picks PostgreSQL, otherwise SQLite; uploads go to a temp folder.

Uploads stay on the local disk whatever the environment says; the S3 storage is tested against
moto with override_settings (tests/alliance_site/test_media_storage.py).
"""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="alliance-media-")
# Tests render templates without running collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = tempfile.mkdtemp(prefix="alliance-static-")
WHITENOISE_AUTOREFRESH = True
if CACHES["default"]["BACKEND"].endswith("FileBasedCache") and not os.environ.get("CACHE_DIR"):  # noqa: F405
    CACHES["default"]["LOCATION"] = tempfile.mkdtemp(prefix="alliance-cache-")  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # A test database is thrown away: its commits need not wait for the disk.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
elif kept := os.environ.get("SQLITE_TEST_DATABASE"):  # `make test-fast` keeps them, files too
    DATABASES["default"]["TEST"] = {"NAME": kept}  # noqa: F405
    MEDIA_ROOT = f"{kept}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-media"  # as pytest-django names it
