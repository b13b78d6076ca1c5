"""Give participants without an actor one: an actor mention inside their span, or their place's country.

"imposed a curfew in Cizre" -> target Cizre -> TUR; "threatening to attack the city" -> the city
last named before ("Rafah") -> its country; "said China must drop barriers" -> the mention "China".
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwire.errors import EventwireError
from eventwire.events.placenames import (
    AREA_LEVELS,
    PLACE_NOUNS,
    is_place,
    place_entry,
    proper_name,
)
from eventwire.events.roles import ActorIndex
from eventwire.model import ActorRef, Participant


def _entry(name: str) -> tuple[str, str] | None:
    """The gazetteer's entry for a place name, but never for a bare compass word ("West")."""
    from eventwire.actors.context import generic_place

    return None if generic_place(name) else place_entry(name)


def place_country(name: str) -> str | None:
    """ISO-3 country of a named place."""
    found = _entry(name)
    return found[0] if found else None


@lru_cache(maxsize=512)
def country_ref(iso3: str) -> ActorRef | None:
    """The state actor of a country code, or None when the actors KB does not know it."""
    from eventwire.actors.refs import state_ref

    try:
        return state_ref(iso3)
    except (KeyError, EventwireError):
        return None


def _place_ref(name: str) -> ActorRef | None:
    """The actor of a named place: its country's state, or for a town below the capital the
    town's people ("a curfew in Cizre" -> TUR CVL), who are what a curfew or a shelling hits."""
    found = _entry(name)
    if not found:
        return None
    from eventwire.actors.context import town_ref

    return town_ref(name, found[0], found[1]) or country_ref(found[0])


class PlaceMemo:
    """Named places of one document below country level, listed once when first needed."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc, self.index = doc, index
        self._starts: list[int] | None = None
        self._refs: list[ActorRef] = []

    def _build(self) -> list[int]:
        starts: list[int] = []
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound" or not is_place(tok):
                continue
            entry = _entry(proper_name(tok))
            if entry is None or entry[1] not in AREA_LEVELS:
                continue
            mention = self.index.covering(tok)
            known = mention.actor if mention and mention.actor and mention.actor.country else None
            ref = known or country_ref(entry[0])
            if ref is not None:
                starts.append(tok.idx)
                self._refs.append(ref)
        return starts

    def before(self, char: int) -> ActorRef | None:
        """Actor of the last named place before `char` ("the city" -> Rafah -> PSE)."""
        if self._starts is None:
            self._starts = self._build()
        i = bisect_left(self._starts, char)
        return self._refs[i - 1] if i > 0 else None


def _named_place_inside(doc: Doc, p: Participant) -> ActorRef | None:
    """'the city of Kharkiv', 'the town of Kidal': the country of the place named inside."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # "East" of "East Jerusalem": look the whole name up at its head
        if tok.pos_ == "PROPN" or is_place(tok):
            ref = _place_ref(proper_name(tok))
            if ref is not None:
                return ref
    return None


def _place_noun(doc: Doc, p: Participant) -> Token | None:
    """The head of 'the city' / 'the town' when a participant is such a phrase."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    if head.lemma_.lower() in PLACE_NOUNS and not any(t.ent_type_ for t in span):
        return head
    return None


def participant_actor(
    doc: Doc, p: Participant, index: ActorIndex, memo: PlaceMemo
) -> ActorRef | None:
    """An actor for a participant without one: a mention inside it, its place, the place it refers to."""
    mentions = index.inside(p.start, p.end)
    inside = [m for m in mentions if m.actor and m.actor.country]
    if inside:
        return inside[0].actor
    if any(m.actor and m.actor.kind in ("person", "PERSON") for m in mentions):
        return None  # "Faisal al-Rashid": a person's name, though Rashid is also a town
    ref = _named_place_inside(doc, p)  # proper nouns only: "Police" is also a Polish town
    if ref is not None:
        return ref
    noun = _place_noun(doc, p) if p.role == "target" else None
    if noun is not None:
        return memo.before(p.start)
    return None


def fill_actors(parts: list[Participant], index: ActorIndex, memo: PlaceMemo) -> list[Participant]:
    """Participants lacking an actor (or its country) get one where it can be found; others unchanged."""
    out: list[Participant] = []
    for p in parts:
        if (p.actor is None or p.actor.country is None) and p.role in ("source", "target"):
            ref = participant_actor(memo.doc, p, index, memo)
            if ref is not None:
                p = p.model_copy(update={"actor": ref})
        out.append(p)
    return out
