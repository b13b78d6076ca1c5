"""Attach places to the events that happened there.

An event takes, in order: the place of its `venue` participant; a place in a locative phrase
governed by its trigger ("talks in Cairo", "travel to Paris"); a place that is the target of
the trigger ("attack on the city of Rafah", "shelled Kharkiv"). A place that only appears in
another clause of the sentence is a mere mention and does not attach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.model import Event, Place
from eventwire.nlp.parse import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Token

LOCATIVE_PREPS = frozenset(
    "in at near inside outside across around throughout to into toward towards from on onto "
    "against over through within along off outside".split()
)
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
LINK_DEPS = frozenset({"pobj", "prep", "appos", "compound", "amod", "nmod", "poss"})
MAX_HOPS = 5


def attach_places(parsed: Parsed, events: list[Event], places: list[Place]) -> list[Event]:
    """Events with `location` set where the text places them; others unchanged."""
    located = [p for p in places if p.lat is not None or p.name]
    out = []
    for event in events:
        place = venue_place(event, located) or governed_place(parsed, event, located)
        out.append(event.model_copy(update={"location": place}) if place else event)
    return out


def venue_place(event: Event, places: list[Place]) -> Place | None:
    """The place inside the event's venue participant, if any."""
    for part in event.participants:
        if part.role != "venue":
            continue
        for place in places:
            if place.start < part.end and part.start < place.end:
                return place
    return None


def trigger_heads(parsed: Parsed, event: Event) -> set[int]:
    """Token indices standing for the event: the trigger's tokens and, for a noun trigger,
    the verb it is the object of ('held talks' -> 'held')."""
    span = parsed.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return set()
    heads = {t.i for t in span}
    root = span.root
    if (
        root.pos_ in ("NOUN", "PROPN")
        and root.dep_ in OBJECT_DEPS | {"nsubj"}
        and root.head.pos_ in ("VERB", "AUX")
    ):
        heads.add(root.head.i)
    return heads


def path_to_event(token: Token, heads: set[int]) -> bool:
    """True when the place token reaches an event token through prepositional or nominal
    links only, passing a locative preposition or being the event's object."""
    seen_prep = False
    for _ in range(MAX_HOPS):
        if token.dep_ == "prep" and token.lower_ in LOCATIVE_PREPS:
            seen_prep = True
        head = token.head
        if head.i in heads:
            return seen_prep or token.dep_ in OBJECT_DEPS or token.dep_ == "compound"
        if head is token or (token.dep_ not in LINK_DEPS and token.dep_ not in OBJECT_DEPS):
            return False
        if head.pos_ in ("VERB", "AUX"):
            return False
        token = head
    return False


def governed_place(parsed: Parsed, event: Event, places: list[Place]) -> Place | None:
    """The nearest place in the event's sentence linked to its trigger by a locative phrase
    or as its object."""
    heads = trigger_heads(parsed, event)
    if not heads:
        return None
    candidates = []
    for place in places:
        if place.sentence != event.sentence and place.sentence >= 0:
            continue
        span = parsed.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and path_to_event(span.root, heads):
            candidates.append((abs(place.start - event.trigger.start), place))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
