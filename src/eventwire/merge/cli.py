"""Rendering of `eventwire events [--merged]` (the CLI stays a thin layer)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.merge.views import merged_events
from eventwire.store.duck import Store

MERGED_COLUMNS = (
    ("id", "id"),
    ("plover_type", "type"),
    ("status", "status"),
    ("date_value", "when"),
    ("location_name", "where"),
    ("source_actors", "who"),
    ("target_actors", "to whom"),
    ("n_outlets", "outlets"),
    ("n_mentions", "mentions"),
    ("disagree", "disagree on"),
)


def _open(db: Path) -> Store:
    if not db.exists():
        raise StoreError(f"{db}: no such store; create it with `eventwire ingest PATH --db {db}`")
    return Store(db, read_only=True)


def print_events(db: Path, *, merged: bool, fmt: str, limit: int) -> None:
    """Print stored events or merged events as a table or as JSON."""
    if fmt not in ("table", "json"):
        raise StoreError(f"unknown format {fmt!r}; choose table or json")
    with _open(db) as store:
        if merged:
            rows = merged_events(store, limit=limit)
        else:
            rows = _mentions(store, limit)
    if fmt == "json":
        print(json.dumps(rows, default=str, indent=1))
        return
    _table(rows, merged)


def _mentions(store: Store, limit: int) -> list[dict[str, object]]:
    return store.query(
        "SELECT id, article_id, sentence, trigger_text, plover_type, status, date_value, "
        "location_name, source_actors, target_actors FROM events "
        "ORDER BY article_id, sentence, trigger_start LIMIT ?",
        [limit],
    )


def _table(rows: list[dict[str, object]], merged: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="merged events" if merged else "events", expand=True)
    cols = MERGED_COLUMNS if merged else tuple((k, k) for k in (rows[0] if rows else {}))
    for _, label in cols:
        table.add_column(label, overflow="fold")
    for r in rows:
        if merged:
            r = {**r, "disagree": ", ".join(sorted(r.get("disagreements") or {}))}  # type: ignore[call-overload]
        table.add_row(*("" if r.get(k) is None else str(r.get(k)) for k, _ in cols))
    Console(width=160).print(table)
