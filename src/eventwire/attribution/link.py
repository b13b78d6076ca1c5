"""attach_attributions: give each event the innermost attribution whose content holds it."""

from __future__ import annotations

from eventwire.model import Attribution, Event, Participant, Span
from eventwire.nlp.parse import Parsed


def _overlaps(a: Span, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _holder(trigger: Span, attributions: list[Attribution]) -> Attribution | None:
    """The attribution with the narrowest content span around the trigger, not its own cue."""
    best: tuple[int, Attribution] | None = None
    for attr in attributions:
        if attr.cue is not None and _overlaps(attr.cue, trigger.start, trigger.end):
            continue  # the event is the statement itself: only an outer attribution holds it
        for span in attr.content:
            if span.start <= trigger.start and trigger.end <= span.end:
                width = span.end - span.start
                if best is None or width < best[0]:
                    best = (width, attr)
    return best[1] if best else None


_FIRST_PERSON = frozenset({"we", "us", "i", "me"})


def _speaker_voice(event: Event, holder: Attribution) -> list[Participant]:
    """In reported speech "we"/"I" is the speaker (or the speaker's side): give it that actor."""
    speaker = holder.speaker.actor if holder.speaker else None
    if speaker is None:
        return event.participants
    return [
        p.model_copy(update={"actor": speaker})
        if p.text.lower() in _FIRST_PERSON
        and p.actor is None
        and any(c.start <= p.start and p.end <= c.end for c in holder.content)
        else p
        for p in event.participants
    ]


def attach_attributions(
    parsed: Parsed, events: list[Event], attributions: list[Attribution]
) -> list[Event]:
    """Events whose trigger lies inside an attribution's content get that attribution.

    Events that are the statement (trigger on the cue) keep None, or the outer attribution
    when the statement is itself reported ("X said Y told him that Z").
    """
    out: list[Event] = []
    for event in events:
        holder = _holder(event.trigger, attributions)
        if holder is None:
            out.append(event)
            continue
        update = {"attribution": holder, "participants": _speaker_voice(event, holder)}
        out.append(event.model_copy(update=update))
    return out
