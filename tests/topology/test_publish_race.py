"""A page built while an editor published (`X-Shared: changed`) is fetched again by Varnish,
with every visitor asking for it waiting on that one fetch: the real deploy/varnish/default.vcl,
in front of a small app-server double that answers as the site does in that race."""

import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from deploy.cluster import HOST, Cluster

from .visit import get


class AppServerDouble(BaseHTTPRequestHandler):
    """Answers `changed` (private) to the first `races` fetches of a page, then the page, shareable."""

    races = {}
    fetches = {}
    render_seconds = 0.0
    lock = threading.Lock()

    def do_GET(self):
        if self.path == "/health/":
            return self.answer(b"ok", "no-store")
        with self.lock:
            count = self.fetches[self.path] = self.fetches.get(self.path, 0) + 1
        if count <= self.races.get(self.path, 0):
            return self.answer(f"built meanwhile {count}".encode(), "private", changed=True)
        time.sleep(self.render_seconds)
        return self.answer(f"fresh {count}".encode(), "public, max-age=0, must-revalidate, s-maxage=60")

    def answer(self, body, cache_control, changed=False):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache_control)
        self.send_header("X-Shared", "changed" if changed else "yes")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def varnish():
    if not shutil.which("varnishd"):
        message = "these tests need varnishd (make cluster-deps installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = ThreadingHTTPServer((HOST, 0), AppServerDouble)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder = tempfile.mkdtemp(prefix="alliance-varnish-")
    front = Cluster(folder)
    front.ports.update(a=server.server_port, b=server.server_port)
    try:
        front.start_varnish()
        yield front.url
    finally:
        front.stop_all()
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("path", ["/en/technical-groups/tourism/", "/es/grupos-tecnicos/turismo/"])
def test_a_page_built_during_a_publish_is_fetched_again_and_then_kept(varnish, path):
    AppServerDouble.races[path] = 1
    response = get(varnish + path)
    assert response.status_code == 200
    assert response.text == "fresh 2"
    assert AppServerDouble.fetches[path] == 2
    again = get(varnish + path)
    assert (again.text, again.headers["X-Cache"]) == ("fresh 2", "hit")
    assert AppServerDouble.fetches[path] == 2


def test_a_crowd_waiting_on_a_page_built_during_a_publish_costs_the_app_servers_one_more_fetch(varnish):
    path = "/en/cooperation-projects/"
    AppServerDouble.races[path] = 1
    AppServerDouble.render_seconds = 0.3  # the crowd arrives while the page is built
    try:
        assert set(crowd(varnish + path)) == {"fresh 2"}
    finally:
        AppServerDouble.render_seconds = 0.0
    assert AppServerDouble.fetches[path] == 2


def crowd(url, visitors=24):
    with ThreadPoolExecutor(max_workers=visitors) as pool:
        return list(pool.map(lambda _n: get(url).text, range(visitors)))


def test_a_page_that_keeps_changing_is_delivered_after_three_more_tries_and_not_kept_long(varnish):
    path = "/en/news/"
    AppServerDouble.races[path] = 5
    first = get(varnish + path)
    assert (first.status_code, first.text) == (200, "built meanwhile 4")
    assert first.headers["Cache-Control"] == "private"
    assert AppServerDouble.fetches[path] == 4
    # Varnish's built-in rules would let each visitor fetch it alone for two minutes; here a
    # crowd a moment later waits on one fetch again.
    AppServerDouble.races[path], AppServerDouble.render_seconds = 0, 0.3
    time.sleep(1.5)
    try:
        assert set(crowd(varnish + path)) == {"fresh 5"}
    finally:
        AppServerDouble.render_seconds = 0.0
    assert AppServerDouble.fetches[path] == 5
