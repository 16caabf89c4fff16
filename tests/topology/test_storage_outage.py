"""The S3 server down: an upload gives the form back, a download is a clean 503 (directly and
through Varnish), what Varnish holds is still served, each app server logs the outage once, and
everything works again once S3 is back."""

import secrets

from .site import eventually
from .test_cache_tier import a_pdf, a_png, media_url
from .visit import get

GROUP = "/en/technical-groups/cooperation/"
MESSAGE = "The file storage is unavailable, so nothing was saved."
COUNT_DOCUMENTS = "from documents.models import LegalDocument; print(LegalDocument.objects.count())"


def log_lines(cluster, app, text):
    log = (cluster.folder / f"app-{app}.log").read_text(errors="replace")
    return [line for line in log.splitlines() if text in line]


def test_an_s3_outage_keeps_the_site_up_answers_cleanly_and_recovers(cluster, admin_on_a):
    title = f"Before the outage {secrets.token_hex(4)}"
    admin_on_a.upload("documents", title, "before.pdf", a_pdf(), "application/pdf")
    admin_on_a.upload("images", title, "before.png", a_png(), "image/png")
    document_url = media_url(cluster, ("wagtail.documents", "get_document_model"), title, "url")
    rendition_url = media_url(
        cluster, ("wagtail.images", "get_image_model"), title, "get_rendition('width-40').url"
    )
    stored = {url: get(cluster.url + url).content for url in (rendition_url, GROUP)}  # now in Varnish
    assert get(cluster.url + rendition_url).headers["X-Cache"] == "hit"
    documents_before = cluster.shell(COUNT_DOCUMENTS)

    cluster.stop("s3")
    try:
        for url, content in stored.items():
            response = get(cluster.url + url)
            assert response.status_code == 200 and response.content == content, url
        for base in (cluster.url, cluster.app_url("a"), cluster.app_url("b")):
            for _attempt in range(2):
                response = get(base + document_url)
                assert response.status_code == 503, base
                assert response.headers["Retry-After"] and "no-store" in response.headers["Cache-Control"]
                assert b"Temporarily unavailable" in response.content
        answer = admin_on_a.upload("documents", "During the outage", "during.pdf", a_pdf(), "application/pdf")
        assert answer.headers["Location"] == "/admin/documents/add/"  # the form again, not the listing
        form = admin_on_a.http.get(admin_on_a.base_url + answer.headers["Location"], timeout=10)
        assert form.status_code == 200 and MESSAGE in form.text
        assert cluster.shell(COUNT_DOCUMENTS) == documents_before  # nothing half-written
        assert get(cluster.app_url("b") + "/health/").json()["storage"] == "unavailable"
        assert len(log_lines(cluster, "a", "File storage unavailable")) == 1  # once, not per request
    finally:
        cluster.start_s3()  # moto keeps nothing: an empty bucket again

    assert eventually(lambda: get(cluster.app_url("b") + "/health/").json()["status"] == "ok", seconds=10)
    after = f"After the outage {secrets.token_hex(4)}"
    pdf = a_pdf()
    admin_on_a.upload("documents", after, "after.pdf", pdf, "application/pdf")
    new_document_url = media_url(cluster, ("wagtail.documents", "get_document_model"), after, "url")
    assert get(cluster.url + new_document_url).content == pdf
    assert eventually(lambda: len(log_lines(cluster, "a", "File storage reachable again")) == 1, seconds=10)
    assert len(log_lines(cluster, "a", "File storage unavailable")) == 1
