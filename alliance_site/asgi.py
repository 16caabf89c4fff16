"""The production application: gunicorn with uvicorn workers (see gunicorn.conf.py).

Stored pages are sent by `PageCacheApp` on the event loop. Every other request goes to Django's
WSGI handler, run in a few threads of the worker (`DJANGO_THREADS`, default 2). Each thread keeps
its database connection (CONN_MAX_AGE), and a request crosses from the event loop to a thread and
back once; Django's ASGI handler, with this project's synchronous middleware, would cross several
times per request and open a new database connection for each.
"""

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from tempfile import SpooledTemporaryFile

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.production")

BODY_IN_MEMORY = 64 * 1024  # larger request bodies (uploads) are spooled to a temporary file


def wsgi_environ(scope, body):
    """The WSGI environ of an ASGI HTTP request, decoded as WSGI servers decode it (latin-1)."""
    script_name = scope.get("root_path", "")
    path = scope["path"]
    path_info = path[len(script_name) :] if script_name and path.startswith(script_name) else path
    server_name, server_port = scope.get("server") or ("localhost", 80)
    environ = {
        "REQUEST_METHOD": scope["method"],
        "SCRIPT_NAME": script_name.encode().decode("latin-1"),
        "PATH_INFO": path_info.encode().decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SERVER_NAME": server_name,
        "SERVER_PORT": str(server_port or 80),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if scope.get("client"):
        environ["REMOTE_ADDR"] = scope["client"][0]
    for name, value in scope.get("headers", ()):
        name, value = name.decode("latin-1").upper().replace("-", "_"), value.decode("latin-1")
        name = name if name in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{name}"
        separator = "; " if name == "HTTP_COOKIE" else ","  # HTTP/2 may split the cookies
        environ[name] = f"{environ[name]}{separator}{value}" if name in environ else value
    return environ


class DjangoInThreads:
    """An ASGI application that runs a WSGI application in a small pool of threads."""

    def __init__(self, wsgi_application, threads):
        self.wsgi_application = wsgi_application
        self.executor = ThreadPoolExecutor(threads, thread_name_prefix="django")

    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            return await self._lifespan(receive, send)
        with SpooledTemporaryFile(max_size=BODY_IN_MEMORY) as body:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body.write(message.get("body", b""))
                if not message.get("more_body"):
                    break
            body.seek(0)
            loop = asyncio.get_running_loop()

            def send_from_thread(message):
                asyncio.run_coroutine_threadsafe(send(message), loop).result()

            await loop.run_in_executor(self.executor, self._respond, scope, body, send_from_thread)

    def _respond(self, scope, body, send):
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split(" ", 1)[0])
            started["headers"] = [(n.lower().encode("latin-1"), v.encode("latin-1")) for n, v in headers]

        response = self.wsgi_application(wsgi_environ(scope, body), start_response)
        try:
            sent_start = False
            for chunk in response:
                if not sent_start:
                    send({"type": "http.response.start", **started})
                    sent_start = True
                if chunk:
                    send({"type": "http.response.body", "body": chunk, "more_body": True})
            if not sent_start:
                send({"type": "http.response.start", **started})
            send({"type": "http.response.body", "body": b""})
        finally:
            if hasattr(response, "close"):
                response.close()  # Django's request_finished: connections are recycled here

    async def _lifespan(self, receive, send):
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.executor.shutdown(wait=False)
                await send({"type": "lifespan.shutdown.complete"})
                return


django_application = DjangoInThreads(get_wsgi_application(), int(os.environ.get("DJANGO_THREADS", "2")))

from .page_cache import PageCacheApp  # noqa: E402  (needs the settings loaded above)

application = PageCacheApp(django_application)
