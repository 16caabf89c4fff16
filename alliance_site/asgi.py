"""The production application (gunicorn with uvicorn workers, see gunicorn.conf.py).

Stored pages are sent by `PageCacheApp` without entering Django; every other request is Django's.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.production")

django_application = get_asgi_application()

from .page_cache import PageCacheApp  # noqa: E402  (needs the settings loaded above)

application = PageCacheApp(django_application)
