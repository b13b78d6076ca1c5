"""Read queries behind the REST API and the web pages: one function serves a page and its twin.

Every function takes an open `Store` and returns a pydantic model, so the JSON endpoint
returns it as is and the page renders the very same object.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

from eventwire.model import Sentence
from eventwire.store.actor_nodes import NODE_SQL, node_label
from eventwire.store.duck import Store
from eventwire.store.export import EventOut
from eventwire.store.geo import MapPoints, bbox_clause, map_points
from eventwire.store.series import TimeAxis, time_axis


def _utc(value: datetime | None) -> datetime | None:
    """Store timestamps are UTC without a zone; say so, as RFC 3339 `date-time` requires."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


UtcTime = Annotated[datetime | None, AfterValidator(_utc)]

ISO_PREFIX = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class EventFilter(BaseModel):
    """Filters shared by the events list, the actors network and the timeline."""

    article: str | None = Field(None, description="Article id.")
    type: str | None = Field(None, description="PLOVER event type, e.g. CONSULT.")
    status: str | None = Field(None, description="occurred, planned, negated, ...")
    country: str | None = Field(None, description="ISO-3 code of any participant's actor.")
    date_from: str | None = Field(
        None,
        pattern=ISO_PREFIX,
        description="Events dated on or after: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    date_to: str | None = Field(
        None,
        pattern=ISO_PREFIX,
        description="Events dated on or before: YYYY, YYYY-MM or YYYY-MM-DD.",
    )
    q: str | None = Field(None, description="Text search in sentence, trigger and actor names.")
    actor: str | None = Field(None, description="Resolved actor id of any participant.")
    bbox: str | None = Field(None, description="Located inside west,south,east,north (degrees).")

    def active(self) -> dict[str, str]:
        """The filters that are set, as query-string values (for links and forms)."""
        return {k: str(v) for k, v in self.model_dump().items() if v not in (None, "")}


class EventPage(BaseModel):
    ok: bool = True
    total: int
    limit: int
    offset: int
    events: list[EventOut]


class ArticleSummary(BaseModel):
    id: str
    input: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    n_sentences: int = 0
    n_events: int = 0
    coded_at: UtcTime = None


class ArticlePage(BaseModel):
    ok: bool = True
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    ok: bool = True
    article: ArticleSummary
    text: str
    sentences: list[Sentence]
    events: list[EventOut]


class ActorNode(BaseModel):
    key: str = Field(description="Resolved actor id (KB id, ISO-3, or country:sectors).")
    name: str
    country: str | None
    as_source: int = 0
    as_target: int = 0


class ActorEdge(BaseModel):
    source: str
    target: str
    count: int
    types: dict[str, int] = Field(description="PLOVER type -> number of events.")
    quads: dict[str, int] = Field(default_factory=dict, description="Quad class -> events.")
    goldstein: float | None = Field(None, description="Mean Goldstein score of the events.")


class Network(BaseModel):
    ok: bool = True
    nodes: list[ActorNode]
    edges: list[ActorEdge]


class TimelinePoint(BaseModel):
    date: str = Field(description="The event's ISO date value ('' when undated).")
    count: int
    types: dict[str, int]


class Timeline(BaseModel):
    ok: bool = True
    points: list[TimelinePoint]
    axis: TimeAxis | None = Field(None, description="Counts per day or week on a time scale.")


class FailureRow(BaseModel):
    input: str
    stage: str
    code: str
    reason: str
    recorded_at: UtcTime = None


class FailurePage(BaseModel):
    ok: bool = True
    total: int
    limit: int
    offset: int
    failures: list[FailureRow]


