"""The home page's front-end budget, in both languages: what a phone downloads on a first visit.

- At most 100 kB (100,000 bytes) transferred: the HTML and every resource it makes the browser fetch
  (stylesheets, print one included, scripts, images, icons, preloads, the fonts and images the CSS
  points to), each counted as a browser receives it: compressed (brotli), except formats
  that are compressed already (images, fonts), counted as they are. JavaScript: at most 10 kB of it.
- Every resource from the site itself; no web font unless self-hosted and subset (WOFF2, small).
- Images in modern formats, no larger than shown (twice the width, for dense screens), with width,
  height and alt text; below the first screen (anything outside the site's <header> and the page's own, the
  ones not inside an article, section or list item) lazy-loaded, above it not.
- Collected with the production storage, static files have hashed names (cached for good) and gzip
  and brotli versions, which WhiteNoise serves.
"""

import gzip
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import brotli  # whitenoise[brotli] needs it too, to write the .br files
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from whitenoise.compress import Compressor

from alliance_site.settings import base as base_settings

pytestmark = pytest.mark.django_db

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


@pytest.fixture(params=LANGUAGES)
def home_page(request, client):
    return measure(client, f"/{request.param}/")


def test_home_page_transfers_at_most_100_kb(home_page):
    print(home_page.figures())
    assert home_page.resources, "no stylesheet or script found: the parser missed them"
    assert home_page.transferred <= TOTAL_BUDGET, home_page.figures()


def test_home_page_javascript_is_at_most_10_kb(home_page):
    transferred, uncompressed = home_page.js(), home_page.js(transferred=False)
    print(f"{home_page.url}: JavaScript {transferred:,} B transferred ({uncompressed:,} B uncompressed)")
    assert transferred <= JS_BUDGET, (
        f"JavaScript: {transferred:,} B transferred ({uncompressed:,} B uncompressed)\n{home_page.figures()}"
    )


def test_home_page_loads_nothing_from_another_site(home_page):
    assert home_page.third_party == []


def font_problems(page):
    problems = []
    for url, _face in page.fonts:
        where = f"@font-face {url}"
        if not same_origin(url):
            problems.append(f"{where}: not self-hosted")
            continue
        if PurePosixPath(urlsplit(url).path).suffix.lower() != ".woff2":
            problems.append(f"{where}: not WOFF2")
        font = next((r for r in page.resources if r.url == url), None)
        if font is not None and len(font.data) > FONT_SUBSET_MAX:
            problems.append(f"{where}: {len(font.data):,} B, not a subset (at most {FONT_SUBSET_MAX:,})")
    return problems


def test_home_page_uses_no_web_font_unless_self_hosted_and_subset(home_page):
    stylesheets = [r for r in home_page.resources if r.kind == "css"]
    assert stylesheets, "the home page has no stylesheet: nothing to check"
    # Each @font-face that downloads a font (not only local()) is among the fonts checked.
    web_fonts = {
        face.group(0)
        for stylesheet in stylesheets
        for face in FONT_FACE.finditer(stylesheet.data.decode())
        if CSS_URL.search(face.group(1))
    }
    assert web_fonts == {face for _, face in home_page.fonts}
    print(f"{home_page.url}: {len(web_fonts)} web font(s) in {len(stylesheets)} stylesheet(s)")
    assert font_problems(home_page) == []


def intrinsic_width(data):
    from PIL import Image as PillowImage

    with PillowImage.open(io.BytesIO(data)) as picture:
        return picture.width


def image_problems(page):
    problems = []
    for number, image in enumerate(page.parsed.images, start=1):
        attrs = image.attrs
        where = f"<img> {number} ({attrs.get('src', 'no src')})"
        for name in ("width", "height"):
            if not attrs.get(name, "").isdigit():
                problems.append(f"{where}: no {name}")
        if "alt" not in attrs:
            problems.append(f"{where}: no alt")
        lazy = attrs.get("loading", "").lower() == "lazy"
        if image.above_the_fold and lazy:
            problems.append(f"{where}: on the first screen, but lazy-loaded")
        if not image.above_the_fold and not lazy:
            problems.append(f'{where}: below the first screen, without loading="lazy"')
        suffix = PurePosixPath(urlsplit(attrs.get("src", "")).path).suffix.lower()
        if suffix not in MODERN_IMAGE_TYPES and not image.modern_sources:
            problems.append(f"{where}: not AVIF, WebP or SVG")
        src = urljoin(f"http://{HOST}{page.url}", attrs.get("src", ""))
        resource = next((r for r in page.resources if r.url == src), None)
        if resource is not None and suffix in RASTER_TYPES and attrs.get("width", "").isdigit():
            width = intrinsic_width(resource.data)
            if width > 2 * int(attrs["width"]):  # 2x: sharp on high-density screens, no more
                problems.append(f"{where}: {width} px wide, shown at {attrs['width']}")
    return problems


