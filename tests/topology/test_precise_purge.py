"""A change purges exactly what it changed: the whole site is crawled through Varnish in both
languages, each kind of content is changed once, and every crawled page is then compared with a
fresh render by an app server. Nothing may be stale; what is still stored is reported."""

import http.client
import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from caching import dependencies

from .site import get, page_id

GROUP = "/en/technical-groups/tourism/"
DATA = [
    f"/{lang}/api/v1/{name}.{kind}"
    for lang in ("en", "es")
    for name in ("groups", "projects", "observers", "news", "events")
    for kind in ("json", "csv")
]
EXTRA = (
    "/sitemap.xml",
    *DATA,
    *(f"/{lang}/{feed}" for lang in ("en", "es") for feed in ("api/v1/projects.atom", "feeds/news.atom")),
    "/en/cooperation-projects/?status=concluded",
    "/es/proyectos-de-cooperacion/?country=CL",
    "/en/search/?q=group",
    "/es/buscar/?q=grupo",
)
# Shown on every page of the site (its menus): a change to it may empty the cache.
EVERYWHERE = {"move"}


def crawl_urls(cluster):
    """Every page of the sitemap (both languages), and the data files."""
    sitemap = get(cluster.url + "/sitemap.xml").text
    paths = {urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    paths |= {urlsplit(url).path for url in re.findall(r'hreflang="[a-z]{2}" href="([^"]+)"', sitemap)}
    return sorted(paths | set(EXTRA))


def fetch_all(base, urls, **headers):
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(urls, pool.map(lambda url: get(base + url, **headers), urls), strict=True))


def compare(cluster, urls):
    """(stale urls, share still stored): Varnish's answers against a fresh render by app server B."""
    through_varnish = fetch_all(cluster.url, urls)
    # Pages carry absolute links: asked by the name visitors use.
    fresh = fetch_all(cluster.app_url("b"), urls, Host=urlsplit(cluster.url).netloc)
    stale = [
        url
        for url in urls
        # What Varnish passes (the contact form, with its CSRF token) it never stores.
        if through_varnish[url].headers.get("X-Cache") != "pass"
        and (through_varnish[url].status_code, through_varnish[url].content)
        != (fresh[url].status_code, fresh[url].content)
    ]
    stored = [url for url in urls if through_varnish[url].headers.get("X-Cache") != "pass"]
    kept = [url for url in stored if through_varnish[url].headers.get("X-Cache") == "hit"]
    return stale, len(kept) / len(stored)


def test_each_change_purges_what_it_changed_and_nothing_is_stale(cluster, admin_on_a):
    urls = crawl_urls(cluster)
    assert len(urls) >= 200
    fetch_all(cluster.url, urls)  # stored
    stale, kept = compare(cluster, urls)
    assert stale == [] and kept > 0.98

    group = page_id(cluster, GROUP)
    changes = {
        "group summary": lambda: admin_on_a.edit_page(
            group, summary_en="A precise summary.", summary_es="Un resumen preciso."
        ),
        "coordinator": lambda: cluster.shell(
            "from workgroups.models import Coordinator; c = Coordinator.objects.order_by('pk').first(); "
            "c.role_en, c.role_es = 'Precise coordinator', 'Coordinador preciso'; c.save(); print('changed')"
        ),
        "country": lambda: cluster.shell(
            "from base.models import MemberCountry; c = MemberCountry.objects.get(code='PE'); "
            "c.name_en = 'Peru (precise)'; c.save(); print('changed')"
        ),
        "document title": lambda: cluster.shell(
            "from wagtail.documents import get_document_model; "
            "d = get_document_model().objects.order_by('pk').first(); "
            "d.title_en = d.title_en + ' (precise)'; d.save(); print('changed')"
        ),
        "news item": lambda: cluster.shell(
            "from news.models import NewsItemPage; p = NewsItemPage.objects.live().order_by('pk').first(); "
            "p.title_en = p.title_en + ' (precise)'; p.save_revision().publish(); print('changed')"
        ),
        "move": lambda: cluster.shell(
            "from wagtail.models import Page; home = Page.objects.get(depth=2); "
            "first = home.get_children().first(); first.move(home, pos='last-child'); print('changed')"
        ),
    }
    report = {}
    for name, change in changes.items():
        change()
        stale, kept = compare(cluster, urls)
        report[name] = kept
        assert stale == [], (name, stale[:10])
        if name not in EVERYWHERE:
            assert kept > 0.3, (name, kept)  # never the whole site
    print("share of the crawl still stored after each change:", report)
    assert report["group summary"] >= 0.8


def test_only_the_app_servers_may_purge_and_visitors_never_see_keys(cluster):
    url = cluster.url + GROUP
    get(url), get(url)
    response = get(url)
    assert response.headers["X-Cache"] == "hit"
    assert "xkey" not in response.headers and "X-Shared" not in response.headers
    group_key = dependencies.hashed(f"page:{page_id(cluster, GROUP)}")

    # From another address than the app servers': refused (127.0.0.2 is this machine too).
    host, port = urlsplit(cluster.url).hostname, urlsplit(cluster.url).port
    connection = http.client.HTTPConnection(host, port, timeout=5, source_address=("127.0.0.2", 0))
    connection.request("PURGE", "/", headers={"xkey": group_key})
    assert connection.getresponse().status == 405
    # A key sent with a visit purges nothing either.
    get(url, xkey=group_key)
    assert get(url).headers["X-Cache"] == "hit"

    # From an app server's address: purged.
    connection = http.client.HTTPConnection(host, port, timeout=5)
    connection.request("PURGE", "/", headers={"xkey": group_key})
    assert connection.getresponse().status == 200
    assert get(url).headers["X-Cache"] == "miss"
