"""The negotiation record: the JSON shape of FORMAT.md, as pydantic models (API schema too)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Fate = Literal[
    "proposed",
    "accepted",
    "rejected",
    "countered",
    "signed",
    "extended",
    "violated",
    "suspended",
    "expired",
    "pending",
]
StatusValue = Literal["active", "stalled", "suspended", "agreement", "collapsed"]
PositionKind = Literal["demand", "condition", "support", "rejection"]


class Mention(BaseModel):
    """A span of a stored article that a claim rests on, with the grade of its source."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    published: str | None = None
    source: str | None = None
    attribution: str | None = Field(
        None, description="named, anonymous, agency, unsourced, or null (the outlet's voice)."
    )


class NegActor(BaseModel):
    id: str
    name: str
    country: str | None = None
    sector: list[str] = Field(default_factory=list)
    kind: str | None = None


class Venue(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Round(BaseModel):
    start: str
    end: str | None = None
    venue: str | None = None
    evidence: list[Mention] = Field(default_factory=list)


class FateEntry(BaseModel):
    date: str | None
    fate: Fate
    evidence: list[Mention] = Field(default_factory=list)


class Proposal(BaseModel):
    id: str
    family: str
    text: str
    tabled_by: list[NegActor] = Field(default_factory=list)
    date: str | None = None
    fate: Fate
    history: list[FateEntry] = Field(default_factory=list)
    evidence: list[Mention] = Field(default_factory=list)
    sources: list[str] = Field(
        default_factory=list, description="Grades of the sources it is known from."
    )


class Position(BaseModel):
    actor: NegActor
    kind: PositionKind
    text: str
    date: str | None = None
    evidence: list[Mention] = Field(default_factory=list)


class Threat(BaseModel):
    actor: NegActor
    target: NegActor | None = None
    text: str
    date: str | None = None
    evidence: list[Mention] = Field(default_factory=list)


class Status(BaseModel):
    value: StatusValue
    as_of: str | None = None
    why: str = ""
    evidence: list[Mention] = Field(default_factory=list)


class Negotiation(BaseModel):
    id: str
    title: str
    parties: list[NegActor]
    mediators: list[NegActor] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    articles: list[str] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    threats: list[Threat] = Field(default_factory=list)
    status: Status
    status_history: list[Status] = Field(default_factory=list)
