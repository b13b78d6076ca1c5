"""The event record's public JSON shape (the foundation issue's contract) and its schema.

`Event` is the internal record; `EventOut` is what `code --format jsonl`, `export` and the
REST API print: the same facts with the attribution cue flattened to its text.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from eventwire.model import SCHEMA_VERSION, ActorRef, Event, EventDate, Plover, Span, Status


class ActorOut(BaseModel):
    id: str
    name: str
    country: str | None
    sector: list[str]
    kind: str
    anonymous: bool = False


class ParticipantOut(BaseModel):
    role: str
    text: str
    start: int
    end: int
    actor: ActorOut | None


class LocationOut(BaseModel):
    text: str
    name: str
    geonames_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int
    admin_level: str = ""


class SpeakerOut(BaseModel):
    text: str
    start: int
    end: int
    actor: ActorOut | None


class AttributionOut(BaseModel):
    speaker: SpeakerOut | None
    kind: str
    cue: str | None
    cue_span: Span | None
    quote: bool


class EventOut(BaseModel):
    """One coded event as printed and exported (schema version in `schema_version`)."""

    id: str
    article_id: str
    sentence: int
    text: str
    trigger: Span
    plover: Plover
    cameo: str
    quad: int
    goldstein: float
    participants: list[ParticipantOut]
    theme: Span | None
    location: LocationOut | None
    date: EventDate | None
    status: Status
    condition: Span | None
    attribution: AttributionOut | None
    confidence: float
    rule: str
    schema_version: str = SCHEMA_VERSION


def _actor(ref: ActorRef | None) -> ActorOut | None:
    return ActorOut(**ref.model_dump()) if ref else None


def event_out(ev: Event) -> EventOut:
    """Map an internal event to its public shape."""
    att = ev.attribution
    loc = ev.location
    return EventOut(
        **ev.model_dump(
            include={
                "id",
                "article_id",
                "sentence",
                "text",
                "cameo",
                "quad",
                "goldstein",
                "status",
                "confidence",
            }
        ),
        trigger=ev.trigger,
        plover=ev.plover,
        theme=ev.theme,
        date=ev.date,
        condition=ev.condition,
        participants=[
            ParticipantOut(
                role=p.role, text=p.text, start=p.start, end=p.end, actor=_actor(p.actor)
            )
            for p in ev.participants
        ],
        location=LocationOut(**loc.model_dump(include=set(LocationOut.model_fields)))
        if loc
        else None,
        attribution=AttributionOut(
            speaker=SpeakerOut(
                text=att.speaker.text,
                start=att.speaker.start,
                end=att.speaker.end,
                actor=_actor(att.speaker.actor),
            )
            if att.speaker
            else None,
            kind=att.kind,
            cue=att.cue.text if att.cue else None,
            cue_span=att.cue,
            quote=att.quote,
        )
        if att
        else None,
        rule=ev.provenance.rule,
    )


def event_record(ev: Event) -> dict[str, Any]:
    return event_out(ev).model_dump(mode="json")


def event_jsonl(ev: Event) -> str:
    return json.dumps(event_record(ev), ensure_ascii=False)


def event_json_schema() -> dict[str, Any]:
    """JSON Schema of the event record printed by `code --format jsonl` and `export`."""
    schema = EventOut.model_json_schema()
    return schema
