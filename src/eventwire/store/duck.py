"""The embedded DuckDB store: versioned migrations, idempotent writes of `Coded` records."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.model import Coded, Failure
from eventwire.store.rows import (
    CHILD_TABLES,
    RESUME_COLUMNS,
    StoreRows,
    arrow_table,
    store_rows,
)

__all__ = ["RESUME_COLUMNS", "Store"]


class Store:
    """A DuckDB file (or ':memory:') holding everything eventwire coded."""

    def __init__(self, path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{self.path}: another process is using this store (DuckDB allows one "
                    "writer, and no reader while it writes); wait for it to finish"
                ) from exc
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply migrations not yet applied, in order; returns their names."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, "
            "applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        folder = resources.files("eventwire.store") / "migrations"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".sql") and entry.name not in done:
                self.con.execute(entry.read_text(encoding="utf-8"))
                self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [entry.name])
                applied.append(entry.name)
        return applied

    # -- writes ---------------------------------------------------------------
    def write(self, coded: Coded) -> None:
        """Store one coded article, replacing any earlier coding of the same article id."""
        self.write_many([coded])

    def write_many(self, batch: list[Coded], coder: str = "") -> None:
        """Store coded articles in one transaction, one bulk insert per table.

        Replaces any earlier coding of the same article ids (the last one wins when an article
        comes twice), so re-ingesting never duplicates. `coder` (and each article's content
        hash) let a later run skip what is already coded (`store.resume`).
        """
        self.write_rows(store_rows(batch, coder))

    def write_rows(self, batch: StoreRows) -> None:
        """Store a batch's prepared rows (`store.rows.store_rows`) in one transaction.

        As `write_many`; the batch's negotiation digests, when it has them, go in with their
        articles (stamped with the article's `coded_at`), so `negotiations.store.refresh`
        finds them fresh. Failures are the caller's to write.
        """
        if not batch.ids:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.delete_articles(batch.ids)
            for table, data in batch.tables.items():
                self.insert_arrow(table, data)
            if batch.digests:
                self._insert_digests(batch)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"articles {', '.join(batch.ids)}: could not be stored ({exc})"
            ) from exc

    def _insert_digests(self, batch: StoreRows) -> None:
        ids = [d[0] for d in batch.digests]
        self.con.execute(
            "DELETE FROM negotiation_digests WHERE article_id IN (SELECT unnest(?))", [ids]
        )
        data = arrow_table(
            ("article_id", "version", "digest"),
            [[aid, batch.digest_version, js] for aid, js in batch.digests],
        )
        self.con.register("_eventwire_digests", data)
        try:
            self.con.execute(
                "INSERT INTO negotiation_digests (article_id, coded_at, version, digest) "
                "SELECT d.article_id, a.coded_at, d.version, d.digest FROM _eventwire_digests d "
                "JOIN articles a ON a.id = d.article_id"
            )
        finally:
            self.con.unregister("_eventwire_digests")

    def insert_rows(self, table: str, cols: tuple[str, ...], rows: list[list[Any]]) -> None:
        """One INSERT for many rows, through an Arrow table (columns named, not positional)."""
        if rows:
            self.insert_arrow(table, arrow_table(cols, rows))

    def insert_arrow(self, table: str, data: Any) -> None:
        """One INSERT of an Arrow table's columns, by name."""
        quoted = ", ".join(f'"{c}"' for c in data.column_names)
        self.con.register("_eventwire_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _eventwire_rows")
        finally:
            self.con.unregister("_eventwire_rows")

    def delete_articles(self, ids: list[str]) -> None:
        """Delete these articles and every row of theirs.

        Only stored articles have rows (an article goes in with its rows, in one transaction),
        so the child tables are scanned only for those: a batch of new articles costs one
        look-up of the articles' key, not a scan of every table of a growing store.
        """
        found = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        stored = [str(r[0]) for r in found]
        if not stored:
            return
        for table in (*CHILD_TABLES, "articles"):
            col = "id" if table == "articles" else "article_id"
            self.con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [stored])

    def write_failure(self, failure: Failure) -> None:
        """Record a failure; the same input failing the same way is kept once."""
        self.con.execute(
            "INSERT OR REPLACE INTO failures (input, stage, code, reason) VALUES (?,?,?,?)",
            [failure.input, failure.stage, failure.code, failure.reason],
        )

    # -- reads ----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = (
            "articles",
            "sentences",
            "actor_mentions",
            "events",
            "participants",
            "timexes",
            "places",
            "attributions",
            "failures",
        )
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts (for the API and the CLI)."""
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def event_records(
        self, where: str = "", params: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        rows = self.con.execute(
            f"SELECT record FROM events {where} ORDER BY article_id, sentence, trigger_start",
            params or [],
        ).fetchall()
        return [json.loads(r[0]) for r in rows]
