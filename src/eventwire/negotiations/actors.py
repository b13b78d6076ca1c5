"""Sides of a negotiation: actor mentions folded into keys (a country's state or non-state side).

A government, its ministers, army and spies are one side (`ISR/state`); an armed group of the
same country is another (`SDN/nonstate` beside `SDN/state`); international organisations are
mediators by nature.
"""

from __future__ import annotations

from collections import Counter

from eventwire.actors.kb import load_kb
from eventwire.negotiations.facts import ActorHit
from eventwire.negotiations.model import NegActor

NONSTATE = {"REB", "OPP", "PTY", "UAF"}
STATE = {"GOV", "MIL", "SPY", "COP", "LEG", "JUD"}

Key = str


def key(a: ActorHit) -> Key:
    """The side an actor mention speaks for."""
    secs = set(a.sector)
    if a.country == "IGO" or "IGO" in secs:
        return "IGO/igo"
    if secs & NONSTATE and not secs & STATE:
        return f"{a.country}/nonstate"
    return f"{a.country}/state"


def is_igo(k: Key) -> bool:
    return k.startswith("IGO/")


def _rank(a: ActorHit) -> tuple[int, int]:
    """Prefer a named state, group or organisation over persons, pronouns and anonymous sources."""
    kind = {"state": 0, "group": 0, "organisation": 1, "person": 3}.get(a.kind, 2)
    return (
        kind + (2 if a.anonymous else 0),
        0 if a.actor_id[:1].islower() or ":" not in a.actor_id else 1,
    )


def representative(hits: list[ActorHit]) -> NegActor:
    """The actor that names a side: the most frequent among the best-ranked mentions."""
    best = min(_rank(h) for h in hits)
    top = Counter(h.actor_id for h in hits if _rank(h) == best).most_common(1)[0][0]
    h = next(x for x in hits if x.actor_id == top)
    # the side's sectors: a government side is its ministers, army and spies alike
    secs = sorted({s for x in hits for s in x.sector} - {"MED", "CVL", "CRM", "REF", "JRN"})
    state = _state_of(h)
    if state is not None:
        return NegActor(id=h.country, name=state, country=h.country, sector=secs, kind="state")
    return NegActor(id=h.actor_id, name=h.name, country=h.country, sector=secs, kind=h.kind)


def _state_of(h: ActorHit) -> str | None:
    """The country's name, when a state side is known only by a collective of its people
    ("American mediators", "Saudi officials", a bare "American"): a demonym names no actor."""
    if (
        h.kind != "people"
        or key(h) != f"{h.country}/state"
        or not h.actor_id.startswith(h.country + ":")
    ):
        return None
    country = load_kb().countries.get(h.country)
    return country.name if country else None
