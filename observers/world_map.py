"""The observer map: members and observers on a world map, drawn on the server as inline SVG.

Geometry: observers/world_map.json, built from Natural Earth by `manage.py build_world_map`
(observers/map_build.py). What is marked comes from the data: the member countries and the
observer states shown (all, or those of the continent chosen in the filter).
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GEOMETRY = Path(__file__).resolve().parent / "world_map.json"
MARKER_RADIUS = 5


@cache
def geometry():
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


@dataclass
class Shape:
    code: str
    name: str
    d: str = ""  # an outline, or
    x: float = 0  # the centre of a marker, for countries too small to draw
    y: float = 0
    kind: str = "observer"  # or "member"


@dataclass
class WorldMap:
    width: int
    height: int
    background: str  # every country that is neither member nor observer, as one path
    members: list
    observers: list
    markers: list  # members or observers too small to draw, as circles
    marker_radius: int = MARKER_RADIUS

    @property
    def marked_codes(self):
        return {shape.code for shape in self.members + self.observers + self.markers}


def world_map(members, observers):
    """`members`: [(ISO code, name)]; `observers`: the ObserverStates shown."""
    data = geometry()
    members = dict(members)
    observers = {observer.iso_code: observer.name for observer in observers}
    countries, background = data["countries"], [*data["unnamed"]]
    drawn = {"members": [], "observers": []}
    for code, outline in countries.items():
        if code in members:
            drawn["members"].append(Shape(code, members[code], outline, kind="member"))
        elif code in observers:
            drawn["observers"].append(Shape(code, observers[code], outline))
        else:
            background.append(outline)
    markers = [
        Shape(
            code,
            members.get(code) or observers[code],
            x=x,
            y=y,
            kind="member" if code in members else "observer",
        )
        for code, (x, y) in data["markers"].items()
        if code in members or code in observers
    ]
    return WorldMap(
        width=data["width"],
        height=data["height"],
        background="".join(background),
        members=sorted(drawn["members"], key=lambda shape: shape.code),
        observers=sorted(drawn["observers"], key=lambda shape: shape.code),
        markers=markers,
    )
