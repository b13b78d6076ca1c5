"""Grouping articles into negotiations: the heaviest pair of sides first, then the next.

Two sides that are both prominent in reports about talks are a negotiation's parties; an
article belongs to it when both sides appear in it. Mediators (marked as such, next to a
"brokered" or "hosted", or international organisations) do not count as sides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from eventwire.negotiations.actors import Key, is_igo
from eventwire.negotiations.digest import Digest

MAX_GAP_DAYS = 400  # a pair of sides silent this long is a new negotiation


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


def group(digests: list[Digest]) -> list[Group]:
    """Negotiations as groups of relevant articles, each with its two parties."""
    left = [d for d in digests if d.relevant]
    out: list[Group] = []
    while left:
        weights = _pair_weights(left)
        if not weights:
            break
        pair, _ = max(weights.items(), key=lambda kv: (kv[1], kv[0]))
        members = [d for d in left if pair[0] in d.score and pair[1] in d.score]
        out += [Group(pair, part) for part in _split_by_gap(members)]
        left = [d for d in left if d not in members]
    return out


def _split_by_gap(members: list[Digest]) -> list[list[Digest]]:
    ordered = sorted(members, key=lambda d: (d.published is None, d.published or 0, d.article_id))
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
