"""Grouping articles into negotiations: the heaviest pair of sides first, then the next.

Two sides that are both prominent in reports about talks are a negotiation's parties; an
article belongs to it when both sides appear in it. Mediators (marked as such, next to a
"brokered" or "hosted", or international organisations) do not count as sides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from eventwire.negotiations.actors import Key, is_igo
from eventwire.negotiations.digest import Digest

MAX_GAP_DAYS = 400  # a pair of sides silent this long is a new negotiation
TRACK_GAP_DAYS = 14  # two tracks of the same sides: one ends this long before the other begins


@dataclass
class Group:
    parties: tuple[Key, Key]
    digests: list[Digest]


def side_weights(d: Digest) -> Counter[Key]:
    """How much each side acts as a party in one article (mediation cues count against)."""
    w: Counter[Key] = Counter()
    for k, n in d.score.items():
        if not is_igo(k) and n - 2 * d.mediation[k] > 0:
            w[k] = n - 2 * d.mediation[k]
    return w


def _pair_weights(digests: list[Digest]) -> Counter[tuple[Key, Key]]:
    total: Counter[tuple[Key, Key]] = Counter()
    for d in digests:
        w = side_weights(d)
        top = [k for k, _ in w.most_common(4)]
        for a, b in combinations(sorted(top), 2):
            total[(a, b)] += min(w[a], w[b])
    return total


def _sides_of(g: Group) -> set[Key]:
    """A group's parties and the sides acting as its mediators."""
    med = {k for d in g.digests for k, n in d.mediation.items() if n > 0 or is_igo(k)}
    med |= {k for d in g.digests for k in d.score if is_igo(k)}
    return set(g.parties) | med


def _home(out: list[Group], keys: set[Key], need: int) -> Group | None:
    """The earlier negotiation whose parties or mediators cover `need` of these sides,
    one of them a party."""
    for g in out:
        if keys & set(g.parties) and len(keys & _sides_of(g)) >= need:
            return g
    return None


def group(digests: list[Digest]) -> list[Group]:
    """Negotiations as groups of relevant articles, each with its two parties.

    A later pair made of one negotiation's party and its mediator (a report on Hamas meeting
    the Egyptian mediators) joins that negotiation instead of opening another; so does a
    report that names one party and a mediator of it without any pair of its own.
    """
    left = [d for d in digests if d.relevant]
    out: list[Group] = []
    while left:
        weights = _pair_weights(left)
        if not weights:
            break
        pair, _ = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
        members = [d for d in left if pair[0] in d.score and pair[1] in d.score]
        home = _home(out, set(pair), need=2)
        if home is not None:
            home.digests = _ordered(home.digests + members)
        else:
            out += [Group(pair, part) for part in _split_by_gap(members)]
        taken = {d.article_id for d in members}
        left = [d for d in left if d.article_id not in taken]
    for d in left:
        home = _home(out, set(d.score), need=2)
        if home is not None:
            home.digests = _ordered(home.digests + [d])
    return [Group(g.parties, part) for g in out for part in split_tracks(g.digests)]


def _ordered(ds: list[Digest]) -> list[Digest]:
    return sorted(ds, key=lambda d: (d.published is None, d.published or date.min, d.article_id))


def _split_by_gap(members: list[Digest]) -> list[list[Digest]]:
    ordered = _ordered(members)
    parts: list[list[Digest]] = [[]]
    for d in ordered:
        prev = parts[-1][-1] if parts[-1] else None
        if (
            prev
            and prev.published
            and d.published
            and (d.published - prev.published).days > MAX_GAP_DAYS
        ):
            parts.append([])
        parts[-1].append(d)
    return [p for p in parts if p]


def _theme_parts(ds: list[Digest]) -> list[list[Digest]]:
    """Articles by theme: two themes one article speaks of are one track (a truce and the
    hostages it frees); an article of no theme joins the track of the report nearest in time."""
    root: dict[str, str] = {}

    def find(t: str) -> str:
        while root.setdefault(t, t) != t:
            t = root[t]
        return t

    for d in ds:
        for t in d.themes[1:]:
            root[find(t)] = find(d.themes[0])
    themed = [d for d in ds if d.themes]
    if len({find(d.themes[0]) for d in themed}) < 2:
        return [ds]
    parts: dict[str, list[Digest]] = {}
    for d in ds:
        near = d if d.themes else min(themed, key=lambda x: _days_apart(x, d))
        parts.setdefault(find(near.themes[0]), []).append(d)
    return sorted(parts.values(), key=lambda p: _ordered(p)[0].published or date.max)


def _days_apart(a: Digest, b: Digest) -> int:
    if a.published is None or b.published is None:
        return MAX_GAP_DAYS
    return abs((a.published - b.published).days)


def _apart(a: list[Digest], b: list[Digest]) -> bool:
    """Two tracks: each told by two reports or more, months apart, met at other venues or
    mediated by others."""
    if len(a) < 2 or len(b) < 2:
        return False
    end, begin = _ordered(a)[-1].published, _ordered(b)[0].published
    if end is None or begin is None or (begin - end).days < TRACK_GAP_DAYS:
        return False
    va, vb = ({r.venue.name for d in p for r in d.rounds} for p in (a, b))
    ma, mb = ({k for d in p for k, n in d.mediation.items() if n > 0} for p in (a, b))
    return bool((va and vb and not va & vb) or (ma and mb and not ma & mb))


def split_tracks(ds: list[Digest]) -> list[list[Digest]]:
    """One negotiation's reports as its tracks: the same two sides talking about a ceasefire
    in one season and a prisoner exchange in another, elsewhere or through other mediators,
    are two negotiations; anything less clear-cut stays one."""
    parts = _theme_parts(ds)
    if len(parts) > 1 and all(_apart(a, b) for a, b in zip(parts, parts[1:], strict=False)):
        return [_ordered(p) for p in parts]
    return [ds]
