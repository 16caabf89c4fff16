"""What Varnish stores and answers: shareable pages only, one copy per tracked link, one build per crowd,
the same legacy notice as the site, and uploads that every app server serves alike."""

import io
import re
import secrets
import threading
from pathlib import Path

import requests
from fpdf import FPDF
from PIL import Image

from tests.legacy_browsers.user_agents import USER_AGENTS

from .site import eventually
from .visit import get

GROUP = "/en/technical-groups/cooperation/"
GROUP_ES = "/es/grupos-tecnicos/cooperacion/"
NOTICE = '<div class="legacy-notice" role="region"'


def test_public_pages_are_shared_by_varnish_and_revalidated_by_browsers(cluster):
    direct = get(cluster.app_url("b") + GROUP_ES)
    assert re.search(r"\bs-maxage=\d+", direct.headers["Cache-Control"])
    assert "must-revalidate" in direct.headers["Cache-Control"] and direct.headers["ETag"]
    get(cluster.url + GROUP_ES)
    again = get(cluster.url + GROUP_ES)
    assert again.headers["X-Cache"] == "hit"
    assert get(cluster.url + GROUP_ES, **{"If-None-Match": again.headers["ETag"]}).status_code == 304
    for url in ("/en/api/v1/groups.json", "/es/api/v1/projects.atom", "/sitemap.xml"):
        get(cluster.url + url)
        assert get(cluster.url + url).headers["X-Cache"] == "hit", url


def test_tracked_links_are_one_stored_page(cluster):
    clean = get(cluster.url + GROUP)
    for query in (
        "?utm_source=news&utm_medium=mail",
        "?fbclid=" + secrets.token_hex(8),
        "?gclid=1&utm%5Fcampaign=x",
    ):
        tracked = get(cluster.url + GROUP + query)
        assert tracked.headers["X-Cache"] == "hit", query
        assert tracked.content == clean.content


def test_a_crowd_on_a_page_being_built_makes_one_backend_request(cluster):
    path = f"/es/buscar/?q=grupo+{secrets.token_hex(4)}"
    barrier, statuses = threading.Barrier(16), []

    def visit():
        barrier.wait()
        statuses.append(get(cluster.url + path).status_code)

    crowd = [threading.Thread(target=visit) for _ in range(16)]
    for visitor in crowd:
        visitor.start()
    for visitor in crowd:
        visitor.join(30)
    assert statuses == [200] * 16

    def backend_requests():
        logs = [Path(cluster.folder, f"app-{name}.log").read_text() for name in ("a", "b")]
        return sum(log.count(f"GET {path} ") for log in logs)

    # An app server logs a request once it has answered it: the line may come a moment after.
    assert eventually(lambda: backend_requests() > 0, seconds=10)
    assert backend_requests() == 1


def test_every_browser_gets_the_same_notice_through_varnish_as_from_the_site(cluster):
    get(cluster.url + GROUP), get(cluster.url + GROUP)  # stored, as a current browser saw it
    differ = []
    # Those that an HTTP client can send at all (not empty, no surrounding spaces).
    sendable = [
        (name, ua) for name, ua, _legacy in USER_AGENTS if ua and ua == ua.strip() and ua.isprintable()
    ]
    for name, user_agent in sendable:
        through_varnish = requests.get(cluster.url + GROUP, headers={"User-Agent": user_agent}, timeout=10)
        direct = requests.get(cluster.app_url("b") + GROUP, headers={"User-Agent": user_agent}, timeout=10)
        if (NOTICE in through_varnish.text) != (NOTICE in direct.text):
            differ.append(name)
    assert differ == []
    assert any(legacy for _name, _ua, legacy in USER_AGENTS)


def a_pdf():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=f"Topology test {secrets.token_hex(4)}")
    return bytes(pdf.output())


def a_png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (secrets.randbelow(255), 120, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def media_url(cluster, model, title, expression):
    """A URL of the newest document or image with this title, as the site would link it."""
    script = f"from {model[0]} import {model[1]}; print({model[1]}().objects.filter(title={title!r}).latest('id').{expression})"
    return cluster.shell(script)


def test_uploads_through_a_download_through_b_and_varnish_byte_for_byte(cluster, admin_on_a):
    pdf, png, title = a_pdf(), a_png(), f"Topology upload {secrets.token_hex(4)}"
    admin_on_a.upload("documents", title, "topology.pdf", pdf, "application/pdf")
    admin_on_a.upload("images", title, "topology.png", png, "image/png")

    document_url = media_url(cluster, ("wagtail.documents", "get_document_model"), title, "url")
    original_url = media_url(cluster, ("wagtail.images", "get_image_model"), title, "file.url")
    rendition_url = media_url(
        cluster, ("wagtail.images", "get_image_model"), title, "get_rendition('width-32').url"
    )
    for base in (cluster.app_url("b"), cluster.url):
        assert get(base + document_url).content == pdf, base
        assert get(base + original_url).content == png, base
        rendition = get(base + rendition_url)
        assert rendition.status_code == 200 and rendition.headers["Content-Type"] == "image/png"
    assert get(cluster.url + rendition_url).content == get(cluster.app_url("a") + rendition_url).content
