"""A plain-HTTP crawler: from the home pages, every internal page, link and resource it reaches.

No browser is needed to know that a link resolves, so the crawl uses the standard library
against the live server; the browser tests then reuse the pages it found.
"""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

MAX_URLS = 2000  # a safety net against a crawl that never ends (e.g. links that grow a query)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
# Links to these are checked like any other, but what they return is not parsed as a page.
NOT_PAGES = ("/static/", "/media/", "/documents/")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is reported as the 3xx it is


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(url, headers=None):
    """(status, content type, body) of a GET, without following redirects."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback only)
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


class PageParser(HTMLParser):
    """Every URL a page refers to, with the element that refers to it, and the page's ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs = []  # (what, url): what is "a", "stylesheet", "script", "img", "alternate"...
        self.alternates = {}  # hreflang -> href of <link rel="alternate">
        self.ids = set()
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "a" and attrs.get("href") is not None:
            self.refs.append(("a", attrs["href"]))
        elif tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            self.refs.append((rel, attrs["href"]))
            if rel == "alternate" and attrs.get("hreflang"):
                self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and attrs.get("src"):
            self.refs.append((tag, attrs["src"]))
        elif tag == "form":
            self.refs.append(("form", attrs.get("action") or ""))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.refs.append((tag, candidate.split()[0]))


@dataclass
class Page:
    url: str
    html: str
    lang: str
    alternates: dict
    ids: set


@dataclass
class Crawl:
    origin: str
    pages: dict = field(default_factory=dict)  # url -> Page
    resources: dict = field(default_factory=dict)  # url -> content type
    statuses: dict = field(default_factory=dict)  # url -> HTTP status
    referrers: dict = field(default_factory=dict)  # url -> first page that refers to it
    references: int = 0  # every link, image, stylesheet, script... found, counted each time
    external: set = field(default_factory=set)  # (what, url) pointing off the site
    broken: list = field(default_factory=list)  # human-readable problems

    def is_internal(self, url):
        parts = urlsplit(url)
        return parts.scheme in {"http", "https"} and f"{parts.scheme}://{parts.netloc}" == self.origin


def normalise(url):
    """The URL without its fragment, and without an empty query ("?")."""
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


MAIL_LINK = re.compile(r"mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def crawl(origin, start_paths):
    """Fetch every internal URL reachable from `start_paths`; see Crawl for what is recorded."""
    result = Crawl(origin=origin)
    queue = [origin + path for path in start_paths]
    seen = set(queue)
    fragments = []  # (page url, target url, fragment) checked once every page is known
    while queue:
        url = queue.pop(0)
        if len(seen) > MAX_URLS:
            result.broken.append(f"the crawl stopped after {MAX_URLS} URLs; is something generating links?")
            break
        status, content_type, body = fetch(url)
        result.statuses[url] = status
        where = result.referrers.get(url, "the start")
        if status != 200:
            result.broken.append(f"{url} answered {status} (linked from {where})")
            continue
        path = urlsplit(url).path
        if content_type == "text/html" and not path.startswith(NOT_PAGES):
            found = _read_page(result, url, body.decode())
        elif content_type == "text/css":
            result.resources[url] = content_type
            found = [("css", ref) for ref in CSS_URL.findall(body.decode()) if not ref.startswith("data:")]
        else:
            result.resources[url] = content_type
            found = []
        for what, ref in found:
            result.references += 1
            target = urljoin(url, ref.strip())
            scheme = urlsplit(target).scheme
            if scheme in {"mailto", "tel"}:
                if scheme == "mailto" and not MAIL_LINK.fullmatch(target):
                    result.broken.append(f"{url}: malformed e-mail link {ref!r}")
                continue
            if not result.is_internal(target):
                result.external.add((what, target))
                continue
            fragment = urldefrag(target).fragment
            target = normalise(target)
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                result.referrers[target] = url
                queue.append(target)
    for page_url, target, fragment in fragments:
        page = result.pages.get(target)
        if page is not None and fragment not in page.ids:
            result.broken.append(f"{page_url}: link to #{fragment}, which {target} does not have")
    return result


def _read_page(result, url, html):
    parser = PageParser()
    parser.feed(html)
    result.pages[url] = Page(url, html, parser.html_lang, parser.alternates, parser.ids)
    return parser.refs
