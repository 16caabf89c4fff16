"""Fixtures of the browser tests: the site served for real, headless Chromium, the crawl.

The server is Django's live-server thread, started once per session on a free loopback port. It
runs in this process so that it sees the test database, even SQLite's in-memory one: it then
shares this process's connection (so it answers one request at a time) and each test's
transaction, rolled back after the test. On PostgreSQL it opens its own connections and sees
what is committed, such as the content that tests/conftest.py loads; what it writes stays, which
is why the browser tests run after every other test.

Every browser test is marked `browser` (run them alone with `pytest -m browser`) and `django_db`.
"""

import os
import threading
import time

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

from tests.browser import tools
from tests.browser.crawl import crawl
from tests.browser.figures import FIGURES

START_PATHS = ["/en/", "/es/"]


class _OneRequestAtATime:
    """WSGI middleware: requests are read in parallel, but answered one after the other.

    An in-memory SQLite database lives in one connection, which the server shares with the tests;
    it must not be used by several threads at once. A single-threaded server would do that too,
    but then one idle connection (browsers open some in advance) would hold up every request.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()  # sends request_finished, which tidies the connections


@pytest.fixture(scope="session")
def site_url(django_db_setup, django_db_blocker):
    """Base URL ("http://127.0.0.1:PORT") of the site, served with the test database."""
    shared = {
        conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = LiveServerThread(
        "127.0.0.1", lambda app: _OneRequestAtATime(StaticFilesHandler(app)), connections_override=shared
    )
    thread.daemon = True
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture(scope="session")
def site_crawl(site_url, django_db_blocker):
    """Everything reachable from both home pages, fetched once over plain HTTP."""
    started = time.monotonic()
    with django_db_blocker.unblock():
        result = crawl(site_url, START_PATHS)
    FIGURES["pages crawled"] = len(result.pages)
    FIGURES["links checked"] = result.references
    FIGURES["distinct internal URLs fetched"] = len(result.statuses)
    FIGURES["crawl seconds"] = round(time.monotonic() - started, 1)
    return result


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium, driven by Playwright (which downloads no browser of its own).

    One per module: a worker runs other tests between browser modules, and those must not run
    inside Playwright's event loop (nor with DJANGO_ALLOW_ASYNC_UNSAFE set)."""
    sync_playwright = tools.require_playwright()
    executable = tools.require_chromium()
    # Playwright's sync API keeps its asyncio loop marked as running on this thread. Django then
    # (1) refuses ORM calls: they are safe here, since they never run while the loop works
    # (Playwright switches to it only inside its own calls), and the variable is only set
    # while a browser module runs; and (2) keeps database connections per async
    # context, so this thread would open new ones: it keeps those it had instead (with
    # in-memory SQLite, the one connection that the server shares).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    own_connections = list(connections.all())
    try:
        with sync_playwright() as playwright:
            for connection in own_connections:
                connections[connection.alias] = connection
            # launch() gives the browser a fresh, temporary user-data directory of its own.
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=tools.CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class BrowserPage:
    """A Playwright page in its own context, recording what would hide a problem from a test."""

    def __init__(self, context, site_url):
        self.context = context
        self.page = context.new_page()
        self.site_url = site_url
        self.console_errors = []
        self.failed_requests = []
        self.third_party = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_request_failed)
        # Only the site itself may be asked for anything: no fonts, analytics or CDNs. Watched, not
        # intercepted: Playwright turns the browser's cache off for a context with routes, and
        # each page would fetch every stylesheet, script and icon again (this machine reaches no
        # other site anyway).
        context.on("request", self._only_the_site)

    def _on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request_failed(self, request):
        # Chromium abandons a load (the icon, say) when the test moves on; the server still answered
        # (answers of 400 and more are caught in _on_response).
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.failure} {request.url}")

    def _on_response(self, response):
        if response.status >= 400:
            self.failed_requests.append(f"{response.status} {response.url}")

    def _only_the_site(self, request):
        if not request.url.startswith((self.site_url + "/", "data:", "blob:", "about:")):
            self.third_party.append(request.url)

    def goto(self, path):
        response = self.page.goto(self.site_url + path)
        assert response is not None and response.status == 200, (
            f"{path} answered {response and response.status}"
        )
        return self.page

    def assert_clean(self):
        assert not self.third_party, f"requests to other sites: {self.third_party}"
        assert not self.failed_requests, f"failed requests: {self.failed_requests}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@pytest.fixture
def open_page(chromium, site_url):
    """open_page(**context options) -> BrowserPage; contexts are closed after the test."""
    contexts = []

    def opener(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = chromium.new_context(base_url=site_url, **options)
        contexts.append(context)
        return BrowserPage(context, site_url)

    yield opener
    for context in contexts:
        context.close()
