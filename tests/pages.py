"""Helpers shared by the page tests: fetch a page and read its HTML."""

import html as html_module
import re
from html.parser import HTMLParser

from django.utils import translation


def get_ok(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def url_in(language, page):
    """The page's URL path in `language`."""
    with translation.override(language):
        return page.get_url()


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.alternates, self.html_lang = [], {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]


def parse(html):
    collector = LinkCollector()
    collector.feed(html)
    return collector


def text_of(html):
    """The visible words of a page, whitespace collapsed, for asserting on sentences."""
    return re.sub(r"[ \t\r\n]+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))
