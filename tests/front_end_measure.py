"""What a browser downloads for a page: the HTML and every resource it makes the browser fetch, as transferred."""

import gzip
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import brotli  # whitenoise[brotli] needs it too, to write the .br files
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from whitenoise.compress import Compressor

LANGUAGES = ["en", "es"]
TOTAL_BUDGET = 100_000  # bytes transferred, HTML included
JS_BUDGET = 10_000
FONT_SUBSET_MAX = 35_000  # a WOFF2 Latin subset of a text face; whole fonts are several times that
HOST = "testserver"
MODERN_IMAGE_TYPES = {".avif", ".webp", ".svg"}
RASTER_TYPES = {".avif", ".webp", ".png", ".jpg", ".jpeg", ".gif"}
# <link rel> values that make the browser fetch something.
FETCHED_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "preload", "modulepreload", "manifest"}
ICONS = {"icon", "apple-touch-icon", "mask-icon"}
PRELOADED = {"script": "js", "style": "css", "font": "font", "image": "image"}
NESTING = {"article", "section", "aside", "li", "footer", "dialog"}  # a <header> in these is not the page's
CONNECTING_RELS = {"preconnect", "dns-prefetch", "prefetch", "prerender"}
ALREADY_COMPRESSED = {f".{extension}" for extension in Compressor.SKIP_COMPRESS_EXTENSIONS}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)""")
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.IGNORECASE)


def compressed_size(data):
    """Brotli at its best, as WhiteNoise writes it (and smaller than gzip -9, which is the fallback)."""
    return min(len(brotli.compress(data, quality=11)), len(gzip.compress(data, compresslevel=9)))


def transfer_size(url, data):
    """Bytes on the wire: compressed, unless the format is compressed already (or gains nothing)."""
    if PurePosixPath(urlsplit(url).path).suffix.lower() in ALREADY_COMPRESSED:
        return len(data)
    return min(len(data), compressed_size(data))


def same_origin(url):
    parts = urlsplit(url)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", HOST)


@dataclass
class Image:
    attrs: dict
    above_the_fold: bool
    in_picture: bool
    modern_sources: bool


class PageResources(HTMLParser):
    """What an HTML page makes a browser fetch, and its images with their attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched = []  # (kind, url)
        self.connections = []  # hosts the page asks to connect to ahead of time
        self.images = []
        self.inline_scripts = []
        self.inline_styles = []
        self.nesting = 0
        self.open_headers = []
        self.picture = None
        self._script = None
        self._style = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag in NESTING:
            self.nesting += 1
        if tag == "header":
            # The site's header and the page's own, not those of articles, sections or cards.
            self.open_headers.append(self.nesting == 0)
        elif tag == "link":
            self.handle_link(attrs)
        elif tag == "script":
            if attrs.get("src"):
                self.fetched.append(("js", attrs["src"]))
            else:
                self._script = []
        elif tag == "style":
            self._style = []
        elif tag == "picture":
            self.picture = {"modern": False}
        elif tag == "source" and self.picture is not None:
            if attrs.get("type", "").lower() in ("image/avif", "image/webp"):
                self.picture["modern"] = True
        elif tag == "img":
            self.images.append(
                Image(
                    attrs=attrs,
                    above_the_fold=any(self.open_headers),
                    in_picture=self.picture is not None,
                    modern_sources=bool(self.picture and self.picture["modern"]),
                )
            )
            if attrs.get("src"):
                self.fetched.append(("image", attrs["src"]))
        elif tag in ("video", "audio", "iframe", "embed", "object"):
            source = attrs.get("src") or attrs.get("data") or attrs.get("poster")
            if source:
                self.fetched.append(("other", source))
        if attrs.get("style"):
            self.inline_styles.append(attrs["style"])

    def handle_link(self, attrs):
        rels = set(attrs.get("rel", "").lower().split())
        if rels & FETCHED_RELS and attrs.get("href"):
            if "stylesheet" in rels:
                kind = "css"
            elif "modulepreload" in rels:
                kind = "js"
            elif "preload" in rels:
                kind = PRELOADED.get(attrs.get("as", ""), "other")
            elif rels & ICONS:
                kind = "image"
            else:
                kind = "other"
            self.fetched.append((kind, attrs["href"]))
        if rels & CONNECTING_RELS and attrs.get("href"):
            self.connections.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in NESTING:
            self.nesting = max(0, self.nesting - 1)
        if tag == "header" and self.open_headers:
            self.open_headers.pop()
        elif tag == "picture":
            self.picture = None
        elif tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None
        elif tag == "style" and self._style is not None:
            self.inline_styles.append("".join(self._style))
            self._style = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self._style is not None:
            self._style.append(data)


