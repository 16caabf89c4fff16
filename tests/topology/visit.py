"""Visiting the cluster over HTTP as anyone: one page, or the whole site through Varnish compared
with fresh renders by an app server. Plain HTTP, no Django: bench/precise_purge.py uses it too."""

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def get(url, **headers):
    return requests.get(url, headers={"User-Agent": BROWSER, **headers}, timeout=10, allow_redirects=False)


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
