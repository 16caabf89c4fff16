"""Production: every secret and host comes from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for required in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not os.environ.get(required):
        raise ImproperlyConfigured(f"Set the {required} environment variable.")

if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # An unreachable database fails a request in seconds (a 503 page), not after minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)  # noqa: F405

# Wagtail's own follow-up work after a save (its reference and search indexes, image files) is
# queued in the database, in the save's transaction, and done by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Mail always goes over SMTP (EMAIL_HOST, ...): the console backend would print every mail,
# password-reset links included, to the log. security/checks.py refuses an unset host.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# TLS: a proxy in front may terminate it and say so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Only a site served over plain HTTP on purpose (make cluster, on 127.0.0.1) turns these off.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "true").lower() == "true"
