"""What the topology tests do over HTTP: visit as anyone, edit as an editor in the real admin, crawl
the site through Varnish and compare it with fresh renders (bench/precise_purge.py does too)."""

import re
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import requests
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def get(url, **headers):
    return requests.get(url, headers={"User-Agent": BROWSER, **headers}, timeout=10, allow_redirects=False)


def eventually(check, seconds=1.0, interval=0.05):
    """Whether check() comes true within `seconds` (re-tried; never a timed assertion of speed)."""
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


def page_id(cluster, url_path_en):
    """The id of the page at this English path, asked from the cluster's own database."""
    script = (
        "from wagtail.models import Page; "
        f"print(next(p.id for p in Page.objects.specific() if p.get_url() == {url_path_en!r}))"
    )
    return int(cluster.shell(f"from django.utils import translation; translation.activate('en'); {script}"))


class AdminSession:
    """Signed in to the admin of one app server, submitting its forms as a browser does."""

    def __init__(self, base_url, username, password):
        self.base_url = base_url
        self.http = requests.Session()
        self.http.headers["User-Agent"] = BROWSER
        login = self.http.get(f"{base_url}/admin/login/", timeout=10)
        data = self.form(login.text, form_selector="form")
        data.update(
            {"username": username, "password": password, "csrfmiddlewaretoken": login.cookies["csrftoken"]}
        )
        response = self.http.post(f"{base_url}/admin/login/", data=data, timeout=10, allow_redirects=False)
        assert response.status_code == 302, response.text[:500]

    @staticmethod
    def form(html, form_id=None, form_selector=None):
        if form_id:
            data = querydict_from_html(html, form_id=form_id)
            disabled = WagtailTestUtils.get_soup(html).select(f"#{form_id} [disabled]")
        else:
            soup = WagtailTestUtils.get_soup(html)
            form = soup.select_one(form_selector)
            data = querydict_from_html(str(form), form_index=0)
            disabled = form.select("[disabled]")
        for element in disabled:
            data.pop(element.get("name"), None)
        return dict(data.lists())

    def token(self):
        return {"csrfmiddlewaretoken": [self.http.cookies["csrftoken"]]}

    def edit_page(self, page, publish=True, **fields):
        """Change fields of a page through its edit view, then publish it (or save a draft)."""
        url = f"{self.base_url}/admin/pages/{page}/edit/"
        data = self.form(self.http.get(url, timeout=10).text, form_id="page-edit-form")
        for name, value in fields.items():
            data[name] = [value]
        data.pop("action-publish", None)
        data.update(self.token())
        if publish:
            data["action-publish"] = ["action-publish"]
        response = self.http.post(url, data=data, timeout=30, allow_redirects=False)
        assert response.status_code == 302, response.text[:2000]
        return response

    def upload(self, kind, title, filename, content, content_type):
        """Upload a document or an image through its admin add form, as a browser would."""
        url = f"{self.base_url}/admin/{kind}/add/"
        data = self.form(
            self.http.get(url, timeout=10).text, form_selector='form[enctype="multipart/form-data"]'
        )
        data["title"] = [title]
        data.update(self.token())
        data.pop("file", None)
        response = self.http.post(
            url,
            data=data,
            files={"file": (filename, content, content_type)},
            timeout=30,
            allow_redirects=False,
        )
        assert response.status_code == 302, response.text[:3000]
        return response


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
