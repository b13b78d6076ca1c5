"""Find quotations in a text: every common quote mark, paragraph-local, never crashing.

Wires open a quote at each paragraph of a multi-paragraph quotation and close it only at
the end, so a quotation is closed at a paragraph break; an unbalanced mark closes there too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Marks: straight and curly doubles, guillemets, doubled single quotes ('' and ``),
# curly singles. Straight double and '' toggle; the others have a side.
_MARK = re.compile(r"``|''|[\"“”«»„‘’]")
_OPEN = {"“": "”", "«": "»", "„": "“", "``": "''", "‘": "’"}
_TOGGLE = frozenset({'"', "''"})
_DOUBLE_CLOSERS = frozenset({"”", "»", "''", '"'})


@dataclass(frozen=True)
class Quote:
    """A quotation: `start` at the opening mark, `end` just after the closing one."""

    start: int
    end: int
    closed: bool


def _is_apostrophe(text: str, i: int) -> bool:
    """A right single mark between letters (don’t) or after a plural s (voters’) is no quote."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or before in "sS")


def _stray_close(text: str, i: int, mark: str) -> bool:
    """A single mark right after end punctuation and before a space closes a double quote."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return mark in {"’", "“"} and i > 0 and text[i - 1] in ".,!?" and after.isspace()


def _paragraph_quotes(text: str, base: int) -> list[Quote]:
    """Quotations inside one paragraph (offsets shifted by `base`)."""
    out: list[Quote] = []
    open_at: int | None = None
    closer = ""
    for m in _MARK.finditer(text):
        mark, i = m.group(), m.start()
        if open_at is None:
            if mark in _TOGGLE or mark in _OPEN and not (mark == "‘" and _is_apostrophe(text, i)):
                open_at, closer = i, (mark if mark in _TOGGLE else _OPEN[mark])
            continue
        if closer == "’":
            if mark != "’" or _is_apostrophe(text, i):
                continue
        elif (
            mark != closer
            and mark not in _DOUBLE_CLOSERS
            and not _stray_close(text, m.start(), mark)
        ):
            continue
        out.append(Quote(base + open_at, base + m.end(), True))
        open_at = None
    if open_at is not None:
        out.append(Quote(base + open_at, base + len(text.rstrip()), False))
    return out


def find_quotes(text: str) -> list[Quote]:
    """All quotations of a text, in order; unbalanced marks end at the paragraph break."""
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            out.extend(_paragraph_quotes(para, pos))
        pos += len(para) + 1
    return out


class QuoteIndex:
    """Quotations of one article, with a fast lookup of the one containing an offset."""

    def __init__(self, text: str) -> None:
        self.quotes = [q for q in find_quotes(text) if q.end - q.start > 2]
        self._starts = [q.start for q in self.quotes]

    def containing(self, start: int, end: int) -> Quote | None:
        """The quotation that contains [start, end), if any."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and self.quotes[i].start <= start and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def starting_in(self, start: int, end: int) -> Quote | None:
        """The first quotation whose opening mark lies in [start, end)."""
        i = bisect_right(self._starts, start - 1)
        if i < len(self.quotes) and self.quotes[i].start < end:
            return self.quotes[i]
        return None

    def ending_before(self, pos: int) -> Quote | None:
        """The last closed quotation that ends at or before `pos`."""
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self.quotes[i].end > pos:
            i -= 1
        return self.quotes[i] if i >= 0 else None

    def next_after(self, pos: int) -> Quote | None:
        """The first quotation opening at or after `pos`."""
        i = bisect_right(self._starts, pos - 1)
        return self.quotes[i] if i < len(self.quotes) else None
