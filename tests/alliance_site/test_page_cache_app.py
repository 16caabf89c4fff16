"""The ASGI front of the page cache: sends what Django stored, exactly, and nothing else."""

import asyncio
import gzip

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator

from alliance_site.page_cache import PageCacheApp, cache_key, store
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

GROUP_EN = "/en/technical-groups/tourism/"
GROUP_ES = "/es/grupos-tecnicos/turismo/"
IE9 = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0)"


class Django:
    """Stands in for Django behind the front, recording what reaches it."""

    def __init__(self):
        self.paths = []

    async def __call__(self, scope, receive, send):
        self.paths.append(scope["path"])
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b"from django"})


def request(app, path, method="GET", query=b"", **headers):
    return async_to_sync(async_request)(app, path, method, query, **headers)


async def async_request(app, path, method="GET", query=b"", **headers):
    scope = {
        "type": "http",
        "method": method,
        "scheme": "http",
        "path": path,
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"testserver")]
        + [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()],
    }

    communicator = ApplicationCommunicator(app, scope)
    await communicator.send_input({"type": "http.request", "body": b""})
    start = await communicator.receive_output(timeout=10)
    body = await communicator.receive_output(timeout=10)
    await communicator.wait()
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body["body"]


@pytest.fixture
def front():
    django = Django()
    return PageCacheApp(django), django


@pytest.mark.parametrize("url", [GROUP_EN, GROUP_ES, "/es/"])
def test_a_stored_page_is_sent_as_django_sent_it(client, front, url):
    app, django = front
    stored = client.get(url)
    assert stored["X-Page-Cache"] == "miss"
    status, headers, body = request(app, url)
    assert django.paths == []
    assert (status, body) == (200, stored.content)
    assert headers["x-page-cache"] == "hit"
    assert headers["content-length"] == str(len(stored.content))
    for name in ("Content-Type", "Content-Language", "ETag", "Cache-Control", "Content-Security-Policy"):
        assert headers[name.lower()] == stored[name], name


def test_head_and_revalidation(client, front):
    app, django = front
    stored = client.get(GROUP_EN)
    etag = stored["ETag"]
    status, headers, body = request(app, GROUP_EN, method="HEAD")
    assert (status, body) == (200, b"") and int(headers["content-length"]) == len(stored.content)
    status, headers, body = request(app, GROUP_EN, if_none_match=etag)
    assert (status, body, headers["etag"]) == (304, b"", etag)
    status, _headers, _body = request(app, GROUP_EN, if_none_match='"another"')
    assert status == 200
    assert django.paths == []


def test_what_the_cache_must_not_answer_goes_to_django(client, front, settings):
    app, django = front
    client.get(GROUP_EN), client.get(f"{GROUP_EN}?page=2")
    assert request(app, GROUP_EN, cookie=f"{settings.SESSION_COOKIE_NAME}=abc")[2] == b"from django"
    assert request(app, GROUP_EN, user_agent=IE9)[2] == b"from django"
    assert request(app, GROUP_EN, method="POST")[2] == b"from django"
    assert request(app, GROUP_EN, query=b"page=3")[2] == b"from django"  # never stored
    assert request(app, "/admin/")[2] == b"from django"
    assert request(app, GROUP_EN, query=b"\xff")[2] == b"from django"
    settings.SECURE_SSL_REDIRECT = True  # plain HTTP must reach Django's redirect
    assert request(app, GROUP_EN)[2] == b"from django"
    assert len(django.paths) == 7
    settings.SECURE_SSL_REDIRECT = False
    assert request(app, GROUP_EN, query=b"page=2")[0] == 200
    assert request(app, GROUP_EN, cookie="consent=yes")[0] == 200  # other cookies are no reason


def test_a_publish_takes_the_stored_page_out_at_once(client, front):
    app, django = front
    client.get(GROUP_EN), client.get(GROUP_ES)
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    page.summary_es = "Resumen recién publicado."
    page.save_revision().publish()
    assert request(app, GROUP_ES)[2] == b"from django"
    assert request(app, GROUP_EN)[2] == b"from django"
    refreshed = client.get(GROUP_ES)
    assert "Resumen recién publicado." in refreshed.content.decode()
    assert request(app, GROUP_ES)[2] == refreshed.content


def test_compressed_and_plain_copies_are_stored_apart(client, front):
    app, django = front
    plain = client.get(GROUP_EN)
    compressed = client.get(GROUP_EN, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip" and "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    status, headers, body = request(app, GROUP_EN, accept_encoding="br, gzip")
    assert headers["content-encoding"] == "gzip" and gzip.decompress(body) == plain.content
    status, headers, body = request(app, GROUP_EN)
    assert "content-encoding" not in headers and body == plain.content
    assert django.paths == []


def test_links_with_tracking_parameters_get_the_stored_page(client, front):
    app, django = front
    stored = client.get(GROUP_ES)
    for query in (b"fbclid=IwAR0a", b"utm_source=x&utm_content=%C3%B1", b"utm%5Fcampaign=cumbre&gclid=9"):
        assert request(app, GROUP_ES, query=query)[2] == stored.content, query
    assert request(app, GROUP_ES, query=b"page=2&fbclid=1")[2] == b"from django"
    assert django.paths == [GROUP_ES]


class SlowDjango:
    """Builds and stores a page only when released, as a crowd arrives at it."""

    def __init__(self, key, stores=True):
        self.key, self.stores, self.calls = key, stores, 0
        self.release = asyncio.Event()

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await self.release.wait()
        if self.stores:
            store(self.key, ([("Content-Type", "text/html; charset=utf-8")], b"built once"))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"built"})


def crowd(app, django, size):
    async def arrive():
        visits = [asyncio.create_task(async_request(app, GROUP_EN)) for _ in range(size)]
        await asyncio.sleep(0.05)  # every request is in before the page is done
        django.release.set()
        return [body for _status, _headers, body in await asyncio.gather(*visits)]

    return async_to_sync(arrive)()


@pytest.mark.parametrize("stores", [True, False])
def test_a_crowd_at_a_page_being_built_waits_for_that_build(stores):
    key = cache_key("http", "testserver", GROUP_EN, "", None)
    django = SlowDjango(key, stores)
    bodies = crowd(PageCacheApp(django), django, 20)
    if stores:
        assert django.calls == 1
        assert sorted(bodies) == [b"built"] + [b"built once"] * 19
    else:  # nothing was stored (an error page, say): each request is answered by Django
        assert django.calls == 20 and bodies == [b"built"] * 20
