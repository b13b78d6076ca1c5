"""Table rows of a coded article: one function per table, the same columns the migrations make.

Kept apart from the store so writes can be done in bulk (one Arrow table per table per
batch) instead of row by row, and so the column lists are named once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.model import ActorRef, Coded, Event, Failure
from eventwire.store.export import event_jsonl

Row = list[Any]
RESUME_COLUMNS = ("content_hash", "coder")  # articles' columns a later run's resume reads

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "input", "source", "url", "title", "published", "language", "text",
        "n_sentences", "n_events", "schema_version",
    ),
    "sentences": ("article_id", "idx", "start", "end", "text"),
    "actor_mentions": (
        "article_id", "sentence", "start", "end", "text", "actor_id", "actor_name", "country",
        "sector", "kind", "anonymous", "ner_label", "antecedent_text", "antecedent_start", "rule",
    ),
    "events": (
        "id", "article_id", "sentence", "sentence_text", "trigger_text", "trigger_start",
        "trigger_end", "plover_type", "plover_mode", "cameo", "quad", "goldstein",
        "source_actors", "target_actors", "third_parties", "theme_text", "status",
        "condition_text", "location_text", "location_name", "geonames_id", "location_country",
        "lat", "lon", "date_text", "date_value", "date_granularity", "date_source",
        "speaker_text", "speaker_actor_id", "attribution_kind", "cue", "quote", "confidence",
        "rule", "record",
    ),
    "participants": (
        "event_id", "article_id", "idx", "role", "text", "start", "end", "actor_id",
        "actor_name", "country", "sector", "kind",
    ),
    "timexes": (
        "article_id", "sentence", "start", "end", "text", "type", "value", "granularity", "mod",
    ),
    "places": (
        "article_id", "sentence", "start", "end", "text", "name", "geonames_id", "country",
        "admin_level", "lat", "lon",
    ),
    "attributions": (
        "article_id", "idx", "speaker_text", "speaker_actor_id", "kind", "cue", "quote",
        "content", "sentences",
    ),
}  # fmt: skip
CHILD_TABLES = tuple(t for t in COLUMNS if t != "articles")


def table_columns(table: str) -> tuple[str, ...]:
    """The columns a write fills in `table` (articles also get their resume columns)."""
    return (*COLUMNS[table], *(RESUME_COLUMNS if table == "articles" else ()))


def batch_rows(batch: Iterable[Coded], coder: str = "") -> tuple[list[str], dict[str, list[Row]]]:
    """The articles of a batch (each once: the last coding wins) and their rows by table."""
    from eventwire.store.resume import content_hash

    latest = {c.article.id: c for c in batch}
    tables: dict[str, list[Row]] = {t: [] for t in COLUMNS}
    for c in latest.values():
        for table, rows in rows_of(c).items():
            tables[table].extend(rows)
    for row, c in zip(tables["articles"], latest.values(), strict=True):
        row.extend([content_hash(c.article), coder])
    return list(latest), tables


def arrow_table(cols: tuple[str, ...], rows: list[Row]) -> Any:
    """Rows as an Arrow table with these column names (the types Arrow infers per column)."""
    import pyarrow as pa

    return pa.table(
        {c: pa.array(list(v)) for c, v in zip(cols, zip(*rows, strict=True), strict=True)}
    )


Digester = Callable[[dict[str, list[Row]]], list[tuple[str, str]]]


@dataclass
class StoreRows:
    """One batch ready for the writer's transaction, built where the batch was coded.

    `tables` holds one Arrow table per non-empty table (`table_columns`): they pickle as
    buffers, so a worker hands the one writer rows to insert, not records to flatten.
    `digests` are (article id, negotiation digest JSON) of version `digest_version`.
    """

    ids: list[str]  # the articles stored, each once
    tables: dict[str, Any]
    coder: str = ""
    coded: list[str] = field(default_factory=list)  # ids of every coded article, in order
    events: int = 0
    digests: list[tuple[str, str]] = field(default_factory=list)
    digest_version: str = ""
    failures: list[Failure] = field(default_factory=list)


def store_rows(
    batch: list[Coded],
    coder: str = "",
    *,
    failures: Iterable[Failure] = (),
    digester: Digester | None = None,
    digest_version: str = "",
) -> StoreRows:
    """A coded batch as `StoreRows`; `digester` makes its negotiation digests from the rows."""
    ids, tables = batch_rows(batch, coder)
    digests = digester(tables) if digester and ids else []
    return StoreRows(
        ids=ids,
        coder=coder,
        tables={t: arrow_table(table_columns(t), rows) for t, rows in tables.items() if rows},
        coded=[c.article.id for c in batch],
        events=sum(len(c.events) for c in batch),
        digests=digests,
        digest_version=digest_version if digests else "",
        failures=list(failures),
    )


def rows_of(coded: Coded) -> dict[str, list[Row]]:
    """Every row one coded article adds, by table."""
    a, aid = coded.article, coded.article.id
    return {
        "articles": [
            [
                a.id, a.input, a.source, a.url, a.title, a.published, a.language, a.text,
                len(coded.sentences), len(coded.events), coded.schema_version,
            ]
        ],
        "sentences": [[aid, s.index, s.start, s.end, s.text] for s in coded.sentences],
        "actor_mentions": [
            [
                aid, m.sentence, m.start, m.end, m.text, *_actor_cols(m.actor),
                bool(m.actor and m.actor.anonymous), m.ner_label,
                m.antecedent.text if m.antecedent else None,
                m.antecedent.start if m.antecedent else None, m.provenance.rule,
            ]
            for m in coded.actors
        ],
        "events": [event_row(e) for e in coded.events],
        "participants": [
            [e.id, aid, i, p.role, p.text, p.start, p.end, *_actor_cols(p.actor)]
            for e in coded.events
            for i, p in enumerate(e.participants)
        ],
        "timexes": [
            [aid, t.sentence, t.start, t.end, t.text, t.type, t.value, t.granularity, t.mod]
            for t in coded.timexes
        ],
        "places": [
            [
                aid, p.sentence, p.start, p.end, p.text, p.name, p.geonames_id, p.country,
                p.admin_level, p.lat, p.lon,
            ]
            for p in coded.places
        ],
        "attributions": [
            [
                aid, i, t.speaker.text if t.speaker else None,
                t.speaker.actor.id if t.speaker and t.speaker.actor else None, t.kind,
                t.cue.text if t.cue else None, t.quote, " … ".join(c.text for c in t.content),
                t.sentences,
            ]
            for i, t in enumerate(coded.attributions)
        ],
    }  # fmt: skip


def _actor_cols(ref: ActorRef | None) -> tuple[Any, ...]:
    if ref is None:
        return (None, None, None, None, None)
    return (ref.id, ref.name, ref.country, list(ref.sector), ref.kind)


def _names(ev: Event, role: str) -> str:
    return "; ".join(
        (p.actor.name if p.actor else p.text) for p in ev.participants if p.role == role
    )


def event_row(e: Event) -> Row:
    """The flat columns of one event, and its full record as JSON."""
    loc, d, att = e.location, e.date, e.attribution
    spk = att.speaker if att else None
    return [
        e.id, e.article_id, e.sentence, e.text, e.trigger.text, e.trigger.start, e.trigger.end,
        e.plover.type, e.plover.mode, e.cameo, e.quad, e.goldstein,
        _names(e, "source"), _names(e, "target"), _names(e, "third_party"),
        e.theme.text if e.theme else None, e.status, e.condition.text if e.condition else None,
        loc.text if loc else None, loc.name if loc else None, loc.geonames_id if loc else None,
        loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        d.text if d else None, d.value if d else None, d.granularity if d else None,
        d.source if d else None, spk.text if spk else None,
        spk.actor.id if spk and spk.actor else None, att.kind if att else None,
        att.cue.text if att and att.cue else None, att.quote if att else None,
        e.confidence, e.provenance.rule, event_jsonl(e),
    ]  # fmt: skip
