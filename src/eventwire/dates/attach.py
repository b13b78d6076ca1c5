"""Give each event the date the parse attaches to it, else its sentence's, else publication.

Order of preference (issue 6): a timex that modifies the trigger itself ("met ... last week",
"the October 7 attack"), then one on a clause that encloses it ("said on Friday that it had
completed ..."), both with source "text"; then any date in the sentence ("sentence"); then
the publication date ("publication") when `use_publication` is set.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.dates.tense import governing_verb
from eventwire.model import DateSource, Event, EventDate, Timex
from eventwire.nlp.parse import Parsed

DATED_TYPES = frozenset({"DATE", "TIME"})
REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MAX_UP = 10


def _usable(t: Timex) -> bool:
    """A point or period in time (not a duration, set or vague reference)."""
    return t.type in DATED_TYPES and t.value not in REFS


def _head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of a character span (None if it does not align with tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _host(tok: Token, triggers: set[int]) -> Token | None:
    """What a timex hangs from: the first event trigger or verb above its head."""
    for _ in range(MAX_UP):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.i in triggers or tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def event_date(t: Timex, source: DateSource) -> EventDate:
    """The EventDate a timex gives an event (granularity 'unresolved' when it has no value)."""
    granularity = t.granularity if t.value else "unresolved"
    return EventDate(
        text=t.text, start=t.start, end=t.end, value=t.value, granularity=granularity, source=source
    )


def _from_parse(trigger: Token, hosted: dict[int, Timex]) -> Timex | None:
    """The timex on the trigger itself, else on the nearest clause above it."""
    if trigger.i in hosted:
        return hosted[trigger.i]
    verb = governing_verb(trigger)
    if verb is not None and verb.i in hosted:
        return hosted[verb.i]
    for anc in trigger.ancestors:
        if anc.i in hosted:
            return hosted[anc.i]
    return None


def _nearest(event: Event, timexes: list[Timex]) -> Timex | None:
    """The date in the event's sentence closest to its trigger."""
    same = [t for t in timexes if t.sentence == event.sentence]
    return min(same, key=lambda t: abs(t.start - event.trigger.start), default=None)


def attach_dates(
    parsed: Parsed, events: list[Event], timexes: list[Timex], *, use_publication: bool = True
) -> list[Event]:
    """Events with `date` set from the text, the sentence or the publication date.

    Example: "Haniyeh met mediators last week." (published 2024-02-23) -> the "met" event gets
    EventDate(value="2024-W07", granularity="week", source="text").
    """
    doc = parsed.doc
    usable = [t for t in timexes if _usable(t)]
    trig_tokens = [_head(doc, e.trigger.start, e.trigger.end) for e in events]
    triggers = {tok.i for tok in trig_tokens if tok is not None}
    hosted: dict[int, Timex] = {}
    for t in usable:
        head = _head(doc, t.start, t.end)
        host = _host(head, triggers) if head is not None else None
        if host is not None:
            hosted.setdefault(host.i, t)
    published = parsed.article.published
    out: list[Event] = []
    for e, tok in zip(events, trig_tokens, strict=True):
        found = _from_parse(tok, hosted) if tok is not None else None
        date: EventDate | None = event_date(found, "text") if found else None
        if date is None and (near := _nearest(e, usable)) is not None:
            date = event_date(near, "sentence")
        if date is None and use_publication and published is not None:
            date = EventDate(
                text="", value=published.isoformat(), granularity="day", source="publication"
            )
        out.append(e.model_copy(update={"date": date}) if date is not None else e)
    return out
