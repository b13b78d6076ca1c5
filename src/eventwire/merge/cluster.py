"""Agglomerative clustering with average linkage over a sparse graph of scored pairs.

Pairs never scored (blocked apart) count as 0, so two clusters merge only when the mean score
over all their cross pairs reaches the threshold. Lazy heap updates keep it near n log n on
sparse graphs.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence


def average_linkage(
    n: int,
    edges: Mapping[tuple[int, int], float],
    threshold: float,
    initial: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """Clusters of `range(n)` (each sorted, listed by first member).

    `initial` groups start merged (the events a store already holds): new items may join them.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in edges.items():
        if i != j:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s
    for group in initial:
        for other in group[1:]:
            _merge(members, links, group[0], other)
    heap = [
        (-total / (len(members[a]) * len(members[c])), a, c, len(members[a]), len(members[c]))
        for a, row in links.items()
        for c, total in row.items()
        if a < c and total / (len(members[a]) * len(members[c])) >= threshold
    ]
    heapq.heapify(heap)
    while heap:
        neg, a, b, size_a, size_b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if (len(members[a]), len(members[b])) != (size_a, size_b):
            continue  # stale: one side has grown since this entry was pushed
        _merge(members, links, a, b)
        size = len(members[a])
        for c, total in links[a].items():
            mean = total / (size * len(members[c]))
            if mean >= threshold:
                lo, hi = (a, c) if a < c else (c, a)
                heapq.heappush(heap, (-mean, lo, hi, len(members[lo]), len(members[hi])))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def within_groups(
    edges: Mapping[tuple[int, int], float], group: Sequence[str], threshold: float
) -> list[list[int]]:
    """Clusters (of two or more) made from the edges inside each group alone (one document's
    mentions first: within-document coreference, then across documents)."""
    inner = {(i, j): s for (i, j), s in edges.items() if group[i] == group[j]}
    return [c for c in average_linkage(len(group), inner, threshold) if len(c) > 1]


def _merge(
    members: dict[int, list[int]], links: dict[int, dict[int, float]], a: int, b: int
) -> None:
    """Fold cluster b into a, summing their links to every neighbour."""
    members[a].extend(members.pop(b))
    for c, total in links.pop(b).items():
        if c == a:
            continue
        links[a][c] = links[a].get(c, 0.0) + total
        back = links[c]
        back[a] = back.get(a, 0.0) + back.pop(b)
    links[a].pop(b, None)