def test_home_page_images_are_sized_described_modern_and_lazy_below_the_fold(home_page):
    images = home_page.parsed.images
    assert image_problems(home_page) == []
    css_images = [r.url for r in home_page.resources if r.kind == "image"]
    print(f"{home_page.url}: {len(images)} <img>, images fetched: {css_images}")
    if not images:
        # The home page shows no image today: make sure that is so, not a parser's blind spot.
        assert b"<img" not in home_page.html.lower()
        assert b"<picture" not in home_page.html.lower()


def test_the_checks_catch_what_breaks_the_budget():
    """The checks above would fail on a page that breaks the rules (the home page has no image today)."""
    html = """<!DOCTYPE html><html><head>
        <link rel="stylesheet" href="https://cdn.example.com/kit.css">
        <link rel="preconnect" href="https://fonts.gstatic.com">
        <style>@font-face { font-family: X; src: url(https://fonts.gstatic.com/x.ttf); }</style>
        </head><body><header><img src="/logo.svg" width="40" height="40" alt="" loading="lazy"></header>
        <main><header><h1>X</h1></header><img src="/media/photo.jpg"><script>var x = 1;</script>
        <article><header><img src="/a.webp" width="9" height="9" alt="" loading="lazy"></header></article>
        <ul><li><header><img src="/b.webp" width="9" height="9" alt=""></header></li></ul></main></body></html>"""
    parsed = PageResources()
    parsed.feed(html)
    page = Page("/x/", html.encode(), parsed, [], [], [])
    problems = image_problems(page)
    assert "<img> 1 (/logo.svg): on the first screen, but lazy-loaded" in problems
    for problem in (
        "no width",
        "no height",
        "no alt",
        'below the first screen, without loading="lazy"',
        "not AVIF, WebP or SVG",
    ):
        assert f"<img> 2 (/media/photo.jpg): {problem}" in problems
    assert not any(problem.startswith("<img> 3 ") for problem in problems)
    assert '<img> 4 (/b.webp): below the first screen, without loading="lazy"' in problems
    assert parsed.inline_scripts == ["var x = 1;"]
    assert [ref for _, ref in parsed.fetched if not same_origin(ref)] == ["https://cdn.example.com/kit.css"]
    assert parsed.connections == ["https://fonts.gstatic.com"]
    references = css_references(parsed.inline_styles[0], "http://testserver/x/")
    page.fonts = [(url, face) for kind, url, face in references if kind == "font"]
    assert font_problems(page) == ["@font-face https://fonts.gstatic.com/x.ttf: not self-hosted"]
    assert transfer_size("/a.css", b"a{color:red}" * 1000) < 100 < transfer_size("/a.woff2", b"x" * 1000)


@pytest.fixture
def production_static(settings, tmp_path):
    """The site's own static files collected with the production storage (hashed, compressed)."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": base_settings.STORAGES["staticfiles"]}
    settings.STATIC_ROOT = tmp_path
    # The site's own files only: Wagtail's admin files would take half a minute to compress.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_collected_static_files_are_hashed_and_compressed(production_static):
    assert base_settings.STORAGES["staticfiles"]["BACKEND"].startswith("whitenoise.storage.Compressed")
    manifest = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    source = Path(settings.STATICFILES_DIRS[0])
    own = sorted(path.relative_to(source).as_posix() for path in source.rglob("*") if path.is_file())
    assert {"css/site.css", "css/print.css", "legacy_browsers/notice.js"} <= set(own)
    for name in own:
        hashed = manifest.get(name)
        assert hashed and re.search(r"\.[0-9a-f]{12}\.\w+$", hashed), f"{name} has no hashed name: {hashed}"
        data = (production_static / hashed).read_bytes()
        if PurePosixPath(name).suffix.lower() in ALREADY_COMPRESSED:
            continue
        gz, br = production_static / f"{hashed}.gz", production_static / f"{hashed}.br"
        assert gz.is_file() and br.is_file(), f"{hashed}: no .gz and .br versions"
        assert gzip.decompress(gz.read_bytes()) == data
        assert brotli.decompress(br.read_bytes()) == data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_hashed_static_files_served_compressed_and_immutable(production_static, lang):
    client = Client()  # a new handler: WhiteNoise serves the STATIC_ROOT collected above
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    parsed = PageResources()
    parsed.feed(response.content.decode())
    static = [
        urlsplit(url).path for _, url in parsed.fetched if urlsplit(url).path.startswith(settings.STATIC_URL)
    ]
    assert any(path.startswith(f"{settings.STATIC_URL}css/site.") for path in static), parsed.fetched
    manifest = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    for path in static:
        name = path[len(settings.STATIC_URL) :]
        assert name in manifest.values(), f"{path} is not a hashed name"
        for encoding in ("br", "gzip"):
            served = client.get(path, HTTP_ACCEPT_ENCODING=encoding)
            assert served.status_code == 200, path
            assert "immutable" in served["Cache-Control"], (path, served["Cache-Control"])
            if PurePosixPath(name).suffix.lower() not in ALREADY_COMPRESSED:
                assert served.get("Content-Encoding") == encoding, (path, encoding)
                body = b"".join(served.streaming_content) if served.streaming else served.content
                decoded = gzip.decompress(body) if encoding == "gzip" else brotli.decompress(body)
                assert decoded == (production_static / name).read_bytes(), (path, encoding)
