"""Proposals and their fate history across articles.

One proposal per family (a deal, a framework, a draft, a counterproposal, a plan) unless a
report calls a text "new" or "revised" days after the last one of that family was tabled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date

from eventwire.negotiations.actors import Key, key
from eventwire.negotiations.digest import Digest, FateHit, ProposalHit
from eventwire.negotiations.model import FateEntry, Mention, NegActor, Proposal

FRESH_AFTER_DAYS = 3


class _Draft:
    def __init__(self, first: ProposalHit) -> None:
        self.first = first
        self.hits: list[ProposalHit] = [first]

    def latest(self) -> date | None:
        return max((h.date for h in self.hits if h.date), default=None)


def build_proposals(
    digests: list[Digest], actor_of: Callable[[Key], NegActor | None]
) -> list[Proposal]:
    """Proposals in order of first mention, each with its dated fates."""
    drafts: list[_Draft] = []
    for d in digests:
        for h in d.proposals:
            same = [x for x in drafts if x.first.family == h.family]
            cur = same[-1] if same else None
            if cur is None or (h.fresh and _stale(cur, h.date)):
                drafts.append(_Draft(h))
            else:
                cur.hits.append(h)
    return [_proposal(x, actor_of) for x in drafts]


def _stale(cur: _Draft, day: date | None) -> bool:
    """A 'new' text days after the last one of its family is another proposal."""
    latest = cur.latest()
    return day is not None and latest is not None and (day - latest).days > FRESH_AFTER_DAYS


def _history(x: _Draft) -> list[FateEntry]:
    fates: list[FateHit] = [f for h in x.hits for f in h.fates]
    if not x.first.fates:
        fates.insert(0, FateHit("proposed", x.first.date, x.first.evidence))
    merged: dict[tuple[str | None, str], FateEntry] = {}
    for f in fates:
        day = f.date.isoformat() if f.date else None
        e = merged.setdefault((day, f.fate), FateEntry(date=day, fate=f.fate, evidence=[]))
        if all(
            m.sentence != f.evidence.sentence or m.article_id != f.evidence.article_id
            for m in e.evidence
        ):
            e.evidence.append(f.evidence)
    return sorted(merged.values(), key=lambda e: e.date or "9999")


def _proposal(x: _Draft, actor_of: Callable[[Key], NegActor | None]) -> Proposal:
    history = _history(x)
    evidence: list[Mention] = []
    for h in x.hits:
        if all(
            (m.article_id, m.sentence) != (h.evidence.article_id, h.evidence.sentence)
            for m in evidence
        ):
            evidence.append(h.evidence)
    tabled = [
        a for a in (actor_of(key(t)) for h in x.hits[:1] for t in h.tabled_by) if a is not None
    ]
    grades = sorted({m.attribution or "outlet" for m in evidence})
    pid = hashlib.sha1(
        f"{x.first.evidence.article_id}:{x.first.evidence.sentence}:{x.first.family}".encode()
    ).hexdigest()[:12]
    return Proposal(
        id=pid,
        family=x.first.family,
        text=f"{x.first.noun}: {x.first.evidence.text}",
        tabled_by=tabled,
        date=history[0].date if history else None,
        fate=history[-1].fate if history else "proposed",
        history=history,
        evidence=evidence,
        sources=grades,
    )
