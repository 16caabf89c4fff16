"""The observer map: drawn on the server from Natural Earth, marking exactly the members and the
observer states of the data (those of the chosen continent, with the filter), in both languages."""

import csv
import gzip
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings

from observers import map_build
from observers.world_map import geometry
from tests.browser import tools
from tests.pages import get_ok

pytestmark = pytest.mark.django_db

URLS = {"en": "/en/observer-states/", "es": "/es/estados-observadores/"}
MEMBERS = {
    "CL": "Chile",
    "CO": "Colombia",
    "MX": {"en": "Mexico", "es": "México"},
    "PE": {"en": "Peru", "es": "Perú"},
}
MAP_BUDGET = 80_000  # bytes, gzip-compressed


def data_rows():
    with (settings.BASE_DIR / "content" / "observer_states.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class MapShapes(HTMLParser):
    """{kind: {ISO code: name}} of the map's marked shapes, and the map's own markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shapes = {"member": {}, "observer": {}}
        self._shape = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        kinds = [kind for kind in self.shapes if f"world-map__{kind}" in classes]
        if tag in {"path", "circle"} and kinds and attrs.get("id", "").startswith("map-"):
            self._shape = (kinds[0], attrs["id"].removeprefix("map-"))
            self.shapes[kinds[0]][self._shape[1]] = ""

    def handle_data(self, data):
        if self._shape:
            kind, code = self._shape
            self.shapes[kind][code] += data

    def handle_endtag(self, tag):
        if tag in {"path", "circle", "title"} and tag != "title":
            self._shape = None


def shapes_on(client, url):
    parser = MapShapes()
    html = get_ok(client, url)
    parser.feed(html)
    return parser.shapes, html


def member_names(language):
    return {code: name if isinstance(name, str) else name[language] for code, name in MEMBERS.items()}


@pytest.mark.parametrize("language", URLS)
def test_the_map_marks_the_members_and_every_observer_of_the_data(client, language):
    shapes, html = shapes_on(client, URLS[language])
    assert shapes["member"] == member_names(language)
    rows = data_rows()
    assert shapes["observer"] == {row["iso_alpha2"]: row[f"name_{language}"] for row in rows}
    assert len(shapes["observer"]) == 64
    # Small states are circles: Malta and Singapore are too small for the 1:110m outlines.
    assert re.search(r'<circle class="world-map__observer world-map__marker" id="map-SG"', html)
    assert 'role="img" aria-labelledby="world-map-title world-map-description"' in html
    description = {"en": "64 observer states are hatched", "es": "64 Estados observadores aparecen rayados"}
    assert description[language] in html


@pytest.mark.parametrize("language", URLS)
def test_the_continent_filter_still_filters_the_list_and_the_map(client, language):
    for continent in ("Europe", "Oceania"):
        shapes, html = shapes_on(client, f"{URLS[language]}?continent={continent}")
        expected = {row["iso_alpha2"] for row in data_rows() if row["continent"] == continent}
        assert set(shapes["observer"]) == expected
        assert set(shapes["member"]) == set(MEMBERS)  # the members are always shown
        listed = re.search(r'<div class="observer-listing">(.*?)</div>', html, re.S).group(1)
        assert listed.count("<li") == len(expected)


def test_the_map_weighs_at_most_80_kb_compressed(client):
    html = get_ok(client, URLS["en"])
    svg = re.search(r'<figure class="world-map">.*?</figure>', html, re.S).group(0)
    size = len(gzip.compress(svg.encode(), compresslevel=9))
    print(f"map: {len(svg.encode()):,} B, {size:,} B compressed")
    assert 10_000 < size <= MAP_BUDGET


def test_the_projection_puts_the_world_in_the_frame():
    assert map_build.equal_earth(0, 0) == (0, 0)
    width, height = geometry()["width"], geometry()["height"]
    scale = width / (2 * map_build.X_MAX)
    x, y = map_build.to_grid(-180, 0, scale)
    assert x == 0 and abs(y - height / 2) < 1
    assert map_build.to_grid(180, 90, scale)[1] == 0
    assert map_build.alpha2("032") == "AR" and map_build.alpha2("702") == "SG"


def test_the_committed_geometry_is_what_natural_earth_gives():
    """observers/world_map.json is a build product: rebuilt from the npm package, it is unchanged."""
    if not (map_build.WORLD_ATLAS / "countries-110m.json").is_file():
        tools.unavailable("world-atlas (browser/package.json)")
    assert map_build.serialise(map_build.build()) == map_build.OUTPUT.read_text(encoding="utf-8")
