"""Positions and threats: the side that voices a stance is the nearest one named before its cue."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.negotiations.actors import Key, key
from eventwire.negotiations.digest import Digest, StanceHit
from eventwire.negotiations.evidence import iso
from eventwire.negotiations.facts import ActorHit
from eventwire.negotiations.model import NegActor, Position, Threat


def _speaker(s: StanceHit, sides: set[Key], strict: bool) -> ActorHit | None:
    """The first side named before the cue (the speaker or subject of a report: "Petro said
    talks would not resume until the rebels..."); unless strict, else the first one named."""
    mine = [a for a in s.actors if key(a) in sides]
    before = [a for a in mine if a.end <= s.cue_start]
    if before or strict:
        return before[0] if before else None
    return mine[0] if mine else None


def build_stances(
    digests: list[Digest],
    sides: set[Key],
    actor_of: Callable[[Key], NegActor | None],
    strict: bool = False,
) -> tuple[list[Position], list[Threat]]:
    positions: list[Position] = []
    threats: list[Threat] = []
    for d in digests:
        for s in d.stances:
            who = _speaker(s, sides, strict)
            actor = actor_of(key(who)) if who else None
            if who is None or actor is None:
                continue
            if s.kind == "threat":
                others = [a for a in s.actors if key(a) in sides and key(a) != key(who)]
                target = actor_of(key(others[0])) if others else None
                threats.append(
                    Threat(
                        actor=actor,
                        target=target,
                        text=s.evidence.text,
                        date=iso(s.date),
                        evidence=[s.evidence],
                    )
                )
            else:
                positions.append(
                    Position(
                        actor=actor,
                        kind=s.kind,
                        text=s.evidence.text,
                        date=iso(s.date),
                        evidence=[s.evidence],
                    )
                )
    return positions, threats
