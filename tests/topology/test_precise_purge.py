"""A change purges exactly what it changed: the whole site is crawled through Varnish in both
languages, each kind of content is changed once, and every crawled page is then compared with a
fresh render by an app server. Nothing may be stale; what is still stored is reported."""

import http.client
from urllib.parse import urlsplit

from caching import dependencies
from tests.processes import django_process

from .site import page_id
from .visit import compare, crawl_urls, fetch_all, get

GROUP = "/en/technical-groups/tourism/"
# Shown on every page of the site (its menus): a change to it may empty the cache.
EVERYWHERE = {"move"}


def test_each_change_purges_what_it_changed_and_nothing_is_stale(cluster, admin_on_a):
    urls = crawl_urls(cluster)
    assert len(urls) >= 200
    fetch_all(cluster.url, urls)  # stored
    stale, kept = compare(cluster, urls)
    assert stale == [] and kept > 0.98

    group = page_id(cluster, GROUP)
    # The other changes are an operator's, in one `manage.py shell` session (tests/processes.py).
    with django_process(cluster.env) as shell:
        report = {
            name: change_and_compare(cluster, urls, name, change)
            for name, change in changes(admin_on_a, shell, group).items()
        }
    print("share of the crawl still stored after each change:", report)
    assert report["group summary"] >= 0.8


def changes(admin_on_a, shell, group):
    """{name: make the change}, one for each kind of content."""
    return {
        "group summary": lambda: admin_on_a.edit_page(
            group, summary_en="A precise summary.", summary_es="Un resumen preciso."
        ),
        "coordinator": lambda: shell.run(
            "from workgroups.models import Coordinator; c = Coordinator.objects.order_by('pk').first(); "
            "c.role_en, c.role_es = 'Precise coordinator', 'Coordinador preciso'; c.save()"
        ),
        "country": lambda: shell.run(
            "from base.models import MemberCountry; c = MemberCountry.objects.get(code='PE'); "
            "c.name_en = 'Peru (precise)'; c.save()"
        ),
        "document title": lambda: shell.run(
            "from wagtail.documents import get_document_model; "
            "d = get_document_model().objects.order_by('pk').first(); "
            "d.title_en = d.title_en + ' (precise)'; d.save()"
        ),
        "news item": lambda: shell.run(
            "from news.models import NewsItemPage; p = NewsItemPage.objects.live().order_by('pk').first(); "
            "p.title_en = p.title_en + ' (precise)'; p.save_revision().publish()"
        ),
        "move": lambda: shell.run(
            "from wagtail.models import Page; home = Page.objects.get(depth=2); "
            "first = home.get_children().first(); first.move(home, pos='last-child')"
        ),
    }


def change_and_compare(cluster, urls, name, change):
    """The share of the crawl still stored after the change; no page may be stale."""
    change()
    stale, kept = compare(cluster, urls)
    assert stale == [], (name, stale[:10])
    if name not in EVERYWHERE:
        assert kept > 0.3, (name, kept)  # never the whole site
    return kept


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
