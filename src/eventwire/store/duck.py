"""The embedded DuckDB store: versioned migrations, idempotent writes of `Coded` records."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.model import Coded, Event, Failure
from eventwire.store.export import event_jsonl


def _actor_cols(ref: Any) -> tuple[Any, ...]:
    if ref is None:
        return (None, None, None, None, None)
    return (ref.id, ref.name, ref.country, list(ref.sector), ref.kind)


def _names(ev: Event, role: str) -> str:
    return "; ".join(
        (p.actor.name if p.actor else p.text) for p in ev.participants if p.role == role
    )


class Store:
    """A DuckDB file (or ':memory:') holding everything eventwire coded."""

    def __init__(self, path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
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
        a = coded.article
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_article(a.id)
            self.con.execute(
                "INSERT INTO articles (id, input, source, url, title, published, language, text, "
                "n_sentences, n_events, schema_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    a.id,
                    a.input,
                    a.source,
                    a.url,
                    a.title,
                    a.published,
                    a.language,
                    a.text,
                    len(coded.sentences),
                    len(coded.events),
                    coded.schema_version,
                ],
            )
            self._write_children(coded)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"article {a.id} ({a.input}): could not be stored ({exc})") from exc

    def _delete_article(self, article_id: str) -> None:
        for table in (
            "sentences",
            "actor_mentions",
            "participants",
            "timexes",
            "places",
            "attributions",
            "events",
            "articles",
        ):
            col = "id" if table == "articles" else "article_id"
            self.con.execute(f"DELETE FROM {table} WHERE {col} = ?", [article_id])

    def _write_children(self, coded: Coded) -> None:
        aid = coded.article.id
        many = self.con.executemany
        if coded.sentences:
            many(
                "INSERT INTO sentences VALUES (?,?,?,?,?)",
                [[aid, s.index, s.start, s.end, s.text] for s in coded.sentences],
            )
        if coded.actors:
            many(
                "INSERT INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    [
                        aid,
                        m.sentence,
                        m.start,
                        m.end,
                        m.text,
                        *_actor_cols(m.actor),
                        bool(m.actor and m.actor.anonymous),
                        m.ner_label,
                        m.antecedent.text if m.antecedent else None,
                        m.antecedent.start if m.antecedent else None,
                        m.provenance.rule,
                    ]
                    for m in coded.actors
                ],
            )
        if coded.events:
            many(
                "INSERT INTO events VALUES (" + ",".join("?" * 36) + ")",
                [self._event_row(e) for e in coded.events],
            )
            rows = [
                [e.id, aid, i, p.role, p.text, p.start, p.end, *_actor_cols(p.actor)]
                for e in coded.events
                for i, p in enumerate(e.participants)
            ]
            if rows:
                many("INSERT INTO participants VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        if coded.timexes:
            many(
                "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    [aid, t.sentence, t.start, t.end, t.text, t.type, t.value, t.granularity, t.mod]
                    for t in coded.timexes
                ],
            )
        if coded.places:
            many(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    [
                        aid,
                        p.sentence,
                        p.start,
                        p.end,
                        p.text,
                        p.name,
                        p.geonames_id,
                        p.country,
                        p.admin_level,
                        p.lat,
                        p.lon,
                    ]
                    for p in coded.places
                ],
            )
        if coded.attributions:
            many(
                "INSERT INTO attributions VALUES (?,?,?,?,?,?,?,?,?)",
                [
                    [
                        aid,
                        i,
                        t.speaker.text if t.speaker else None,
                        t.speaker.actor.id if t.speaker and t.speaker.actor else None,
                        t.kind,
                        t.cue.text if t.cue else None,
                        t.quote,
                        " … ".join(c.text for c in t.content),
                        t.sentences,
                    ]
                    for i, t in enumerate(coded.attributions)
                ],
            )

    @staticmethod
    def _event_row(e: Event) -> list[Any]:
        loc, d, att = e.location, e.date, e.attribution
        spk = att.speaker if att else None
        return [
            e.id,
            e.article_id,
            e.sentence,
            e.text,
            e.trigger.text,
            e.trigger.start,
            e.trigger.end,
            e.plover.type,
            e.plover.mode,
            e.cameo,
            e.quad,
            e.goldstein,
            _names(e, "source"),
            _names(e, "target"),
            _names(e, "third_party"),
            e.theme.text if e.theme else None,
            e.status,
            e.condition.text if e.condition else None,
            loc.text if loc else None,
            loc.name if loc else None,
            loc.geonames_id if loc else None,
            loc.country if loc else None,
            loc.lat if loc else None,
            loc.lon if loc else None,
            d.text if d else None,
            d.value if d else None,
            d.granularity if d else None,
            d.source if d else None,
            spk.text if spk else None,
            spk.actor.id if spk and spk.actor else None,
            att.kind if att else None,
            att.cue.text if att and att.cue else None,
            att.quote if att else None,
            e.confidence,
            e.provenance.rule,
            event_jsonl(e),
        ]

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
