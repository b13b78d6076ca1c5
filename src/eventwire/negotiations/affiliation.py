"""Whom a person speaks for: a party's own negotiators, spokespeople and officials are that party.

The actor stage may resolve a named person to a country's government ("Mohammed Abdulsalam":
Yemen, GOV) although he negotiates for an armed group of that country; the tracker would then
pit the group against its own negotiator. Two things say whom a person serves:

- the knowledge base: the offices the person holds on the report's day, when every one of
  them is held in an organisation (an official of the Houthis, a leader of Hamas);
- the text: a role phrase right before the name or in apposition right after it ("the Houthis'
  chief negotiator Mohammed Abdulsalam", "Mohammed Abdulsalam, the group's spokesman,"),
  which the actor stage already resolved to that side.

A folded mention keeps its words, id and name; only its country and sectors change.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from eventwire.actors.kb import load_kb
from eventwire.negotiations.actors import key
from eventwire.negotiations.facts import ActorHit, ArticleFacts, SentenceFacts

# between a role phrase and the name it qualifies: nothing, or a comma (apposition)
_ADJACENT = re.compile(r"\s*,?\s*")


Side = tuple[str, tuple[str, ...]]  # country, sectors


def _kb_side(a: ActorHit, day: date | None) -> Side | None:
    """The person's organisation, when the KB says every office held on `day` is in one."""
    kb = load_kb()
    person = kb.actors.get(a.actor_id)
    if person is None or person.kind != "person":
        return None
    held = [o for o in person.offices if o.valid(day)]
    orgs = [kb.actors.get(o.org) for o in held if o.org]
    if not held or len(orgs) != len(held) or orgs[0] is None or not orgs[0].country:
        return None  # a state office, or none known: the actor stage's reading stands
    return orgs[0].country, orgs[0].sectors or a.sector


def _role_side(s: SentenceFacts, a: ActorHit) -> Side | None:
    """The side of a role phrase (no name of its own) right before the name or after it."""
    for r in s.actors:
        if r is a or r.kind != "person" or not _is_role(r):
            continue
        if r.end <= a.start:
            gap = s.text[r.end - s.start : a.start - s.start]
        elif a.end <= r.start:
            gap = s.text[a.end - s.start : r.start - s.start]
            if "," not in gap:  # "X, the Houthis' spokesman": an apposition needs its comma
                continue
        else:
            continue
        if _ADJACENT.fullmatch(gap):
            return r.country, r.sector
    return None


def _is_role(r: ActorHit) -> bool:
    """A role phrase resolved to a country and sectors ('YEM:REB'), not a named actor."""
    return ":" in r.actor_id and not r.actor_id.startswith("unresolved")


def _named_persons(article: ArticleFacts) -> list[tuple[SentenceFacts, ActorHit]]:
    return [
        (s, a)
        for s in article.sentences
        for a in s.actors
        if a.kind == "person" and not _is_role(a)
    ]


def speaks_for(article: ArticleFacts) -> dict[str, Side]:
    """Named persons of the article whose side is not the one the actor stage read: by a role
    phrase next to any of their mentions, else by their offices in the KB."""
    out: dict[str, Side] = {}
    persons = _named_persons(article)
    for s, a in persons:
        side = _role_side(s, a)
        if side is not None:
            out.setdefault(a.actor_id, side)
    for _, a in persons:
        if a.actor_id not in out:
            side = _kb_side(a, article.published)
            if side is not None:
                out[a.actor_id] = side
    return out


def fold(article: ArticleFacts) -> ArticleFacts:
    """The article with each named person's mentions moved to the side the person speaks for."""
    sides = speaks_for(article)
    if not sides:
        return article

    def moved(a: ActorHit) -> ActorHit:
        side = sides.get(a.actor_id) if a.kind == "person" and not _is_role(a) else None
        if side is None:
            return a
        new = replace(a, country=side[0], sector=side[1])
        return new if key(new) != key(a) else a

    return replace(
        article,
        sentences=[replace(s, actors=[moved(a) for a in s.actors]) for s in article.sentences],
    )
