"""gunicorn settings for production: `gunicorn alliance_site.wsgi` (read from this folder).

Threaded workers (gthread) run Django's WSGI application, as Wagtail recommends; Varnish in front
answers cached pages. Set WEB_CONCURRENCY to the number of cores, DJANGO_THREADS per worker.
"""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("DJANGO_THREADS", "4"))
timeout = 30
graceful_timeout = 10
keepalive = 5  # Varnish keeps its backend connections open
# Bounded request heads; bodies are bounded by Django (DATA_UPLOAD_MAX_MEMORY_SIZE) and the proxy.
limit_request_line = 8190
limit_request_fields = 100
# No runtime control socket: one fixed path per user would be shared by every server on a machine.
control_socket_disable = True
# Access log to standard output, with the request id that Varnish or the proxy sent.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}i)s "%(a)s"'
