"""What a rule handler sees besides its match: the anchor, the tense, the reference date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from eventwire.dates.calendar import Direction
from eventwire.dates.lexicon import words

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future", "none"]


class Unresolved(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a handler that needs the publication date when there is none."""

    def __init__(self, type_: TimexType) -> None:
        super().__init__(type_)
        self.type: TimexType = type_


@dataclass(frozen=True)
class Resolution:
    """A normalised TIMEX3: type, value, granularity and modifier."""

    type: TimexType
    value: str
    granularity: str
    mod: str = ""
    start: int = -1  # when >= 0: the extent starts here, not at the match start
    end: int = -1  # when >= 0: the extent ends here


@dataclass(frozen=True)
class Context:
    """The publication date (anchor), the governing verb's tense, the last date mentioned."""

    anchor: date | None
    tense: Tense = "none"
    ref: date | None = None
    ref_granularity: str = ""

    def need(self, type_: TimexType = "DATE") -> date:
        """The anchor, or raise `Unresolved` (never guess a date without one)."""
        if self.anchor is None:
            raise Unresolved(type_)
        return self.anchor

    def direction(self, *, present: Direction = "nearest") -> Direction:
        """Past/future from the tense; `present` for present tense or none."""
        if self.tense == "past":
            return "past"
        if self.tense == "future":
            return "future"
        return present


def premod(text: str | None) -> str:
    """TIMEX3 mod for 'early', 'mid', 'the end of' ...; '' when absent."""
    if not text:
        return ""
    key = " ".join(text.lower().replace("-", " ").split())
    return words("premod").get(key, "")


def durmod(text: str | None) -> str:
    """TIMEX3 mod for 'about', 'more than', 'at least' ...; '' when absent."""
    if not text:
        return ""
    return words("durmod").get(" ".join(text.lower().split()), "")
