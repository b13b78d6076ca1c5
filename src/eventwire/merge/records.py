"""The plain records the merge layer works on: one event mention, read from the store or a gold set.

Nothing here holds a spaCy Doc: a mention is what a stored event row says about itself. A
record is a frozen dataclass with slots, not a validated model: a merge holds every mention
of the store at once, and a slotted record weighs about 250 bytes where a model with its
attribute dict weighed about 1.4 kB (100k mentions: some 110 MiB less). Its fields are the
ones the store and the gold loaders fill, already typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """One event mention with the evidence the pairwise scores compare.

    `doc` is the article (document) id; `lemma` the lemma of the trigger's head word, lower
    case; `actors` maps a role to its resolved actor ids (or lower-cased names); `countries`
    are the countries of the participants in any role (ISO-3), for role-free overlap;
    `arguments` the content words around the trigger (theme, participants), lower case;
    `date_end` the last day of the date's interval; `context` the sentence text; `dep` the
    trigger head's syntactic relation (spaCy's label, "" when unknown): a modifier ("the
    security update", "emergency room") seldom names a reported event of its own.
    """

    id: str
    doc: str
    sentence: int = 0
    start: int = 0
    end: int = 0
    trigger: str = ""
    lemma: str = ""
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    status: str | None = None
    actors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    countries: tuple[str, ...] = ()
    arguments: tuple[str, ...] = ()
    date_start: date | None = None
    date_end: date | None = None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    context: str = ""
    published: date | None = None
    outlet: str | None = None
    dep: str = ""
