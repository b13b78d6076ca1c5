"""Average-linkage clustering over a sparse graph of pair scores."""

from __future__ import annotations

from eventwire.merge.cluster import average_linkage


def test_pairs_above_the_threshold_join() -> None:
    assert average_linkage(3, {(0, 1): 0.9}, 0.5) == [[0, 1], [2]]


def test_a_missing_pair_counts_as_zero_in_the_average() -> None:
    # 0-1 strong, 1-2 strong, 0-2 never scored: the mean link of {0,1} to 2 is 0.45 < 0.5
    clusters = average_linkage(3, {(0, 1): 0.95, (1, 2): 0.9}, 0.5)
    assert clusters == [[0, 1], [2]]


def test_a_chain_of_strong_links_joins_when_all_pairs_agree() -> None:
    edges = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}
    assert average_linkage(3, edges, 0.5) == [[0, 1, 2]]


def test_nothing_joins_below_the_threshold() -> None:
    assert average_linkage(2, {(0, 1): 0.2}, 0.5) == [[0], [1]]
