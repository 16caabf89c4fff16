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
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

import brotli  # whitenoise[brotli] needs it too, to write the .br files
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from whitenoise.compress import Compressor

from alliance_site.settings import base as base_settings
from tests.front_end_measure import (
    ALREADY_COMPRESSED,
    CSS_URL,
    FONT_FACE,
    FONT_SUBSET_MAX,
    HOST,
    JS_BUDGET,
    LANGUAGES,
    MODERN_IMAGE_TYPES,
    RASTER_TYPES,
    TOTAL_BUDGET,
    Page,
    PageResources,
    css_references,
    measure,
    same_origin,
    transfer_size,
)

pytestmark = pytest.mark.django_db


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


def worth_compressing(name, data):
    """WhiteNoise keeps a compressed copy of a file unless its format is compressed already, or the
    copy would save less than 5% (an icon of PNG images, say)."""
    if PurePosixPath(name).suffix.lower() in ALREADY_COMPRESSED:
        return False
    return Compressor(quiet=True).is_compressed_effectively("gzip", name, len(data), gzip.compress(data))


@pytest.fixture
def production_static(settings, tmp_path):
    """The site's own static files collected with the production storage (hashed, compressed)."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": base_settings.STORAGES["staticfiles"]}
    settings.STATIC_ROOT = tmp_path
    # The site's own files only (static/ and its apps'): Wagtail's admin files would take half a
    # minute to compress.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    own_apps = [
        Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == settings.BASE_DIR
    ]
    settings.STATICFILES_DIRS = [
        *settings.STATICFILES_DIRS,
        *(app / "static" for app in own_apps if (app / "static").is_dir()),
    ]
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def test_collected_static_files_are_hashed_and_compressed(production_static):
    assert base_settings.STORAGES["staticfiles"]["BACKEND"].startswith("whitenoise.storage.Compressed")
    manifest = json.loads((production_static / "staticfiles.json").read_text())["paths"]
    own = sorted(
        path.relative_to(source).as_posix()
        for source in map(Path, settings.STATICFILES_DIRS)
        for path in source.rglob("*")
        if path.is_file()
    )
    assert {"css/site.css", "css/print.css", "legacy_browsers/notice.js"} <= set(own)
    for name in own:
        hashed = manifest.get(name)
        assert hashed and re.search(r"\.[0-9a-f]{12}\.\w+$", hashed), f"{name} has no hashed name: {hashed}"
        data = (production_static / hashed).read_bytes()
        if not worth_compressing(name, data):
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
            if worth_compressing(name, (production_static / name).read_bytes()):
                assert served.get("Content-Encoding") == encoding, (path, encoding)
                body = b"".join(served.streaming_content) if served.streaming else served.content
                decoded = gzip.decompress(body) if encoding == "gzip" else brotli.decompress(body)
                assert decoded == (production_static / name).read_bytes(), (path, encoding)
