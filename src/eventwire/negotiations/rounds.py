"""Rounds: meetings at a venue, merged when the same venue is named within a few days."""

from __future__ import annotations

from eventwire.negotiations.digest import RoundHit
from eventwire.negotiations.model import Round, Venue

SAME_ROUND_DAYS = 3


def merge_rounds(hits: list[RoundHit]) -> list[Round]:
    """One round per venue and stretch of days; start is the earliest date the reports give."""
    rounds: list[tuple[RoundHit, RoundHit, list[RoundHit]]] = []
    for h in sorted(hits, key=lambda h: h.date):
        for i, (first, last, members) in enumerate(rounds):
            if first.venue.name == h.venue.name and (h.date - last.date).days <= SAME_ROUND_DAYS:
                rounds[i] = (first, h, members + [h])
                break
        else:
            rounds.append((h, h, [h]))
    out = []
    for first, last, members in rounds:
        ev = list(
            {(m.evidence.article_id, m.evidence.sentence): m.evidence for m in members}.values()
        )
        end = last.date.isoformat() if last.date != first.date else None
        out.append(
            Round(start=first.date.isoformat(), end=end, venue=first.venue.name, evidence=ev)
        )
    return out


def venues(hits: list[RoundHit]) -> list[Venue]:
    seen: dict[str, Venue] = {}
    for h in hits:
        p = h.venue
        seen.setdefault(p.name, Venue(name=p.name, country=p.country, lat=p.lat, lon=p.lon))
    return list(seen.values())
