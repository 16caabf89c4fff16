"""What the topology tests do over HTTP: visit as anyone (visit.py), edit as an editor in the real
admin."""

import functools
import time

import requests
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from .visit import BROWSER


def eventually(check, seconds=1.0, interval=0.05):
    """Whether check() comes true within `seconds` (re-tried; never a timed assertion of speed)."""
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


@functools.cache
def page_id(cluster, url_path_en):
    """The id of the page at this English path, asked from the cluster's own database once (a
    process of its own, which reads every page: ids never change, even when a page moves)."""
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
