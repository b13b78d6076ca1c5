"""Coreference scorers with their standard definitions: MUC, B-cubed, CEAF-e and CoNLL F1.

Written from the definitions (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005) as the
CoNLL-2012 scorer applies them: a mention in the key but not in the response (or the reverse)
counts as a singleton of the side that lacks it. Clusters are sets of hashable mention keys.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import NamedTuple

Cluster = frozenset[Hashable]


class PRF(NamedTuple):
    """Precision, recall and F1 of one metric."""

    precision: float
    recall: float
    f1: float


def _f(p: float, r: float) -> PRF:
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def _index(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    """Links kept: each key cluster loses one link per extra piece the response cuts it into."""
    where = _index(response)
    num = den = 0
    for cluster in key:
        pieces = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(pieces)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """MUC: link-based; singletons carry no links, so they neither help nor hurt."""
    return _f(_muc_recall(response, key), _muc_recall(key, response))


def _b3_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    where = _index(response)
    total = sum(len(c) for c in key)
    score = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for m in cluster:
            if m in where:
                overlaps[where[m]] = overlaps.get(where[m], 0) + 1
        score += sum(n * n for n in overlaps.values()) / len(cluster)
    return score / total if total else 0.0


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """B-cubed: per mention, the share of its cluster the other side agrees with."""
    return _f(_b3_recall(response, key), _b3_recall(key, response))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """CEAF-e: the best one-to-one alignment of clusters under phi4 = 2|K&R| / (|K|+|R|)."""
    total = _best_alignment(key, response)
    p = total / len(response) if response else 0.0
    r = total / len(key) if key else 0.0
    return _f(p, r)


def conll(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, PRF]:
    """The three metrics and their mean F1 (`conll`, precision and recall left at the F1)."""
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response)}
    scores["ceaf_e"] = ceaf_e(key, response)
    mean = sum(s.f1 for s in scores.values()) / 3
    scores["conll"] = PRF(mean, mean, mean)
    return scores


def _best_alignment(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    """Sum of phi4 over the optimal matching, solved per connected block of overlapping clusters.

    Clusters that share no mention score 0 together, so the bipartite graph splits into small
    components and each gets its own assignment problem.
    """
    where = _index(response)
    edges: dict[int, set[int]] = {i: set() for i in range(len(key))}
    for i, cluster in enumerate(key):
        edges[i] = {where[m] for m in cluster if m in where}
    total = 0.0
    for keys, resps in _components(edges):
        weights = [
            [2 * len(key[k] & response[r]) / (len(key[k]) + len(response[r])) for r in resps]
            for k in keys
        ]
        total += _max_assignment(weights)
    return total


def _components(edges: dict[int, set[int]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of a bipartite graph given as key -> response neighbours."""
    by_resp: dict[int, set[int]] = {}
    for k, rs in edges.items():
        for r in rs:
            by_resp.setdefault(r, set()).add(k)
    seen: set[int] = set()
    out = []
    for start, rs in edges.items():
        if start in seen or not rs:
            continue
        keys, resps, todo = {start}, set(), [start]
        seen.add(start)
        while todo:
            for r in edges[todo.pop()]:
                if r not in resps:
                    resps.add(r)
                    for k in by_resp[r] - seen:
                        seen.add(k)
                        keys.add(k)
                        todo.append(k)
        out.append((sorted(keys), sorted(resps)))
    return out


def _max_assignment(weights: list[list[float]]) -> float:
    """Maximum-weight matching of a rectangular matrix (Hungarian method with potentials)."""
    n_rows, n_cols = len(weights), len(weights[0])
    if n_rows > n_cols:
        weights = [list(col) for col in zip(*weights, strict=True)]
        n_rows, n_cols = n_cols, n_rows
    big = max(max(row) for row in weights)
    cost = [[big - w for w in row] for row in weights]
    u, v = [0.0] * (n_rows + 1), [0.0] * (n_cols + 1)
    match = [0] * (n_cols + 1)  # match[j] = row (1-based) assigned to column j
    for i in range(1, n_rows + 1):
        match[0], j0 = i, 0
        minv, used, way = [float("inf")] * (n_cols + 1), [False] * (n_cols + 1), [0] * (n_cols + 1)
        while match[j0]:
            used[j0] = True
            i0, delta, j1 = match[j0], float("inf"), 0
            for j in range(1, n_cols + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n_cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(weights[match[j] - 1][j - 1] for j in range(1, n_cols + 1) if match[j])
