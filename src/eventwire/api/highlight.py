"""Cut an article's text into segments marked with the event spans that cover them.

The page renders each segment once, with one CSS class per kind of span (trigger, source,
target, place, date, speaker, cue), so overlapping spans need no nested markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pydantic import BaseModel

from eventwire.model import Sentence
from eventwire.store.export import EventOut

Mark = tuple[int, int, str, str]  # start, end, kind, event id


class Segment(BaseModel):
    text: str
    kinds: list[str]
    events: list[str]


class SentenceBlock(BaseModel):
    """One stored sentence's segments (`index` as stored, the `#s{n}` of evidence links), or
    the text between two sentences (`index` None)."""

    index: int | None
    segments: list[Segment]


def event_marks(ev: EventOut) -> list[Mark]:
    """Every span of one event that points into the text, with its kind."""
    marks: list[Mark] = [(ev.trigger.start, ev.trigger.end, "trigger", ev.id)]
    marks += [(p.start, p.end, p.role, ev.id) for p in ev.participants]
    if ev.location:
        marks.append((ev.location.start, ev.location.end, "place", ev.id))
    if ev.date and ev.date.start is not None and ev.date.end is not None:
        marks.append((ev.date.start, ev.date.end, "date", ev.id))
    att = ev.attribution
    if att and att.speaker:
        marks.append((att.speaker.start, att.speaker.end, "speaker", ev.id))
    if att and att.cue_span:
        marks.append((att.cue_span.start, att.cue_span.end, "cue", ev.id))
    return marks


def segments(
    text: str, events: list[EventOut], *, offset: int = 0, breaks: Iterable[int] = ()
) -> list[Segment]:
    """The text as consecutive segments; marked ones carry their kinds and event ids.

    `offset` is where `text` starts in the article (a sentence shown alone); a segment also
    ends at each of `breaks` (sentence boundaries), so no segment straddles two sentences.
    """
    shifted = [(m[0] - offset, m[1] - offset, m[2], m[3]) for ev in events for m in event_marks(ev)]
    marks = [m for m in shifted if 0 <= m[0] < m[1] <= len(text)]
    opening: dict[int, list[Mark]] = {}
    closing: dict[int, list[Mark]] = {}
    for m in marks:
        opening.setdefault(m[0], []).append(m)
        closing.setdefault(m[1], []).append(m)
    inside = {b - offset for b in breaks if 0 < b - offset < len(text)}
    cuts = sorted({0, len(text), *opening, *closing, *inside})
    active: Counter[Mark] = Counter()
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for m in closing.get(a, []):
            active[m] -= 1
            if active[m] <= 0:
                del active[m]
        active.update(opening.get(a, []))
        live = list(active)
        out.append(
            Segment(
                text=text[a:b],
                kinds=sorted({m[2] for m in live}),
                events=sorted({m[3] for m in live}),
            )
        )
    return out


def by_sentence(
    text: str, sentences: list[Sentence], events: list[EventOut]
) -> list[SentenceBlock]:
    """The article's segments grouped by the stored sentence they fall in, in text order, so
    the page can give each sentence the anchor evidence links point to."""
    bounds = sorted((s.start, s.end, s.index) for s in sentences)
    segs = segments(text, events, breaks=[b for s in bounds for b in s[:2]])
    out: list[SentenceBlock] = []
    pos = 0
    for seg in segs:
        idx = next((i for a, b, i in bounds if a <= pos < b), None)
        if not out or out[-1].index != idx:
            out.append(SentenceBlock(index=idx, segments=[]))
        out[-1].segments.append(seg)
        pos += len(seg.text)
    return out
