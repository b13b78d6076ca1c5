"""The one data model: every record eventwire makes, defined once and frozen.

The `Article` owns the text; every other record points into it by character offsets
(end exclusive). Records are plain pydantic models, so they pickle, ship to Ray
workers and serialise to the store without spaCy.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

Role = Literal["source", "target", "third_party", "venue"]
Status = Literal[
    "occurred",
    "ongoing",
    "planned",
    "expected",
    "threatened",
    "conditional",
    "hypothetical",
    "negated",
]
SourceKind = Literal["named", "anonymous", "agency", "unsourced"]
DateSource = Literal["text", "sentence", "publication"]
Granularity = Literal[
    "day",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "year",
    "range",
    "decade",
    "time",
    "duration",
    "unresolved",
]


class Record(BaseModel):
    """Base of every record: frozen, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Record):
    """A character view into `Article.text`."""

    text: str
    start: int = Field(description="Character offset into the article text.")
    end: int = Field(description="Exclusive end offset.")


class Provenance(Record):
    """Where a record came from: stage, rule id and lexicon version."""

    stage: str
    rule: str = ""
    lexicon: str = ""


def normalise_text(text: str) -> str:
    """NFC, unified newlines and stripped trailing space: the form ids are computed on."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str, source: str = "") -> str:
    """Stable id: a hash of the normalised text and the source, so re-ingest is idempotent."""
    digest = hashlib.sha256(f"{source}\x00{normalise_text(text)}".encode()).hexdigest()
    return digest[:16]


class Article(Record):
    """One news report: the text every other record points into."""

    id: str
    text: str
    published: date | None = None
    source: str = Field("", description="Outlet or feed name.")
    url: str = ""
    title: str = ""
    language: str = "en"
    input: str = Field("", description="Where it was read from (path, path:line, '-').")

    @classmethod
    def make(cls, text: str, **fields: object) -> Article:
        """Build an article with its id computed from the normalised text and the source.

        The text itself is kept exactly as given, so every offset indexes the caller's input
        and an event's sentence text is a substring of it.
        """
        source = str(fields.get("source") or "")
        return cls(id=article_id(text, source), text=text, **fields)


class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


class ActorRef(Record):
    """A resolved actor from the knowledge base (or an unresolved placeholder)."""

    id: str = Field(description="KB id, or 'unresolved:<text>'.")
    name: str
    country: str | None = Field(None, description="ISO-3 code, or IGO etc.")
    sector: list[str] = Field(default_factory=list, description="Sector codes: GOV, MIL, REB, ...")
    kind: str = Field("organisation", description="state, organisation, person, group, people.")
    anonymous: bool = False


class ActorMention(Record):
    """A phrase in the text that names or refers to an actor."""

    article_id: str
    sentence: int
    text: str
    start: int
    end: int
    actor: ActorRef | None = None
    ner_label: str = ""
    antecedent: Span | None = Field(
        None, description="For pronouns and descriptions: what they refer to."
    )
    provenance: Provenance = Provenance(stage="actors")


class Participant(Record):
    role: Literal["source", "target", "third_party", "venue"]
    text: str
    start: int
    end: int
    actor: ActorRef | None = None


class Place(Record):
    """A place mention resolved to a gazetteer entry."""

    text: str
    start: int
    end: int
    name: str = ""
    geonames_id: int | None = None
    country: str | None = Field(None, description="ISO-3 code.")
    admin_level: str = Field("", description="country, admin1, city, region, ...")
    lat: float | None = None
    lon: float | None = None
    sentence: int = -1
    provenance: Provenance = Provenance(stage="places")


class Timex(Record):
    """A temporal expression and its normalised value."""

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str = Field(
        "", description="ISO value (2024-02-23, 2024-W07, 2024-02, P1M), '' if unresolved."
    )
    granularity: str = "day"
    mod: str = Field("", description="EARLY, MID, LATE, START, ... for parts of periods.")
    sentence: int = -1
    provenance: Provenance = Provenance(stage="dates")


class EventDate(Record):
    text: str
    start: int | None = None
    end: int | None = None
    value: str
    granularity: str
    source: DateSource


class Speaker(Record):
    text: str
    start: int
    end: int
    actor: ActorRef | None = None


class Attribution(Record):
    """Who said it: the source, the cue, and the content it covers."""

    article_id: str = ""
    speaker: Speaker | None = None
    kind: SourceKind = "named"
    cue: Span | None = None
    content: list[Span] = Field(default_factory=list)
    quote: bool = False
    sentences: list[int] = Field(default_factory=list)
    provenance: Provenance = Provenance(stage="attribution")


class Plover(Record):
    type: str
    mode: str | None = None


class Event(Record):
    """One coded event: who did what to whom, where, when, whether, on whose word."""

    id: str
    article_id: str
    sentence: int
    text: str = Field(description="The sentence text, as it stands in the article.")
    trigger: Span
    plover: Plover
    cameo: str
    quad: int = Field(
        0, description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."
    )
    goldstein: float = 0.0
    participants: list[Participant] = Field(default_factory=list)
    theme: Span | None = None
    location: Place | None = None
    date: EventDate | None = None
    status: Status = "occurred"
    condition: Span | None = None
    attribution: Attribution | None = None
    confidence: float = 0.5
    provenance: Provenance = Provenance(stage="events")


class Failure(Record):
    """An input that could not be processed, with the reason: batches go on."""

    input: str
    stage: str
    code: str
    reason: str


class Coded(Record):
    """Everything eventwire made of one article: the unit downstream takes."""

    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[ActorMention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    schema_version: str = SCHEMA_VERSION


class Batch(Record):
    """The result of a run over many inputs: coded articles plus recorded failures."""

    coded: list[Coded] = Field(default_factory=list)
    failures: list[Failure] = Field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [e for c in self.coded for e in c.events]
