"""Draw located events on the packaged world outline, clustered, as SVG geometry.

The outline (data/views/world.json, built from Natural Earth by
scripts/build_world_outline.py) is in an equirectangular frame x = lon + 180, y = 90 - lat,
so a point needs no projection code. Points closer than a grid cell are
merged into one marker (CLUSTER_PX on screen) that says how many events it holds; a click on it zooms the map
into those events (`?bbox=`), or lists them once they share one place.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from urllib.parse import urlencode

from pydantic import BaseModel

from eventwire.api.timechart import QUAD_COLOURS, QUAD_NAMES, style_of
from eventwire.store.geo import Box, MapPoint, MapPoints, parse_bbox

WORLD: Box = (-180.0, -60.0, 180.0, 84.0)
CLUSTER_PX = 28  # points closer than this on screen share a marker
SCREEN = (1200, 640)  # the drawing's size in pixels, about, on a laptop
SAME_PLACE_DEGREES = 0.05


class Marker(BaseModel):
    x: float
    y: float
    r: float
    count: int
    fill: str
    style: str
    href: str
    title: str


class Line(BaseModel):
    d: str


class MapView(BaseModel):
    viewbox: str
    outline: list[str]
    graticule: list[Line]
    markers: list[Marker]
    font: float
    zoomed: bool
    placed: int
    unlocated: int
    truncated: bool


@lru_cache(maxsize=1)
def world_outline() -> list[str]:
    """SVG path data of the world's countries, in the map frame."""
    raw = resources.files("eventwire").joinpath("data", "views", "world.json").read_text("utf-8")
    paths: list[str] = json.loads(raw)["paths"]
    return paths


def frame(lon: float, lat: float) -> tuple[float, float]:
    """The map frame of world.json: x = lon + 180, y = 90 - lat."""
    return lon + 180, 90 - lat


def _view(bbox: str | None) -> Box:
    """The box to show: the filter's box padded by a tenth, else the inhabited world."""
    if not bbox:
        return WORLD
    west, south, east, north = parse_bbox(bbox)
    pad = max(east - west, north - south) * 0.1 + 0.5
    return (
        max(west - pad, -180),
        max(south - pad, -90),
        min(east + pad, 180),
        min(north + pad, 90),
    )


def _graticule(view: Box) -> list[Line]:
    """Meridians and parallels every 30 degrees (every 5 when zoomed in)."""
    west, south, east, north = view
    step = 30 if east - west > 60 else 5
    lines = []
    for lon in range(-180, 181, step):
        if west <= lon <= east:
            x, _ = frame(lon, 0)
            lines.append(Line(d=f"M{x} {90 - north}V{90 - south}"))
    for lat in range(-90, 91, step):
        if south <= lat <= north:
            _, y = frame(0, lat)
            lines.append(Line(d=f"M{west + 180}  {y}H{east + 180}"))
    return lines


def _box_of(points: list[MapPoint]) -> Box:
    lons, lats = [p.lon for p in points], [p.lat for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _href(points: list[MapPoint], filters: dict[str, str], span: float) -> str:
    """One event: its page; one place (or a close view): the events list; else zoom in."""
    if len(points) == 1:
        return f"/events/{points[0].id}"
    west, south, east, north = _box_of(points)
    same = max(east - west, north - south) < SAME_PLACE_DEGREES or span < 4
    eps = 0.01
    box = f"{west - eps:.3f},{south - eps:.3f},{east + eps:.3f},{north + eps:.3f}"
    query = urlencode({**filters, "bbox": box})
    return ("/?" if same else "/map?") + query


def pixel(view: Box) -> float:
    """Map units per screen pixel for a view drawn about SCREEN wide/high."""
    return max((view[2] - view[0]) / SCREEN[0], (view[3] - view[1]) / SCREEN[1])


def _marker(points: list[MapPoint], filters: dict[str, str], view: Box) -> Marker:
    span = view[2] - view[0]
    lon = sum(p.lon for p in points) / len(points)
    lat = sum(p.lat for p in points) / len(points)
    x, y = frame(lon, lat)
    quad = Counter(p.quad for p in points).most_common(1)[0][0]
    styles = {style_of(p.status) for p in points}
    places = Counter(p.place for p in points).most_common(3)
    where = ", ".join(name for name, _ in places if name)
    if len(points) == 1:
        p = points[0]
        title = f"{p.type} ({p.status}) at {p.place or '?'}{', ' + p.date if p.date else ''}"
    else:
        title = f"{len(points)} events: {where}" + (" …" if len(places) == 3 else "")
    return Marker(
        x=round(x, 3),
        y=round(y, 3),
        r=round(pixel(view) * (5 + 4 * math.sqrt(len(points))), 3),
        count=len(points),
        fill=QUAD_COLOURS.get(quad, QUAD_COLOURS[0]),
        style=styles.pop() if len(styles) == 1 else "solid",
        href=_href(points, filters, span),
        title=title + f" — mostly {QUAD_NAMES.get(quad, 'no quad')}",
    )


def cluster(points: list[MapPoint], radius: float) -> list[list[MapPoint]]:
    """Greedy clustering: each point joins the first cluster whose seed is within `radius`.

    Points are bucketed on a grid of `radius` so only neighbouring cells are compared.
    """
    seeds: dict[tuple[int, int], list[int]] = defaultdict(list)
    groups: list[list[MapPoint]] = []
    anchors: list[tuple[float, float]] = []
    for p in points:
        cx, cy = math.floor(p.lon / radius), math.floor(p.lat / radius)
        near = [
            i
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for i in seeds.get((cx + dx, cy + dy), [])
            if math.hypot(anchors[i][0] - p.lon, anchors[i][1] - p.lat) <= radius
        ]
        if near:
            groups[min(near)].append(p)
            continue
        seeds[(cx, cy)].append(len(groups))
        anchors.append((p.lon, p.lat))
        groups.append([p])
    return groups


def map_view(found: MapPoints, filters: dict[str, str]) -> MapView:
    """Markers for the located events in the view, clustered on a grid of the view's width."""
    view = _view(filters.get("bbox"))
    west, south, east, north = view
    groups = cluster(found.points, pixel(view) * CLUSTER_PX)
    markers = sorted((_marker(group, filters, view) for group in groups), key=lambda m: -m.count)
    x0, y0 = frame(west, north)
    return MapView(
        viewbox=f"{x0:.3f} {y0:.3f} {east - west:.3f} {north - south:.3f}",
        outline=world_outline(),
        graticule=_graticule(view),
        markers=markers,
        font=round(pixel(view) * 11, 3),
        zoomed=view != WORLD,
        placed=len(found.points),
        unlocated=found.unlocated,
        truncated=found.truncated,
    )
