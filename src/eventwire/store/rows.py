"""Table rows of a coded article: one function per table, the same columns the migrations make.

Kept apart from the store so writes can be done in bulk (one Arrow table per table per
batch) instead of row by row, and so the column lists are named once.
"""

from __future__ import annotations

from typing import Any

from eventwire.model import ActorRef, Coded, Event
from eventwire.store.export import event_jsonl

Row = list[Any]

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
