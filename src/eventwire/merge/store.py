"""Merge the events of a store into `merged_events` / `merged_mentions`, fully or incrementally.

Reads plain rows (events joined with their article's date and outlet, participants' actor ids),
never a Doc. A merged event's id is a hash of its first mention's event id, so re-running on an
unchanged store rewrites the same rows (idempotent). Every mention's block keys are kept in
`merge_keys` (with its dates), so an incremental merge finds its candidates by a join instead of
reading the store.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.merge.blocking import SPARSE_KEYS, day, is_sparse, last_day
from eventwire.merge.dates import mention_interval
from eventwire.merge.engine import MergeParams, merge
from eventwire.merge.fields import summarise
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import load_weights
from eventwire.store.duck import Store

STORE_WEIGHTS = "store_weights.json"
STORE_THRESHOLD = 0.5

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
        threshold=STORE_THRESHOLD,
        weights=load_weights(STORE_WEIGHTS),
        sparse_keys=SPARSE_KEYS,
        apart_in_sentence=False,
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


def record_of(
    row: dict[str, Any], actors: dict[str, tuple[str, ...]], shared: dict[Any, Any] | None = None
) -> MentionRecord:
    """A stored event row as merge input (the date as a day interval, actors per role).

    The store's columns are typed already; a record is a slotted dataclass, so 100k of them
    stay small. `shared` (kept across the records of one merge) makes equal values one
    object: each fetched row brings its own copy of "CONSULT", of its article id, of its
    sentence (one per event of that sentence), of every actor id and date.
    """

    def one(value: Any) -> Any:
        return value if shared is None else shared.setdefault(value, value)

    span = mention_interval(
        row.get("date_value"), row.get("date_source"), row.get("status"), row.get("published")
    )
    roles = {one(r): one(tuple(one(a) for a in ids)) for r, ids in actors.items()}
    countries = roles.pop(COUNTRIES, ())
    words = tuple(
        sorted({w for w in str(row.get("theme_text") or "").lower().split() if len(w) > 2})
    )
    trigger = row.get("trigger_text") or ""
    return MentionRecord(
        id=row["id"],
        doc=one(row["article_id"]),
        sentence=row.get("sentence") or 0,
        start=row.get("trigger_start") or 0,
        end=row.get("trigger_end") or 0,
        trigger=one(trigger),
        lemma=one(trigger.lower()),
        plover_type=one(row.get("plover_type")),
        plover_mode=one(row.get("plover_mode")),
        cameo=one(row.get("cameo")),
        status=one(row.get("status")),
        actors=roles,
        countries=countries,
        arguments=one(tuple(one(w) for w in words)),
        date_start=one(span[0]) if span else None,
        date_end=one(span[1]) if span else None,
        place=one(row.get("location_name")),
        country=one(row.get("location_country")),
        lat=row.get("lat"),
        lon=row.get("lon"),
        context=one(row.get("sentence_text") or ""),
        outlet=one(row.get("outlet")),
    )


def merge_db(db: str | Path, article_ids: Sequence[str] | None = None) -> MergeSummary:
    """Open the store at `db` and merge (all events, or those of `article_ids`)."""
    if str(db) != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such store; create it with `eventwire ingest PATH --db {db}`")
    with Store(db) as store, _no_cycle_collection():
        store.con.execute("BEGIN TRANSACTION")
        try:
            summary = merge_store(store, article_ids)
        except duckdb.Error as exc:
            store.con.execute("ROLLBACK")
            raise StoreError(f"{db}: merge failed ({exc})") from exc
        store.con.execute("COMMIT")
    return summary


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector for one merge, then restore it as it was.

    A merge builds millions of small objects (pair tuples, scores, links) and frees them at the
    end; none form cycles, and every collection the allocations trigger walks the live heap of
    all the store's records again (a tenth of a 100k merge's CPU time).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _ids(store: Store, where: str = "", params: list[Any] | None = None) -> list[str]:
    """Ids of the stored events matching `where`, in id order."""
    cur = store.con.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        + where
        + " ORDER BY e.id",
        params or [],
    )
    return [str(r[0]) for r in cur.fetchall()]


def _rows_of(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Event id -> its stored row (events joined with the article's date and outlet)."""
    cur = store.con.execute(_EVENTS_SQL + "WHERE e.id IN (SELECT unnest(?))", [list(ids)])
    columns = [d[0] for d in cur.description]
    return {str(t[0]): dict(zip(columns, t, strict=True)) for t in cur.fetchall()}


