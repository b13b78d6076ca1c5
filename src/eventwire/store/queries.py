"""Read-side queries shared by the CLI, the REST API and the web pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.errors import StoreError
from eventwire.store.duck import Store

TABLES = (
    "events",
    "participants",
    "articles",
    "sentences",
    "actor_mentions",
    "places",
    "timexes",
    "attributions",
    "failures",
)


def _open(db: str | Path) -> Store:
    if str(db) != ":memory:" and not Path(db).exists():
        raise StoreError(f"{db}: no such store; create it with `eventwire ingest PATH --db {db}`")
    return Store(db, read_only=True)


def export_table(
    db: str | Path, *, table: str = "events", fmt: str = "jsonl", output: Path | None = None
) -> str:
    """Export a table as csv, jsonl, parquet (or events as plover/gdelt); text when no file."""
    if fmt in ("plover", "gdelt"):
        return _export_foreign(db, fmt=fmt, table=table, output=output)
    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in ("csv", "jsonl", "parquet"):
        raise StoreError(f"unknown format {fmt!r}; choose csv, jsonl, parquet, plover or gdelt")
    if fmt == "parquet" and output is None:
        raise StoreError("parquet needs --output FILE")
    with _open(db) as store:
        if fmt == "jsonl" and table == "events":
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in store.event_records())
        else:
            select = (
                f"SELECT * EXCLUDE (record) FROM {table}"
                if table == "events"
                else f"SELECT * FROM {table}"
            )
            if output is not None:
                opts = {
                    "csv": "(FORMAT csv, HEADER)",
                    "jsonl": "(FORMAT json)",
                    "parquet": "(FORMAT parquet)",
                }[fmt]
                store.con.execute(f"COPY ({select}) TO '{_quote(output)}' {opts}")
                return ""
            rows = store.query(select)
            text = _rows_text(rows, fmt)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        return ""
    return text


def _export_foreign(db: str | Path, *, fmt: str, table: str, output: Path | None) -> str:
    """PLOVER JSON lines or a GDELT 2.0 TSV of the events (store/formats.py)."""
    from eventwire.store.formats import gdelt_tsv, plover_jsonl

    if table != "events":
        raise StoreError(f"--format {fmt} exports events only, not {table!r}")
    with _open(db) as store:
        text = plover_jsonl(store) if fmt == "plover" else gdelt_tsv(store)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        return ""
    return text


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _rows_text(rows: list[dict[str, Any]], fmt: str) -> str:
    import csv
    import io

    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buf.getvalue()


def store_stats(db: str | Path) -> dict[str, Any]:
    """Row counts, events by PLOVER type and by status, failures by code."""
    with _open(db) as store:
        return {
            "rows": store.counts(),
            "events_by_type": dict(
                store.con.execute(
                    "SELECT plover_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
            "events_by_status": dict(
                store.con.execute(
                    "SELECT status, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
            "failures_by_code": dict(
                store.con.execute(
                    "SELECT code, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC"
                ).fetchall()
            ),
        }
