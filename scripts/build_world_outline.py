"""Build data/views/world.json, the map page's world outline, from Natural Earth's low-res countries.

Natural Earth (public domain) ships in the geopandas wheels before 1.0, as
`geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp`. Run once, offline:

    pip download "geopandas<1.0" --no-deps -d /tmp/gpd && unzip /tmp/gpd/*.whl -d /tmp/gpd
    python scripts/build_world_outline.py /tmp/gpd/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The shapefile is read with `struct` (polygons only), each ring simplified with
Douglas-Peucker and written as SVG path data in an equirectangular frame: x = lon + 180,
y = 90 - lat, so the page can put a point at (lon + 180, 90 - lat) with no projection code.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "views" / "world.json"
TOLERANCE = 0.25  # degrees
MIN_RING_AREA = 0.4  # square degrees: drops specks that would be a pixel anyway

Point = tuple[float, float]


def read_polygons(path: Path) -> list[list[list[Point]]]:
    """The rings of every polygon record of an ESRI shapefile (shape types 5 and 15)."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">i", data[pos + 4 : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (kind,) = struct.unpack("<i", body[:4])
        if kind not in (5, 15):
            continue
        nparts, npoints = struct.unpack("<2i", body[36:44])
        starts = list(struct.unpack(f"<{nparts}i", body[44 : 44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = [
            struct.unpack("<2d", body[base + 16 * i : base + 16 * i + 16]) for i in range(npoints)
        ]
        shapes.append([pts[a:b] for a, b in zip(starts, starts[1:], strict=False)])
    return shapes


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def simplify(points: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings can be long)."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        best, index = 0.0, -1
        for i in range(a + 1, b):
            d = _distance(points[i], points[a], points[b])
            if d > best:
                best, index = d, i
        if best > tol:
            keep.add(index)
            stack += [(a, index), (index, b)]
    return [points[i] for i in sorted(keep)]


def area(ring: list[Point]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def path_of(ring: list[Point]) -> str:
    """SVG path data in the map frame (x = lon + 180, y = 90 - lat), one decimal."""
    coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in ring]
    return "M" + "L".join(coords) + "Z"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    rings = [r for shape in read_polygons(Path(argv[1])) for r in shape]
    kept = [simplify(r, TOLERANCE) for r in rings if area(r) >= MIN_RING_AREA]
    paths = [path_of(r) for r in kept if len(r) >= 4]
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:110m countries (public domain), simplified by scripts/build_world_outline.py",
                "frame": "x = lon + 180, y = 90 - lat",
                "paths": paths,
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(paths)} rings, {OUT.stat().st_size} bytes -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
