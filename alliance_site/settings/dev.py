"""Local development: the embedded SQLite database and Django's debug pages."""

import os

from .base import *  # noqa: F403

DEBUG = True
# A development-only key: production refuses to start without its own SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