def fetch(client, url):
    """The bytes behind a same-origin URL: static and media files from disk, anything else from the site."""
    path = unquote(urlsplit(url).path)
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        found = finders.find(name)
        if found:
            return Path(found).read_bytes()
    if path.startswith(settings.MEDIA_URL) and default_storage.exists(path[len(settings.MEDIA_URL) :]):
        with default_storage.open(path[len(settings.MEDIA_URL) :]) as media:
            return media.read()
    response = client.get(urlsplit(url)._replace(scheme="", netloc="").geturl())
    assert response.status_code == 200, f"{url} answers {response.status_code}"
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@dataclass
class Resource:
    kind: str
    url: str
    data: bytes

    @property
    def transferred(self):
        return transfer_size(self.url, self.data)


@dataclass
class Page:
    url: str
    html: bytes
    parsed: PageResources
    resources: list
    third_party: list
    fonts: list  # (font url, its @font-face rule)

    @property
    def transferred(self):
        return transfer_size(self.url, self.html) + sum(r.transferred for r in self.resources)

    @property
    def uncompressed(self):
        return len(self.html) + sum(len(r.data) for r in self.resources)

    def js(self, transferred=True):
        inline = sum(len(script.encode()) for script in self.parsed.inline_scripts)
        scripts = [r for r in self.resources if r.kind == "js"]
        return inline + sum(r.transferred if transferred else len(r.data) for r in scripts)

    def figures(self):
        lines = [f"{self.url}: {self.transferred:,} B transferred ({self.uncompressed:,} B uncompressed)"]
        lines.append(f"  HTML {transfer_size(self.url, self.html):,} B ({len(self.html):,})")
        lines += [f"  {r.kind:5} {r.transferred:,} B ({len(r.data):,}) {r.url}" for r in self.resources]
        return "\n".join(lines)


def css_references(css, base_url):
    """(kind, url, @font-face text or None) of what a stylesheet makes the browser fetch."""
    references = []
    fonts = set()
    for face in FONT_FACE.finditer(css):
        for match in CSS_URL.finditer(face.group(1)):
            url = next(group for group in match.groups() if group is not None)
            fonts.add(url)
            references.append(("font", url, face.group(0)))
    for match in CSS_IMPORT.finditer(css):
        references.append(("css", match.group(1), None))
    for match in CSS_URL.finditer(css):
        url = next(group for group in match.groups() if group is not None)
        if url not in fonts and not any(ref[1] == url for ref in references):
            references.append(("image", url, None))
    return [
        (kind, urljoin(base_url, url), face) for kind, url, face in references if not url.startswith("data:")
    ]


def measure(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content
    parsed = PageResources()
    parsed.feed(html.decode(response.charset or "utf-8"))
    page_url = f"http://{HOST}{url}"
    queue = [(kind, urljoin(page_url, ref), None) for kind, ref in parsed.fetched]
    for style in parsed.inline_styles:
        queue += css_references(style, page_url)
    resources, third_party, fonts, seen = [], [], [], set()
    third_party += [ref for ref in parsed.connections if not same_origin(urljoin(page_url, ref))]
    while queue:
        kind, ref, face = queue.pop(0)
        if kind == "font":
            fonts.append((ref, face))
        if ref in seen:
            continue
        seen.add(ref)
        if ref.startswith("data:"):
            continue
        if not same_origin(ref):
            third_party.append(ref)
            continue
        resource = Resource(kind, ref, fetch(client, ref))
        resources.append(resource)
        if kind == "css":
            queue += css_references(resource.data.decode("utf-8"), ref)
    return Page(url, html, parsed, resources, third_party, fonts)