def _like(text: str) -> str:
    return "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE clause (over table `events`) and its parameters for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    for col, value in (("article_id", f.article), ("plover_type", f.type), ("status", f.status)):
        if value:
            clauses.append(f"{col} = ?")
            params.append(value)
    if f.country:
        clauses.append("id IN (SELECT event_id FROM participants WHERE country = ?)")
        params.append(f.country.upper())
    if f.actor:
        clauses.append("id IN (SELECT event_id FROM participants WHERE actor_id = ?)")
        params.append(f.actor)
    if f.bbox:
        clause, values = bbox_clause(f.bbox)
        clauses.append(clause)
        params.extend(values)
    if f.date_from or f.date_to:
        # Only plain ISO prefixes (2024, 2024-02, 2024-02-23) compare; weeks etc. drop out.
        clauses.append(f"regexp_matches(coalesce(date_value, ''), '{ISO_PREFIX}')")
    # Periods overlap the bound when they agree on their common prefix (2024-02 vs 2024-02-15).
    for bound, op in ((f.date_from, ">="), (f.date_to, "<=")):
        if bound:
            clauses.append(f"left(date_value, ?) {op} left(?, length(date_value))")
            params.extend([len(bound), bound])
    if f.q:
        clauses.append(
            "(sentence_text ILIKE ? ESCAPE '\\' OR trigger_text ILIKE ? ESCAPE '\\' "
            "OR source_actors ILIKE ? ESCAPE '\\' OR target_actors ILIKE ? ESCAPE '\\')"
        )
        params.extend([_like(f.q)] * 4)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _records(store: Store, sql: str, params: list[Any]) -> list[EventOut]:
    rows = store.con.execute(sql, params).fetchall()
    return [EventOut.model_validate(json.loads(r[0])) for r in rows]


def events(store: Store, f: EventFilter, *, limit: int = 50, offset: int = 0) -> EventPage:
    """One page of events matching the filter, in article and text order."""
    where, params = _where(f)
    total = store.con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
    sql = (
        f"SELECT record FROM events {where} "
        "ORDER BY article_id, sentence, trigger_start, id LIMIT ? OFFSET ?"
    )
    found = _records(store, sql, [*params, limit, offset])
    return EventPage(total=total[0] if total else 0, limit=limit, offset=offset, events=found)


def event(store: Store, event_id: str) -> EventOut | None:
    """One event by id, or None."""
    found = _records(store, "SELECT record FROM events WHERE id = ?", [event_id])
    return found[0] if found else None


_ARTICLE_COLS = "id, input, source, url, title, published, n_sentences, n_events, coded_at"


