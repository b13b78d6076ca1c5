"""Scored pairs as flat arrays: the same clusters as a dict of pairs, in a fraction of the memory."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.merge import cluster as cluster_module
from eventwire.merge import edges as edges_module
from eventwire.merge.cluster import average_linkage, within_groups
from eventwire.merge.edges import Edges, PairKeys, as_keys


def edges_of(n: int, scored: dict[tuple[int, int], float]) -> Edges:
    return Edges.of(n, scored)


def test_pair_keys_are_sorted_distinct_and_read_back_as_pairs() -> None:
    keys = as_keys([(3, 4), (0, 2), (3, 4), (0, 1)], 5)
    assert keys.tolist() == [1, 2, 19]
    e = Edges(5, keys, np.array([0.1, 0.2, 0.3]))
    assert list(e) == [(0, 1), (0, 2), (3, 4)]
    assert e[(3, 4)] == 0.3 and e.get((1, 2)) is None and e.get((0, 7)) is None
    assert len(e) == 3 and dict(e.items()) == {(0, 1): 0.1, (0, 2): 0.2, (3, 4): 0.3}


def test_repeats_are_folded_away_while_gathering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(edges_module, "FLUSH", 4)
    found = PairKeys(10)
    for _ in range(5):
        found.add([(0, 1), (2, 3), (1, 9)])
    assert found.keys().tolist() == [1, 19, 23]


@given(
    st.lists(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12), max_size=8),
    st.integers(1, 9),
)
def test_keys_gathered_in_any_batches_are_the_sorted_distinct_pairs(
    batches: list[list[tuple[int, int]]], flush: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(edges_module, "FLUSH", flush)
        found = PairKeys(7)
        for batch in batches:
            found.add(batch)
        want = sorted({i * 7 + j for batch in batches for i, j in batch})
        assert found.keys().tolist() == want
        found.add(batches[0] if batches else [])
        assert found.keys().tolist() == want  # folding again adds nothing new


def test_scores_must_match_the_pairs() -> None:
    with pytest.raises(ValueError, match="2 pair keys but 1 scores"):
        Edges(3, as_keys([(0, 1), (1, 2)], 3), np.array([0.5]))


def test_weak_pairs_inside_a_component_still_count_in_the_average() -> None:
    # 0-1 strong; 2 joins them only if the weak pairs to both are counted: (0.9 + 0.2) / 2 > 0.5
    scored = {(0, 1): 0.95, (0, 2): 0.9, (1, 2): 0.2}
    assert average_linkage(3, edges_of(3, scored), 0.5) == [[0, 1, 2]]
    assert average_linkage(3, edges_of(3, {(0, 1): 0.95, (0, 2): 0.6}), 0.5) == [[0, 1], [2]]


def test_within_groups_reads_edges_too() -> None:
    scored = {(0, 1): 0.9, (1, 2): 0.9}
    assert within_groups(edges_of(3, scored), ["d1", "d1", "d2"], 0.5) == [[0, 1]]


def reference(
    n: int, scored: dict[tuple[int, int], float], threshold: float, initial: list[list[int]]
) -> list[list[int]]:
    """Average linkage by its definition: merge the best pair of clusters (highest mean over all
    cross pairs, unscored ones 0; ties to the lowest ids) while it reaches the threshold."""
    clusters = {i: [i] for i in range(n)}
    for group in initial:
        for other in group[1:]:
            clusters[group[0]] += clusters.pop(other)

    def mean(a: int, b: int) -> float:
        total = sum(
            scored.get((min(i, j), max(i, j)), 0.0) for i in clusters[a] for j in clusters[b]
        )
        return total / (len(clusters[a]) * len(clusters[b]))

    while True:
        best = min(
            ((-mean(a, b), a, b) for a in clusters for b in clusters if a < b),
            default=None,
        )
        if best is None or -best[0] < threshold:
            return sorted((sorted(m) for m in clusters.values()), key=lambda m: m[0])
        clusters[best[1]] += clusters.pop(best[2])


graphs = st.integers(min_value=2, max_value=12).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.dictionaries(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
            .filter(lambda p: p[0] < p[1])
            .map(lambda p: (p[0], p[1])),
            st.integers(0, 8).map(lambda k: k / 8),  # exact in binary: sums do not round
            max_size=40,
        ),
        st.lists(
            st.lists(st.integers(0, n - 1), min_size=2, max_size=min(4, n), unique=True),
            max_size=2,
        ),
    )
)


@settings(max_examples=300, deadline=None)
@given(graphs, st.sampled_from([0.25, 0.5, 0.75]))
def test_clusters_are_those_of_average_linkage_by_its_definition(
    graph: tuple[int, dict[tuple[int, int], float], list[list[int]]], threshold: float
) -> None:
    n, scored, groups = graph
    seen: set[int] = set()
    initial = []
    for g in groups:  # starting groups are disjoint, as a store's merged events are
        g = [i for i in g if i not in seen]
        seen.update(g)
        if len(g) > 1:
            initial.append(g)
    expected = reference(n, scored, threshold, initial)
    assert average_linkage(n, scored, threshold, initial) == expected
    assert average_linkage(n, edges_of(n, scored), threshold, initial) == expected


@settings(max_examples=150, deadline=None)
@given(graphs, st.sampled_from([0.25, 0.5]))
def test_reading_the_start_in_chunks_and_dropping_stale_entries_change_nothing(
    graph: tuple[int, dict[tuple[int, int], float], list[list[int]]], threshold: float
) -> None:
    n, scored, _ = graph
    saved = cluster_module.CHUNK, cluster_module.COMPACT
    cluster_module.CHUNK, cluster_module.COMPACT = 2, 1
    try:
        got = average_linkage(n, scored, threshold)
    finally:
        cluster_module.CHUNK, cluster_module.COMPACT = saved
    assert got == reference(n, scored, threshold, [])
