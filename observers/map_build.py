"""Builds the observer map's geometry from Natural Earth's public-domain boundaries.

The boundaries come from the npm package world-atlas (TopoJSON of Natural Earth, pinned in
browser/package.json, installed by `make browser-deps`). `manage.py build_world_map` decodes them,
projects them (Equal Earth), rounds them to the map's grid and writes observers/world_map.json,
which the site reads; visitors never fetch anything but the page. Countries too small for the
1:110m file (Singapore, Malta...) get a marker at the centre of their 1:50m outline.
"""

import json
import math
from pathlib import Path

from babel.core import get_global

WORLD_ATLAS = Path(__file__).resolve().parents[1] / "browser" / "node_modules" / "world-atlas"
OUTPUT = Path(__file__).resolve().parent / "world_map.json"
WIDTH = 1000  # the map's width in SVG units; its height follows from the projection
ANTARCTICA = "010"
# Equal Earth projection (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude, latitude):
    lam, theta = math.radians(longitude), math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX, Y_MAX = equal_earth(180, 0)[0], equal_earth(0, 90)[1]  # |x| and |y| at the world's edges


def to_grid(longitude, latitude, scale):
    x, y = equal_earth(longitude, latitude)
    return round((x + X_MAX) * scale, 1), round((Y_MAX - y) * scale, 1)


def decode_arcs(topology):
    """Every arc as a list of (longitude, latitude), undoing TopoJSON's quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def rings(geometry, arcs):
    """The rings of a Polygon or MultiPolygon, each a list of (longitude, latitude)."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for polygon in polygons:
        for ring in polygon:
            points = []
            for index in ring:
                arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(arc if not points else arc[1:])
            yield points


def path_data(geometry, arcs, scale):
    """SVG path data: each ring as an absolute move, then relative lines on the map's grid."""
    parts = []
    for ring in rings(geometry, arcs):
        grid = [to_grid(lon, lat, scale) for lon, lat in ring]
        unique = [point for number, point in enumerate(grid) if number == 0 or point != grid[number - 1]]
        if len(unique) < 3:
            continue
        (x0, y0), steps = unique[0], []
        for (ax, ay), (bx, by) in zip(unique, unique[1:], strict=False):
            steps.append(f"{_number(bx - ax)} {_number(by - ay)}")
        parts.append(f"M{_number(x0)} {_number(y0)}l" + " ".join(steps) + "z")
    return "".join(parts)


def _number(value):
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def centre(geometry, arcs):
    """The middle of the bounding box of a country's largest ring, in (longitude, latitude)."""
    ring = max(rings(geometry, arcs), key=len)
    longitudes, latitudes = [p[0] for p in ring], [p[1] for p in ring]
    return (min(longitudes) + max(longitudes)) / 2, (min(latitudes) + max(latitudes)) / 2


def alpha2(numeric):
    """ISO 3166-1 alpha-2 of a numeric code, from CLDR's territory aliases (Babel), or None."""
    codes = get_global("territory_aliases").get(numeric) or []
    return next((code for code in codes if len(code) == 2 and code.isalpha()), None)


def load(name):
    return json.loads((WORLD_ATLAS / name).read_text(encoding="utf-8"))


def build():
    """The map's data: its size, each country's outline by alpha-2 code, and the small ones' markers."""
    scale = WIDTH / (2 * X_MAX)
    coarse, fine = load("countries-110m.json"), load("countries-50m.json")
    arcs = decode_arcs(coarse)
    countries, others = {}, []
    for geometry in coarse["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or "arcs" not in geometry:
            continue
        code, data = alpha2(geometry.get("id", "")), path_data(geometry, arcs, scale)
        if code:
            countries[code] = data
        else:
            others.append(data)  # disputed or unrecognised areas (no ISO code): drawn, never named
    fine_arcs, markers = decode_arcs(fine), {}
    for geometry in fine["objects"]["countries"]["geometries"]:
        code = alpha2(geometry.get("id", ""))
        if code and code not in countries and "arcs" in geometry and geometry.get("id") != ANTARCTICA:
            markers[code] = list(to_grid(*centre(geometry, fine_arcs), scale))
    version = json.loads((WORLD_ATLAS / "package.json").read_text())["version"]
    return {
        "source": f"Natural Earth (public domain), 1:110m and 1:50m, from world-atlas {version}",
        "width": WIDTH,
        "height": round(2 * Y_MAX * scale),
        "countries": dict(sorted(countries.items())),
        "unnamed": others,
        "markers": dict(sorted(markers.items())),
    }


def serialise(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