def articles(store: Store, *, limit: int = 50, offset: int = 0) -> ArticlePage:
    """One page of stored articles, newest publication first."""
    total = store.con.execute("SELECT count(*) FROM articles").fetchone()
    rows = store.query(
        f"SELECT {_ARTICLE_COLS} FROM articles "
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return ArticlePage(
        total=total[0] if total else 0,
        limit=limit,
        offset=offset,
        articles=[ArticleSummary.model_validate(r) for r in rows],
    )


def article(store: Store, article_id: str) -> ArticleDetail | None:
    """One article with its text, sentences and events, or None."""
    rows = store.query(f"SELECT {_ARTICLE_COLS}, text FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    row = rows[0]
    sentences = [
        Sentence(index=r[0], start=r[1], end=r[2], text=r[3])
        for r in store.con.execute(
            'SELECT idx, "start", "end", text FROM sentences WHERE article_id = ? ORDER BY idx',
            [article_id],
        ).fetchall()
    ]
    found = _records(
        store,
        "SELECT record FROM events WHERE article_id = ? ORDER BY sentence, trigger_start, id",
        [article_id],
    )
    return ArticleDetail(
        article=ArticleSummary.model_validate(row),
        text=row["text"],
        sentences=sentences,
        events=found,
    )


_EDGES_SQL = """
WITH p AS (
    SELECT event_id, role, actor_id AS key FROM participants
    WHERE {nodes} AND event_id IN (SELECT id FROM events {where})),
pairs AS (
    SELECT DISTINCT s.key AS sk, t.key AS tk, s.event_id FROM p s JOIN p t
    ON s.event_id = t.event_id AND s.role = 'source' AND t.role = 'target' AND s.key <> t.key)
SELECT sk, tk, e.plover_type, e.quad, count(*), sum(e.goldstein)
FROM pairs JOIN events e ON e.id = pairs.event_id
GROUP BY sk, tk, e.plover_type, e.quad
"""

_NODES_SQL = """
SELECT actor_id, mode(actor_name), mode(country) FROM participants
WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY actor_id
"""


def _edges(store: Store, f: EventFilter) -> list[ActorEdge]:
    """Source -> target edges between resolved actors, with counts by type and quad."""
    where, params = _where(f)
    types: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    quads: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    goldstein: dict[tuple[str, str], float] = defaultdict(float)
    sql = _EDGES_SQL.format(where=where, nodes=NODE_SQL)
    for sk, tk, ptype, quad, n, gsum in store.con.execute(sql, params).fetchall():
        types[(sk, tk)][ptype] += n
        quads[(sk, tk)][str(quad or 0)] += n
        goldstein[(sk, tk)] += gsum or 0.0
    out = []
    for pair, c in types.items():
        total = sum(c.values())
        out.append(
            ActorEdge(
                source=pair[0],
                target=pair[1],
                count=total,
                types=dict(c.most_common()),
                quads=dict(sorted(quads[pair].items())),
                goldstein=round(goldstein[pair] / total, 2),
            )
        )
    return sorted(out, key=lambda e: (-e.count, e.source, e.target))


def actors(store: Store, f: EventFilter, *, limit: int = 100) -> Network:
    """Who acts on whom among resolved actors: edges with event counts, busiest first."""
    edges = _edges(store, f)[:limit]
    keys = sorted({k for e in edges for k in (e.source, e.target)})
    rows = store.con.execute(_NODES_SQL, [keys]).fetchall() if keys else []
    nodes = {k: ActorNode(key=k, name=node_label(k, n or k), country=c) for k, n, c in rows}
    for e in edges:
        nodes[e.source].as_source += e.count
        nodes[e.target].as_target += e.count
    ranked = sorted(nodes.values(), key=lambda n: (-(n.as_source + n.as_target), n.key))
    return Network(nodes=ranked, edges=edges)


def timeline(store: Store, f: EventFilter, *, bin: str = "auto") -> Timeline:
    """Events per date value (as coded, any granularity), in date order; undated last.

    `axis` places the same events on a day or week scale (store/series.py).
    """
    where, params = _where(f)
    axis_rows = store.con.execute(
        "SELECT date_value, date_granularity, plover_type, quad, status, count(*) "
        f"FROM events {where} GROUP BY ALL",
        params,
    ).fetchall()
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for value, ptype, n in store.con.execute(
        f"SELECT coalesce(date_value, ''), plover_type, count(*) FROM events {where} GROUP BY 1, 2",
        params,
    ).fetchall():
        per[value][ptype] += n
    order = sorted(per, key=lambda v: (v == "", v))
    return Timeline(
        points=[
            TimelinePoint(date=v, count=sum(per[v].values()), types=dict(per[v].most_common()))
            for v in order
        ],
        axis=time_axis(axis_rows, bin),
    )


def located(store: Store, f: EventFilter) -> MapPoints:
    """Events matching the filter that have coordinates, for the map (store/geo.py)."""
    where, params = _where(f)
    return map_points(store, where, params)


class Facets(BaseModel):
    """Values present in the store, offered as choices by the filter form."""

    types: list[str]
    statuses: list[str]
    countries: list[str]


def facets(store: Store) -> Facets:
    """Distinct event types, statuses and participant countries."""

    def distinct(sql: str) -> list[str]:
        return [r[0] for r in store.con.execute(sql).fetchall() if r[0]]

    return Facets(
        types=distinct("SELECT DISTINCT plover_type FROM events ORDER BY 1"),
        statuses=distinct("SELECT DISTINCT status FROM events ORDER BY 1"),
        countries=distinct("SELECT DISTINCT country FROM participants ORDER BY 1"),
    )


def type_quads(store: Store) -> dict[str, int]:
    """PLOVER type -> quad class (1-4) as stored, to colour charts by cooperation/conflict."""
    rows = store.con.execute("SELECT plover_type, max(quad) FROM events GROUP BY 1").fetchall()
    return {r[0]: int(r[1] or 0) for r in rows if r[0]}


def sentence(store: Store, article_id: str, index: int) -> Sentence | None:
    """One sentence of an article, or None."""
    row = store.con.execute(
        'SELECT idx, "start", "end", text FROM sentences WHERE article_id = ? AND idx = ?',
        [article_id, index],
    ).fetchone()
    return Sentence(index=row[0], start=row[1], end=row[2], text=row[3]) if row else None


def failures(store: Store, *, limit: int = 50, offset: int = 0) -> FailurePage:
    """Recorded failures, most recent first."""
    total = store.con.execute("SELECT count(*) FROM failures").fetchone()
    rows = store.query(
        "SELECT input, stage, code, reason, recorded_at FROM failures "
        "ORDER BY recorded_at DESC, input LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return FailurePage(
        total=total[0] if total else 0,
        limit=limit,
        offset=offset,
        failures=[FailureRow.model_validate(r) for r in rows],
    )