def _records(store: Store, ids: Sequence[str]) -> list[MentionRecord]:
    """The merge records of these events, read a chunk at a time: the rows are dropped once
    their records are made (a merge holds only records; the rows are read again to write)."""
    out: list[MentionRecord] = []
    shared: dict[Any, Any] = {}
    for lo in range(0, len(ids), CHUNK):
        part = ids[lo : lo + CHUNK]
        rows, actors = _rows_of(store, part), _actors(store, part)
        for eid in part:
            rows[eid]["id"] = eid  # the id string the caller holds already, not a copy
            out.append(record_of(rows[eid], actors.get(eid, {}), shared))
    return out


def merge_store(store: Store, article_ids: Sequence[str] | None = None) -> MergeSummary:
    """Merge every event (`article_ids` None), or only the events of those articles.

    Incremental: the new mentions meet only the stored mentions sharing a block key with them
    (the nearest by date when a block is large) and the other members of their merged events;
    existing merged events keep their members and can only grow.
    """
    if article_ids is None:
        ids = _ids(store)
        for table in ("merged_mentions", "merged_events", "merge_keys"):
            store.con.execute(f"DELETE FROM {table}")
        records = _records(store, ids)
        groups = _cluster(records, {})
        _write(store, records, groups, replace=False)
        _write_keys(store, records)
        return MergeSummary(len(records), len(groups), len(records))
    return _merge_new(store, list(article_ids))


def _cluster(records: list[MentionRecord], fixed: dict[str, str]) -> list[list[int]]:
    """Clusters of record indices; records already merged (`fixed`: event id -> merged id) stay
    together."""
    labels = [fixed.get(r.id) for r in records]
    clusters = merge(records, None, store_params(), fixed=labels, explain=False)
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


CHUNK = 10_000  # rows built and inserted at a time, so writing 100k merged events stays small


def _write(
    store: Store, records: Sequence[MentionRecord], groups: list[list[int]], *, replace: bool = True
) -> None:
    """Write the merged rows of these groups (`replace`: their old merged events go first)."""
    for lo in range(0, len(groups), CHUNK):
        events, mentions = [], []
        part = groups[lo : lo + CHUNK]
        rows = _rows_of(store, [records[i].id for members in part for i in members])
        for members in part:
            event, ms = merged_rows([rows[records[i].id] for i in members])
            events.append(event)
            mentions += ms
        if replace:
            _delete_merged(store, [m[0] for m in mentions], [e[0] for e in events])
        _insert(store, "merged_events", MERGED_COLUMNS, events)
        _insert(store, "merged_mentions", MENTION_COLUMNS, mentions)


def _delete_merged(store: Store, event_ids: list[str], merged_ids: list[str]) -> None:
    store.con.execute(
        "DELETE FROM merged_events WHERE id IN (SELECT merged_id FROM merged_mentions "
        "WHERE event_id IN (SELECT unnest(?))) OR id IN (SELECT unnest(?))",
        [event_ids, merged_ids],
    )
    store.con.execute(
        "DELETE FROM merged_mentions WHERE event_id IN (SELECT unnest(?))", [event_ids]
    )


KEY_COLUMNS = ("key", "event_id", "article_id", "first_day", "last_day", "sparse")


def _key_rows(records: Sequence[MentionRecord]) -> list[list[Any]]:
    """(key, event id, article id, first and last day or None, sparse) per block key."""
    params = store_params()
    families = (*params.keys, *params.sparse_keys)
    out = []
    for m in records:
        first, last, sparse = day(m) or None, last_day(m) or None, is_sparse(m)
        out += [[k, m.id, m.doc, first, last, sparse] for fn in families for k in fn(m)]
    return out


def _write_keys(store: Store, records: Sequence[MentionRecord]) -> None:
    for lo in range(0, len(records), CHUNK):
        _insert(store, "merge_keys", KEY_COLUMNS, _key_rows(records[lo : lo + CHUNK]))


