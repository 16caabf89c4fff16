"""The production ASGI application: Django's WSGI handler in threads, behind the page cache front."""

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator

from alliance_site.asgi import DjangoInThreads, application, wsgi_environ


def exchange(app, scope, body=b"", chunks=1):
    async def run():
        communicator = ApplicationCommunicator(app, scope)
        part = len(body) // chunks + 1
        pieces = [body[i : i + part] for i in range(0, len(body), part)] or [b""]
        for index, piece in enumerate(pieces):
            await communicator.send_input(
                {"type": "http.request", "body": piece, "more_body": index < len(pieces) - 1}
            )
        start = await communicator.receive_output(5)
        content = b""
        while True:
            message = await communicator.receive_output(5)
            content += message.get("body", b"")
            if not message.get("more_body"):
                break
        await communicator.wait()
        return start["status"], dict(start["headers"]), content

    return async_to_sync(run)()


def http(path, method="GET", query=b"", headers=()):
    return {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"testserver"), *headers],
        "server": ("testserver", 80),
        "client": ("203.0.113.9", 51000),
    }


def echo(environ, start_response):
    """A WSGI application that answers with what it was given, in two chunks."""
    body = environ["wsgi.input"].read()
    start_response("201 Created", [("Content-Type", "text/plain"), ("X-Method", environ["REQUEST_METHOD"])])
    described = f"{environ['PATH_INFO']}|{environ['QUERY_STRING']}|{environ.get('HTTP_X_TEST')}"
    return [described.encode("latin-1"), b"|" + body]


def test_environ_is_what_wsgi_servers_give():
    scope = http(
        "/es/buscar/",
        query=b"q=caf%C3%A9&x=\xff",
        headers=[
            (b"content-type", b"text/plain"),
            (b"content-length", b"3"),
            (b"accept", b"a"),
            (b"accept", b"b"),
            (b"cookie", b"a=1"),
            (b"cookie", b"b=2"),
        ],
    )
    environ = wsgi_environ(scope, body=None)
    assert environ["PATH_INFO"] == "/es/buscar/"
    assert environ["QUERY_STRING"] == "q=caf%C3%A9&x=\xff"  # raw bytes as latin-1, never an error
    assert (environ["CONTENT_TYPE"], environ["CONTENT_LENGTH"]) == ("text/plain", "3")
    assert environ["HTTP_ACCEPT"] == "a,b"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["REMOTE_ADDR"] == "203.0.113.9"
    assert environ["HTTP_HOST"] == "testserver"


def test_requests_and_answers_pass_through_whole():
    app = DjangoInThreads(echo, threads=2)
    body = b"x" * 200_000  # more than is kept in memory
    status, headers, content = exchange(
        app, http("/upload/", method="POST", headers=[(b"x-test", b"yes")]), body=body, chunks=4
    )
    assert status == 201
    assert headers[b"x-method"] == b"POST"
    assert content == b"/upload/||yes|" + body


@pytest.mark.django_db
def test_django_answers_through_the_threads():
    status, headers, content = exchange(application, http("/health/"))
    assert status == 200
    assert headers[b"content-type"].startswith(b"application/json")
    assert b'"database": "ok"' in content
    status, _headers, _content = exchange(application, http("/health/", method="DELETE"))
    assert status == 405


@pytest.mark.parametrize("event", ["startup", "shutdown"])
def test_lifespan_events_are_answered(event):
    async def run():
        communicator = ApplicationCommunicator(DjangoInThreads(echo, threads=1), {"type": "lifespan"})
        await communicator.send_input({"type": "lifespan.startup"})
        replies = [await communicator.receive_output(5)]
        if event == "shutdown":
            await communicator.send_input({"type": "lifespan.shutdown"})
            replies.append(await communicator.receive_output(5))
        return [reply["type"] for reply in replies]

    replies = async_to_sync(run)()
    assert replies[-1] == f"lifespan.{event}.complete"
