"""The plain records the merge layer works on: one event mention, read from the store or a gold set.

Nothing here holds a spaCy Doc: a mention is what a stored event row says about itself.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class MentionRecord(BaseModel, frozen=True):
    """One event mention with the evidence the pairwise scores compare."""

    id: str
    doc: str = Field(description="Article (document) id the mention is in.")
    sentence: int = 0
    start: int = 0
    end: int = 0
    trigger: str = ""
    lemma: str = Field("", description="Lemma of the trigger's head word, lower case.")
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    status: str | None = None
    actors: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="Role -> resolved actor ids (or lower-cased names)."
    )
    countries: tuple[str, ...] = Field(
        (), description="Countries of the participants in any role (ISO-3), for role-free overlap."
    )
    arguments: tuple[str, ...] = Field(
        (), description="Content words around the trigger (theme, participants), lower case."
    )
    date_start: date | None = None
    date_end: date | None = Field(None, description="Last day of the date's interval.")
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    context: str = Field("", description="The sentence text.")
    published: date | None = None
    outlet: str | None = None
