"""Lay out the actor network for an inline SVG, on the server: no script, no layout library.

A small deterministic force layout (Fruchterman-Reingold): nodes start on a circle in rank
order, edges pull, all pairs push, the step cools. The same network always gets the same
picture, so screenshots and tests are stable.
"""

from __future__ import annotations

import math

from pydantic import BaseModel

from eventwire.store.read import Network

WIDTH, HEIGHT, MARGIN = 960, 560, 70
MAX_NODES = 40
GRAVITY = 10.0


class NodeBox(BaseModel):
    key: str
    name: str
    country: str | None
    x: float
    y: float
    r: float
    events: int


class EdgeLine(BaseModel):
    source: str
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    count: int
    goldstein: float | None
    title: str


class GraphView(BaseModel):
    width: int = WIDTH
    height: int = HEIGHT
    nodes: list[NodeBox]
    edges: list[EdgeLine]
    hidden: int = 0


def goldstein_colour(score: float | None) -> str:
    """Red for conflict (-10), grey at 0, green for cooperation (+10)."""
    if score is None:
        return "#8a94a0"
    t = max(-1.0, min(1.0, score / 10))
    grey, red, green = (138, 148, 160), (176, 65, 62), (47, 125, 79)
    end = green if t > 0 else red
    mix = [round(g + (e - g) * abs(t)) for g, e in zip(grey, end, strict=True)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def _forces(
    pos: dict[str, list[float]], links: list[tuple[str, str]], k: float, step: float
) -> None:
    """One round of repulsion between all nodes and attraction along edges."""
    keys = list(pos)
    move = {key: [0.0, 0.0] for key in keys}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 0.01)
            push = k * k / d
            move[a][0] += dx / d * push
            move[a][1] += dy / d * push
            move[b][0] -= dx / d * push
            move[b][1] -= dy / d * push
    for a, b in links:
        dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
        d = max(math.hypot(dx, dy), 0.01)
        pull = d * d / k
        move[a][0] -= dx / d * pull
        move[a][1] -= dy / d * pull
        move[b][0] += dx / d * pull
        move[b][1] += dy / d * pull
    for key in keys:  # gravity keeps separate components from drifting apart
        move[key][0] -= pos[key][0] * GRAVITY * k
        move[key][1] -= pos[key][1] * GRAVITY * k
        dx, dy = move[key]
        d = max(math.hypot(dx, dy), 0.01)
        pos[key][0] += dx / d * min(d, step)
        pos[key][1] += dy / d * min(d, step)


def _layout(keys: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions in the unit square's scale, fitted to the drawing area afterwards."""
    n = len(keys)
    pos = {
        key: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)]
        for i, key in enumerate(keys)
    }
    k = math.sqrt(4.0 / max(n, 1))
    step = 0.2
    for _ in range(150):
        _forces(pos, links, k, step)
        step = max(step * 0.97, 0.005)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    spanx, spany = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        key: (
            MARGIN + (p[0] - min(xs)) / spanx * (WIDTH - 2 * MARGIN),
            MARGIN / 2 + (p[1] - min(ys)) / spany * (HEIGHT - 1.5 * MARGIN),
        )
        for key, p in pos.items()
    }


def _shorten(x1: float, y1: float, x2: float, y2: float, r: float) -> tuple[float, float]:
    """The end point pulled back by the target's radius, so the arrow head shows."""
    d = max(math.hypot(x2 - x1, y2 - y1), 0.01)
    return x2 - (x2 - x1) / d * (r + 3), y2 - (y2 - y1) / d * (r + 3)


def graph_view(network: Network) -> GraphView:
    """The busiest MAX_NODES actors placed, sized by events, edges weighted and coloured."""
    shown = network.nodes[:MAX_NODES]
    keys = [n.key for n in shown]
    kept = set(keys)
    edges = [e for e in network.edges if e.source in kept and e.target in kept]
    if not keys:
        return GraphView(nodes=[], edges=[])
    pos = _layout(keys, [(e.source, e.target) for e in edges])
    busiest = max(n.as_source + n.as_target for n in shown) or 1
    heaviest = max((e.count for e in edges), default=1)
    boxes = {
        n.key: NodeBox(
            key=n.key,
            name=n.name,
            country=n.country,
            x=round(pos[n.key][0], 1),
            y=round(pos[n.key][1], 1),
            r=round(6 + 14 * math.sqrt((n.as_source + n.as_target) / busiest), 1),
            events=n.as_source + n.as_target,
        )
        for n in shown
    }
    lines = []
    for e in edges:
        a, b = boxes[e.source], boxes[e.target]
        x2, y2 = _shorten(a.x, a.y, b.x, b.y, b.r)
        types = ", ".join(f"{t} {n}" for t, n in e.types.items())
        lines.append(
            EdgeLine(
                source=e.source,
                target=e.target,
                x1=a.x,
                y1=a.y,
                x2=round(x2, 1),
                y2=round(y2, 1),
                width=round(1.5 + 5 * e.count / heaviest, 1),
                colour=goldstein_colour(e.goldstein),
                count=e.count,
                goldstein=e.goldstein,
                title=f"{a.name} → {b.name}: {e.count} events ({types}); "
                f"mean Goldstein {e.goldstein}",
            )
        )
    return GraphView(
        nodes=list(boxes.values()), edges=lines, hidden=len(network.nodes) - len(shown)
    )
