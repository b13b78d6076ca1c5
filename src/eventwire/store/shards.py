"""Parquet shards: a batch's rows as one Parquet file per table, plus a manifest.

For runs too big for one DuckDB file being written as they go (a GDELT-sized day on a
cluster): `ingest --out-parquet DIR` writes `DIR/<table>/part-NNNNNN.parquet` and
`DIR/manifest.json`, and `ingest --from-parquet DIR --db FILE` loads them into a store (then
merges and digests once), or DuckDB reads them where they lie (`read_parquet`).

A shard holds exactly the rows the store would: each batch goes through the store's own
`write_many` into an in-memory DuckDB with the store's schema, and is copied out from there.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.model import SCHEMA_VERSION, Coded, Failure
from eventwire.store.duck import RESUME_COLUMNS, Store
from eventwire.store.rows import COLUMNS, StoreRows

MANIFEST = "manifest.json"
TABLES = (*COLUMNS, "failures")
FAILURE_COLUMNS = ("input", "stage", "code", "reason", "recorded_at")


def _columns(table: str) -> tuple[str, ...]:
    if table == "failures":
        return FAILURE_COLUMNS
    extra = (*RESUME_COLUMNS, "coded_at") if table == "articles" else ()
    return (*COLUMNS[table], *extra)


class ShardWriter:
    """Writes batches as Parquet shards; the same calls as `Store` for the ingest's writer."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if (self.folder / MANIFEST).exists():
            raise StoreError(f"{self.folder}: already holds shards; write to a new folder")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.buffer = Store(":memory:")
        self.files: dict[str, list[str]] = {t: [] for t in TABLES}
        self.rows: dict[str, int] = dict.fromkeys(TABLES, 0)
        self.coder = ""
        self._failures: list[Failure] = []

    @property
    def con(self) -> Any:
        """The in-memory buffer (empty between batches): resume finds nothing stored in it."""
        return self.buffer.con

    def write_many(self, batch: list[Coded], coder: str = "") -> None:
        self.coder = coder or self.coder
        self.buffer.write_many(batch, coder)
        self._flush(COLUMNS)

    def write_rows(self, batch: StoreRows) -> None:
        """A prepared batch's rows; its digests are not shards (`load_parquet` makes them)."""
        self.coder = batch.coder or self.coder
        self.buffer.write_rows(replace(batch, digests=[], digest_version=""))
        self._flush(COLUMNS)

    def write_failure(self, failure: Failure) -> None:
        """Failures are kept and written as one shard at the end (they are few and small)."""
        self._failures.append(failure)

    def close(self) -> None:
        for f in self._failures:
            self.buffer.write_failure(f)
        self._flush(("failures",))
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "coder": self.coder,
            "tables": {t: {"files": self.files[t], "rows": self.rows[t]} for t in TABLES},
        }
        (self.folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
        self.buffer.close()

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _flush(self, tables: Any) -> None:
        """Copy each buffered table to its next shard and empty the buffer."""
        for table in tables:
            n = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            if not n:
                continue
            (self.folder / table).mkdir(exist_ok=True)
            name = f"{table}/part-{len(self.files[table]):06d}.parquet"
            cols = ", ".join(f'"{c}"' for c in _columns(table))
            target = str(self.folder / name).replace("'", "''")
            self.con.execute(f"COPY (SELECT {cols} FROM {table}) TO '{target}' (FORMAT parquet)")
            self.con.execute(f"DELETE FROM {table}")
            self.files[table].append(name)
            self.rows[table] += n


def read_manifest(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / MANIFEST
    try:
        manifest: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: no readable shard manifest ({exc})") from exc
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise StoreError(
            f"{path}: shards of record schema {manifest.get('schema_version')}, "
            f"this eventwire writes {SCHEMA_VERSION}; code them again"
        )
    return manifest


def load_shards(store: Store, folder: str | Path) -> list[str]:
    """Load the shards in `folder` into `store` in one transaction; returns the article ids.

    Articles already in the store are replaced, as an ingest would replace them.
    """
    manifest, root = read_manifest(folder), Path(folder)

    def files(table: str) -> list[str]:
        return [str(root / f) for f in manifest["tables"].get(table, {}).get("files", [])]

    ids = [
        str(r[0])
        for r in store.con.execute("SELECT id FROM read_parquet(?)", [files("articles")]).fetchall()
    ] if files("articles") else []  # fmt: skip
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.delete_articles(ids)
        for table in TABLES:
            if not files(table):
                continue
            cols = ", ".join(f'"{c}"' for c in _columns(table))
            verb = "INSERT OR REPLACE" if table == "failures" else "INSERT"
            store.con.execute(
                f"{verb} INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?)", [files(table)]
            )
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{root}: shards could not be loaded ({exc})") from exc
    return ids
