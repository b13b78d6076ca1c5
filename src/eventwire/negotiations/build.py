"""Build negotiations from a store: digest each article, group, then assemble the parts."""

from __future__ import annotations

import hashlib
from collections import Counter

from eventwire.negotiations import grouping, status
from eventwire.negotiations.actors import Key, is_igo, representative
from eventwire.negotiations.digest import Digest, digest
from eventwire.negotiations.facts import ActorHit, load_articles
from eventwire.negotiations.model import NegActor, Negotiation
from eventwire.negotiations.proposals import build_proposals
from eventwire.negotiations.rounds import merge_rounds, venues
from eventwire.negotiations.stances import build_stances
from eventwire.store.duck import Store


def digests_of(store: Store, ids: list[str] | None = None) -> list[Digest]:
    """Digests of the stored articles (all when `ids` is None), in publication order."""
    return [digest(a) for a in load_articles(store, ids)]


def build(store: Store) -> list[Negotiation]:
    """Every negotiation the store's reports hold, oldest first."""
    return assemble(digests_of(store))


def assemble(digests: list[Digest]) -> list[Negotiation]:
    negs = [_negotiation(g) for g in grouping.group(digests)]
    return sorted(negs, key=lambda n: (n.first_date or "", n.id))


def _mediators(g: grouping.Group) -> list[Key]:
    party_countries = {k.split("/")[0] for k in g.parties}
    med: Counter[Key] = Counter()
    seen_in: Counter[Key] = Counter()
    for d in g.digests:
        for k in d.score:
            seen_in[k] += 1
            med[k] += d.mediation[k]
    out = []
    for k, n in seen_in.most_common():
        if k in g.parties or k.split("/")[0] in party_countries:
            continue
        if is_igo(k) or med[k] > 0 or n >= 2:
            out.append(k)
    return out


def _negotiation(g: grouping.Group) -> Negotiation:
    hits: dict[Key, list[ActorHit]] = {}
    for d in g.digests:
        for k, hs in d.hits.items():
            hits.setdefault(k, []).extend(hs)
    med_keys = _mediators(g)
    actors = {k: representative(hits[k]) for k in [*g.parties, *med_keys] if hits.get(k)}

    def actor_of(k: Key) -> NegActor | None:
        return actors.get(k)

    round_hits = [r for d in g.digests for r in d.rounds]
    rounds = merge_rounds(round_hits)
    proposals = build_proposals(g.digests, actor_of)
    positions, threats = build_stances(g.digests, set(g.parties), actor_of)
    mediator_threats = build_stances(g.digests, set(med_keys), actor_of, strict=True)[1]
    signals = status.signals_of(rounds, proposals, [s for d in g.digests for s in d.signals])
    days = sorted(d.published.isoformat() for d in g.digests if d.published)
    parties = [actors[k] for k in g.parties if k in actors]
    nid = hashlib.sha1(("|".join(g.parties) + g.digests[0].article_id).encode()).hexdigest()[:12]
    return Negotiation(
        id=nid,
        title=" – ".join(p.name for p in parties) + (" talks" if proposals else ""),
        parties=parties,
        mediators=[actors[k] for k in med_keys if k in actors],
        venues=venues(round_hits),
        first_date=days[0] if days else None,
        last_date=days[-1] if days else None,
        articles=[d.article_id for d in g.digests],
        rounds=rounds,
        proposals=proposals,
        positions=positions,
        threats=threats + mediator_threats,
        status=status.current(signals),
        status_history=status.history(signals),
    )
