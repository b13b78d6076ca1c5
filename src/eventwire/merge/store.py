"""Merge the events of a store into `merged_events` / `merged_mentions`, fully or incrementally.

Reads plain rows (events joined with their article's date and outlet, participants' actor ids),
never a Doc. A merged event's id is a hash of its first mention's event id, so re-running on an
unchanged store rewrites the same rows (idempotent).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.merge.dates import interval, mention_interval
from eventwire.merge.engine import MergeParams, merge
from eventwire.merge.fields import summarise
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import load_weights
from eventwire.store.duck import Store

STORE_WEIGHTS = "store_weights.json"
STORE_THRESHOLD = 0.5
WINDOW_DAYS = 14  # existing events this close to a new one are its candidates

_EVENTS_SQL = """
SELECT e.id, e.article_id, e.sentence, e.sentence_text, e.trigger_text, e.trigger_start,
       e.trigger_end, e.plover_type, e.plover_mode, e.cameo, e.status, e.location_name,
       e.location_country, e.lat, e.lon, e.date_value, e.date_source, e.speaker_text, e.attribution_kind,
       e.theme_text, e.source_actors, e.target_actors,
       CAST(a.published AS VARCHAR) AS published, coalesce(nullif(a.source, ''), a.id) AS outlet
FROM events e JOIN articles a ON a.id = e.article_id
"""


@dataclass
class MergeSummary:
    """What one merge run did."""

    mentions: int = 0
    merged_events: int = 0
    new_mentions: int = 0


def store_params() -> MergeParams:
    """Coded events of one sentence may be one event ("met ... for talks"): a score, not a rule."""
    return MergeParams(
        threshold=STORE_THRESHOLD, weights=load_weights(STORE_WEIGHTS), apart_in_sentence=False
    )


COUNTRIES = "countries"  # key of `_actors` holding the participants' countries, any role


def _actors(store: Store, ids: Sequence[str]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Event id -> role -> actor ids; `COUNTRIES` -> the countries of all its participants."""
    out: dict[str, dict[str, set[str]]] = {}
    if not ids:
        return {}
    rows = store.con.execute(
        "SELECT event_id, role, coalesce(actor_id, lower(text)), country FROM participants "
        "WHERE event_id IN (SELECT unnest(?))",
        [list(ids)],
    ).fetchall()
    for eid, role, actor, country in rows:
        out.setdefault(eid, {}).setdefault(role, set()).add(actor)
        if country:
            out[eid].setdefault(COUNTRIES, set()).add(country)
    return {e: {r: tuple(sorted(a)) for r, a in roles.items()} for e, roles in out.items()}


def record_of(row: dict[str, Any], actors: dict[str, tuple[str, ...]]) -> MentionRecord:
    """A stored event row as merge input (the date as a day interval, actors per role)."""
    span = mention_interval(row.get("date_value"), row.get("date_source"))
    actors = dict(actors)
    countries = actors.pop(COUNTRIES, ())
    words = tuple(
        sorted({w for w in str(row.get("theme_text") or "").lower().split() if len(w) > 2})
    )
    return MentionRecord(
        id=row["id"],
        doc=row["article_id"],
        sentence=row.get("sentence") or 0,
        start=row.get("trigger_start") or 0,
        end=row.get("trigger_end") or 0,
        trigger=row.get("trigger_text") or "",
        lemma=(row.get("trigger_text") or "").lower(),
        plover_type=row.get("plover_type"),
        plover_mode=row.get("plover_mode"),
        cameo=row.get("cameo"),
        status=row.get("status"),
        actors=actors,
        countries=countries,
        arguments=words,
        date_start=span[0] if span else None,
        date_end=span[1] if span else None,
        place=row.get("location_name"),
        country=row.get("location_country"),
        lat=row.get("lat"),
        lon=row.get("lon"),
        context=row.get("sentence_text") or "",
        outlet=row.get("outlet"),
    )


def merge_db(db: str | Path, article_ids: Sequence[str] | None = None) -> MergeSummary:
    """Open the store at `db` and merge (all events, or those of `article_ids`)."""
    if str(db) != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such store; create it with `eventwire ingest PATH --db {db}`")
    with Store(db) as store:
        store.con.execute("BEGIN TRANSACTION")
        try:
            summary = merge_store(store, article_ids)
        except duckdb.Error as exc:
            store.con.execute("ROLLBACK")
            raise StoreError(f"{db}: merge failed ({exc})") from exc
        store.con.execute("COMMIT")
    return summary


def _rows(store: Store, where: str = "", params: list[Any] | None = None) -> list[dict[str, Any]]:
    return store.query(_EVENTS_SQL + where + " ORDER BY e.id", params)


def merge_store(store: Store, article_ids: Sequence[str] | None = None) -> MergeSummary:
    """Merge every event (`article_ids` None), or only the events of those articles.

    Incremental: the new mentions meet only stored events of the same type within
    `WINDOW_DAYS` of their dates; existing merged events keep their members and can only grow.
    """
    if article_ids is None:
        rows = _rows(store)
        store.con.execute("DELETE FROM merged_mentions")
        store.con.execute("DELETE FROM merged_events")
        groups = _cluster(store, rows, {})
        _write(store, rows, groups)
        return MergeSummary(len(rows), len(groups), len(rows))
    return _merge_new(store, list(article_ids))


