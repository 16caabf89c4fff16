"""gunicorn settings for production: `gunicorn alliance_site.asgi` (read from this folder).

Uvicorn workers run the ASGI application: stored pages are answered on the event loop, without a
thread, and everything else goes to Django. Set WEB_CONCURRENCY to the number of cores.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "uvicorn_worker.UvicornWorker"
timeout = 60
graceful_timeout = 5
