"""Reading merged events back: the list, and one event with its mentions and disagreements."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.store.duck import Store

COLUMNS = (
    "id, plover_type, status, date_value, location_name, source_actors, target_actors, "
    "n_mentions, n_outlets, n_sources, first_report, last_report, disagreements"
)


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["disagreements"] = json.loads(row.get("disagreements") or "{}")
    return row


def merged_events(store: Store, limit: int = 1000, offset: int = 0) -> list[dict[str, Any]]:
    """Merged events, the most reported first."""
    try:
        rows = store.query(
            f"SELECT {COLUMNS} FROM merged_events ORDER BY n_outlets DESC, n_mentions DESC, id "
            "LIMIT ? OFFSET ?",
            [limit, offset],
        )
    except duckdb.CatalogException as exc:
        raise StoreError(f"{store.path}: no merged events yet; run `eventwire merge`") from exc
    return [_decode(r) for r in rows]


def merged_event(store: Store, merged_id: str) -> dict[str, Any] | None:
    """One merged event with every mention (article, sentence, trigger span, outlet, speaker)."""
    try:
        found = store.query(f"SELECT {COLUMNS} FROM merged_events WHERE id = ?", [merged_id])
    except duckdb.CatalogException as exc:
        raise StoreError(f"{store.path}: no merged events yet; run `eventwire merge`") from exc
    if not found:
        return None
    event = _decode(found[0])
    event["mentions"] = store.query(
        "SELECT m.event_id, m.article_id, m.sentence, m.trigger_start, m.trigger_end, "
        "e.trigger_text, e.sentence_text, m.outlet, m.speaker, m.attribution_kind, m.published, "
        'a.title, a.url, m.trigger_start - coalesce(s."start", 0) AS start_in_sentence, '
        'm.trigger_end - coalesce(s."start", 0) AS end_in_sentence '
        "FROM merged_mentions m JOIN events e ON e.id = m.event_id "
        "JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence "
        "WHERE m.merged_id = ? "
        "ORDER BY m.published, m.article_id, m.sentence",
        [merged_id],
    )
    return event


def merged_id_of(store: Store, event_id: str) -> str | None:
    """The merged event a stored event belongs to, if merged."""
    try:
        row = store.con.execute(
            "SELECT merged_id FROM merged_mentions WHERE event_id = ?", [event_id]
        ).fetchone()
    except duckdb.CatalogException:
        return None
    return str(row[0]) if row else None


def merged_of(store: Store, event_id: str) -> dict[str, Any] | None:
    """The merged event holding a stored event, with its mentions (None before any merge)."""
    merged_id = merged_id_of(store, event_id)
    return merged_event(store, merged_id) if merged_id else None