def _cluster(store: Store, rows: list[dict[str, Any]], fixed: dict[str, str]) -> list[list[int]]:
    """Clusters of row indices; rows already merged (`fixed`: event id -> merged id) stay together."""
    actors = _actors(store, [r["id"] for r in rows])
    records = [record_of(r, actors.get(r["id"], {})) for r in rows]
    clusters = merge(records, None, store_params(), fixed=[fixed.get(r["id"]) for r in rows])
    return [c.members for c in clusters]


MERGED_COLUMNS = (
    "id",
    "plover_type",
    "status",
    "date_value",
    "location_name",
    "source_actors",
    "target_actors",
    "n_mentions",
    "n_outlets",
    "n_sources",
    "first_report",
    "last_report",
    "disagreements",
    "why",
)
MENTION_COLUMNS = (
    "event_id",
    "merged_id",
    "article_id",
    "sentence",
    "trigger_start",
    "trigger_end",
    "outlet",
    "speaker",
    "attribution_kind",
    "published",
)


def merged_rows(group: list[dict[str, Any]]) -> tuple[list[Any], list[list[Any]]]:
    """The merged_events row of one group of event rows, and its merged_mentions rows."""
    group = sorted(group, key=lambda r: str(r["id"]))
    mid = hashlib.sha256(str(group[0]["id"]).encode()).hexdigest()[:16]
    s = summarise(group)
    c = s["chosen"]
    event = [
        mid,
        c["type"],
        c["status"],
        c["date"],
        c["place"],
        c["source_actors"],
        c["target_actors"],
        s["n_mentions"],
        s["n_outlets"],
        s["n_sources"],
        s["first_report"],
        s["last_report"],
        json.dumps(s["disagreements"]),
        json.dumps([]),
    ]
    mentions = [
        [
            r["id"],
            mid,
            r["article_id"],
            r["sentence"],
            r["trigger_start"],
            r["trigger_end"],
            r["outlet"],
            r["speaker_text"],
            r["attribution_kind"],
            r["published"],
        ]
        for r in group
    ]
    return event, mentions


def _insert(store: Store, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
    """Bulk insert through Arrow (DuckDB's executemany is slow on many rows)."""
    if not rows:
        return
    import pyarrow as pa

    data = pa.table({c: [r[k] for r in rows] for k, c in enumerate(columns)})
    store.con.register("_merge_rows", data)
    try:
        cols = ", ".join(f'"{c}"' for c in columns)
        store.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _merge_rows")
    finally:
        store.con.unregister("_merge_rows")


def _write(store: Store, rows: list[dict[str, Any]], groups: list[list[int]]) -> None:
    """Replace the merged rows of these groups (their old merged events go first)."""
    events, mentions = [], []
    for members in groups:
        event, ms = merged_rows([rows[i] for i in members])
        events.append(event)
        mentions += ms
    ids = [m[0] for m in mentions]
    store.con.execute(
        "DELETE FROM merged_events WHERE id IN (SELECT merged_id FROM merged_mentions "
        "WHERE event_id IN (SELECT unnest(?))) OR id IN (SELECT unnest(?))",
        [ids, [e[0] for e in events]],
    )
    store.con.execute("DELETE FROM merged_mentions WHERE event_id IN (SELECT unnest(?))", [ids])
    _insert(store, "merged_events", MERGED_COLUMNS, events)
    _insert(store, "merged_mentions", MENTION_COLUMNS, mentions)


def _merge_new(store: Store, article_ids: list[str]) -> MergeSummary:
    """Merge the events of new (or re-coded) articles into the existing merged events."""
    store.con.execute(
        "DELETE FROM merged_mentions WHERE article_id IN (SELECT unnest(?)) "
        "OR event_id NOT IN (SELECT id FROM events)",
        [article_ids],
    )
    new = _rows(store, "WHERE e.article_id IN (SELECT unnest(?))", [article_ids])
    if not new:
        _drop_empty(store)
        return MergeSummary()
    old = _neighbours(store, new, article_ids)
    fixed = {
        eid: mid
        for eid, mid in store.con.execute(
            "SELECT event_id, merged_id FROM merged_mentions WHERE event_id IN (SELECT unnest(?))",
            [[r["id"] for r in old]],
        ).fetchall()
    }
    rows = new + old
    groups = _cluster(store, rows, fixed)
    touched = [g for g in groups if any(i < len(new) for i in g)]
    _write(store, rows, touched)
    _drop_empty(store)
    return MergeSummary(len(rows), len(touched), len(new))


def _neighbours(
    store: Store, new: list[dict[str, Any]], article_ids: list[str]
) -> list[dict[str, Any]]:
    """Stored events of the new mentions' types dated within the window (or undated)."""
    types = sorted({str(r["plover_type"]) for r in new if r.get("plover_type")})
    days = [iv for r in new if (iv := interval(r.get("date_value")))]
    where = "WHERE e.article_id NOT IN (SELECT unnest(?)) AND e.plover_type IN (SELECT unnest(?))"
    params: list[Any] = [article_ids, types]
    if days:
        lo = min(d[0] for d in days).toordinal() - WINDOW_DAYS
        hi = max(d[1] for d in days).toordinal() + WINDOW_DAYS
        where += (
            " AND (e.date_value IS NULL OR try_cast(left(e.date_value, 10) AS DATE) IS NULL"
            " OR (try_cast(left(e.date_value, 10) AS DATE) - DATE '0001-01-01') + 1 BETWEEN ? AND ?)"
        )
        params += [lo, hi]
    return _rows(store, where, params)


def _drop_empty(store: Store) -> None:
    store.con.execute(
        "DELETE FROM merged_events WHERE id NOT IN (SELECT DISTINCT merged_id FROM merged_mentions)"
    )
