"""Events with coordinates, for the map page and its JSON twin (/api/map).

An event is placed where its resolved location is; events without coordinates are
counted, not dropped silently, so the page can say how much the map leaves out.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from eventwire.store.duck import Store

NUM = r"-?\d+(?:\.\d+)?"
BBOX = re.compile(rf"^({NUM}),({NUM}),({NUM}),({NUM})$")
MAX_POINTS = 5000

Box = tuple[float, float, float, float]


def parse_bbox(text: str) -> Box:
    """'west,south,east,north' in degrees -> floats; ValueError says what is wrong."""
    m = BBOX.match(text.replace(" ", ""))
    if not m:
        raise ValueError("expected west,south,east,north in degrees")
    west, south, east, north = (float(g) for g in m.groups())
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError("needs -180 <= west < east <= 180 and -90 <= south < north <= 90")
    return west, south, east, north


def bbox_clause(text: str) -> tuple[str, list[Any]]:
    """SQL over table `events` keeping events located inside the box."""
    west, south, east, north = parse_bbox(text)
    return "(lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?)", [west, east, south, north]


class MapPoint(BaseModel):
    id: str
    lat: float
    lon: float
    place: str
    country: str | None
    type: str
    quad: int
    status: str
    date: str | None


class MapPoints(BaseModel):
    ok: bool = True
    points: list[MapPoint]
    unlocated: int = Field(description="Matching events with no coordinates.")
    truncated: bool = Field(False, description="More than MAX_POINTS events matched.")


def map_points(store: Store, where: str, params: list[Any]) -> MapPoints:
    """Located events matching a WHERE clause (from read._where), and the count of the rest."""
    located = "lat IS NOT NULL AND lon IS NOT NULL"
    cond = f"{where} AND {located}" if where else f"WHERE {located}"
    rows = store.con.execute(
        "SELECT id, lat, lon, coalesce(location_name, location_text, ''), location_country, "
        f"plover_type, quad, status, date_value FROM events {cond} "
        "ORDER BY article_id, sentence, trigger_start, id LIMIT ?",
        [*params, MAX_POINTS + 1],
    ).fetchall()
    total = store.con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
    shown = rows[:MAX_POINTS]
    n_total = int(total[0]) if total else 0
    return MapPoints(
        points=[
            MapPoint(
                id=r[0],
                lat=r[1],
                lon=r[2],
                place=r[3],
                country=r[4],
                type=r[5],
                quad=int(r[6] or 0),
                status=r[7],
                date=r[8],
            )
            for r in shown
        ],
        unlocated=n_total - len(rows) if len(rows) <= MAX_POINTS else 0,
        truncated=len(rows) > MAX_POINTS,
    )
