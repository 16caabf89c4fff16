"""The production application: `gunicorn alliance_site.wsgi` (gunicorn.conf.py: threaded workers)."""

import os

from django.conf import settings
from django.core.checks import ERROR, run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from caching.purge import start_retrying

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.production")

application = get_wsgi_application()

# Refuse to start on settings that would serve wrong pages (for example a page cache that the
# app servers do not share), as `manage.py check --deploy` would report them. `runserver` loads
# this module too: on one machine for development (DEBUG) the deployment checks do not apply.
deploy_checks = [] if settings.DEBUG else run_checks(include_deployment_checks=True)
errors = [message for message in deploy_checks if message.level >= ERROR]
if errors:
    raise ImproperlyConfigured("; ".join(str(message) for message in errors))

# Purges a cache did not confirm are retried from every app server until it does.
start_retrying()
