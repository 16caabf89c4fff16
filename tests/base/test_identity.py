"""The site's identity files: emblem, wordmarks in both languages, icons and the web manifest."""

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from tests.pages import get_ok

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
MEMBER_COLOURS = ["#b3261e", "#e0a100", "#0f7c74", "#0b4f8a"]  # Chile, Colombia, Mexico, Peru


def svg_root(name):
    """The root element of one of the site's own SVG files (the repository's, not a visitor's)."""
    return ElementTree.parse(finders.find(name)).getroot()  # noqa: S314


@pytest.mark.parametrize(("language", "name"), [("en", "Pacific Alliance"), ("es", "Alianza del Pacífico")])
def test_the_wordmark_names_the_alliance_in_each_language(language, name):
    root = svg_root(f"img/wordmark-{language}.svg")
    assert root.get("aria-label") == name and root.get("role") == "img"
    assert name in [text.text for text in root.iter(f"{SVG}text")]
    assert [path.get("fill") for path in root.iter(f"{SVG}path")] == MEMBER_COLOURS


def test_the_favicon_and_the_header_draw_the_same_emblem(client):
    favicon = svg_root("img/favicon.svg")
    blades = [(path.get("fill"), path.get("d")) for path in favicon.iter(f"{SVG}path")]
    assert [fill for fill, _d in blades] == MEMBER_COLOURS
    html = get_ok(client, "/en/")
    for fill, d in blades:
        assert f'<path fill="{fill}" d="{d}"/>' in html


def test_the_manifest_names_icons_that_exist_at_their_sizes():
    manifest = json.loads(Path(finders.find("site.webmanifest")).read_text(encoding="utf-8"))
    assert manifest["start_url"] == "/" and manifest["theme_color"] == "#0a2d52"
    for icon in manifest["icons"]:
        path = finders.find(icon["src"])
        assert path, icon["src"]
        if icon["type"] == "image/png":
            with Image.open(path) as picture:
                assert f"{picture.width}x{picture.height}" == icon["sizes"]
    with Image.open(finders.find("img/apple-touch-icon.png")) as picture:
        assert picture.size == (180, 180)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_links_the_icons_and_the_manifest(client, language):
    html = get_ok(client, f"/{language}/")
    for link in (
        '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">',
        '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">',
        '<link rel="manifest" href="/static/site.webmanifest">',
    ):
        assert link in html
