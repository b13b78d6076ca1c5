"""Status over time: every dated signal (a round met, a fate, 'stalled', 'collapsed') in order.

On one day the gravest signal wins (collapsed over suspended over stalled over agreement over
active); the status is the last one, with the date and the words it rests on.
"""

from __future__ import annotations

from eventwire.negotiations.digest import Signal
from eventwire.negotiations.model import Proposal, Round, Status

FATE_STATUS = {
    "signed": "agreement",
    "extended": "agreement",
    "suspended": "suspended",
    "expired": "collapsed",
    "proposed": "active",
    "countered": "active",
    "rejected": "active",
    "accepted": "active",
    "pending": "active",
}
GRAVITY = {"active": 0, "agreement": 1, "stalled": 2, "suspended": 3, "collapsed": 4}


def signals_of(rounds: list[Round], proposals: list[Proposal], said: list[Signal]) -> list[Status]:
    out = [
        Status(value="active", as_of=r.start, why=f"a round at {r.venue}", evidence=r.evidence[:1])
        for r in rounds
    ]
    for p in proposals:
        for h in p.history:
            if h.fate not in FATE_STATUS:  # a violation leaves the status as it was
                continue
            out.append(
                Status(
                    value=FATE_STATUS[h.fate],
                    as_of=h.date,
                    why=f"{p.family} {h.fate}",
                    evidence=h.evidence[:1],
                )
            )
    out += [
        Status(
            value=s.value,
            as_of=s.date.isoformat() if s.date else None,
            why=s.why,
            evidence=[s.evidence],
        )
        for s in said
    ]
    return sorted(out, key=lambda s: (s.as_of or "0000", GRAVITY[s.value]))


def _effective(signals: list[Status]) -> list[Status]:
    """Signals that can change the status: talks that collapsed cannot stall any further."""
    out: list[Status] = []
    for s in signals:
        if out and out[-1].value == "collapsed" and s.value == "stalled":
            continue
        out.append(s)
    return out


def history(signals: list[Status]) -> list[Status]:
    """The changes of status: a signal is kept when its value differs from the one before."""
    out: list[Status] = []
    for s in _effective(signals):
        if not out or out[-1].value != s.value:
            out.append(s)
    return out


def current(signals: list[Status]) -> Status:
    kept = _effective(signals)
    return kept[-1] if kept else Status(value="active", as_of=None, why="no dated signal")