def _merge_new(store: Store, article_ids: list[str]) -> MergeSummary:
    """Merge the events of new (or re-coded) articles into the existing merged events."""
    _backfill_keys(store)
    for table in ("merged_mentions", "merge_keys"):
        store.con.execute(
            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?)) "
            "OR event_id NOT IN (SELECT id FROM events)",
            [article_ids],
        )
    new_ids = _ids(store, "WHERE e.article_id IN (SELECT unnest(?))", [article_ids])
    if not new_ids:
        _drop_empty(store)
        return MergeSummary()
    new = _records(store, new_ids)
    old_ids = _ids(store, "WHERE e.id IN (SELECT unnest(?))", [_neighbours(store, new)])
    fixed = {
        eid: mid
        for eid, mid in store.con.execute(
            "SELECT event_id, merged_id FROM merged_mentions WHERE event_id IN (SELECT unnest(?))",
            [old_ids],
        ).fetchall()
    }
    records = new + _records(store, old_ids)
    groups = _cluster(records, fixed)
    touched = [g for g in groups if any(i < len(new) for i in g)]
    _write(store, records, touched)
    _write_keys(store, new)
    _drop_empty(store)
    return MergeSummary(len(records), len(touched), len(new))


def _neighbours(store: Store, new: Sequence[MentionRecord]) -> list[str]:
    """Ids of the stored events a new mention may join, and of every other mention of their
    merged events (a merged event is scored whole).

    As the full merge pairs them: per block key of a new mention, the stored mentions holding
    it whose dates are at most `max_gap_days` from its own (undated: the undated), the nearest
    `max_block` by date; in the sparse blocks the `2 * sparse_window` nearest, and only sparse
    ones for a mention that has actors or a place.
    """
    params = store_params()
    probes = []
    for m in new:
        first, last, sparse = day(m) or None, last_day(m) or None, is_sparse(m)
        probes += [
            [k, m.id, first, last, False, params.max_block] for fn in params.keys for k in fn(m)
        ]
        probes += [
            [k, m.id, first, last, not sparse, 2 * params.sparse_window]
            for fn in params.sparse_keys
            for k in fn(m)
        ]
    if not probes:
        return []
    import pyarrow as pa

    cols = ("key", "event_id", "first_day", "last_day", "sparse_only", "lim")
    table = pa.table({c: [p[k] for p in probes] for k, c in enumerate(cols)})
    store.con.register("_merge_probes", table)
    try:
        found = store.con.execute(
            """
            WITH hits AS (
                SELECT k.event_id, p.lim, row_number() OVER (
                    PARTITION BY p."key", p.event_id
                    ORDER BY abs(coalesce(k.first_day - p.first_day, 0)), k.event_id
                ) AS rn
                FROM merge_keys k JOIN _merge_probes p ON k."key" = p."key"
                WHERE (k.sparse OR NOT p.sparse_only)
                  AND ((k.first_day IS NULL AND p.first_day IS NULL)
                       OR (k.first_day <= p.last_day + ? AND p.first_day <= k.last_day + ?))
            ),
            near AS (SELECT DISTINCT event_id FROM hits WHERE rn <= lim)
            SELECT event_id FROM near
            UNION
            SELECT m.event_id FROM merged_mentions m WHERE m.merged_id IN (
                SELECT merged_id FROM merged_mentions WHERE event_id IN (SELECT event_id FROM near)
            )
            """,
            [params.max_gap_days or 1 << 30] * 2,
        ).fetchall()
    finally:
        store.con.unregister("_merge_probes")
    return sorted(r[0] for r in found)


def _backfill_keys(store: Store) -> None:
    """A store merged before keys were kept gets the keys of its merged mentions once."""
    has_keys = store.con.execute("SELECT count(*) FROM merge_keys").fetchone()
    has_merged = store.con.execute("SELECT count(*) FROM merged_mentions").fetchone()
    if (has_keys and has_keys[0]) or not (has_merged and has_merged[0]):
        return
    ids = _ids(store, "WHERE e.id IN (SELECT event_id FROM merged_mentions)")
    _write_keys(store, _records(store, ids))


def _drop_empty(store: Store) -> None:
    store.con.execute(
        "DELETE FROM merged_events WHERE id NOT IN (SELECT DISTINCT merged_id FROM merged_mentions)"
    )
