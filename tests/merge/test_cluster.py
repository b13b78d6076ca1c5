"""Average-linkage clustering over a sparse graph of pair scores."""

from __future__ import annotations

from eventwire.merge.cluster import average_linkage, strong_only, within_groups


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


def test_within_groups_clusters_each_document_alone() -> None:
    # 0 and 1 share a document; 2 is elsewhere and strongly linked to 1: only 0-1 join here
    edges = {(0, 1): 0.9, (1, 2): 0.95, (0, 2): 0.8}
    assert within_groups(edges, ["d1", "d1", "d2"], 0.5) == [[0, 1]]
    assert within_groups(edges, ["d1", "d2", "d3"], 0.5) == []


def test_a_document_clustered_first_changes_what_joins_across() -> None:
    edges = {(0, 1): 0.6, (0, 2): 0.9, (1, 2): 0.1}
    docs = ["d1", "d1", "d2"]
    assert average_linkage(3, edges, 0.5) == [[0, 2], [1]]
    assert average_linkage(3, edges, 0.5, within_groups(edges, docs, 0.5)) == [[0, 1, 2]]


def test_a_mention_without_a_strong_link_stays_alone() -> None:
    # 0-1-2 a tight cluster; 3 is weakly tied to all three: on average it would join
    edges = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (0, 3): 0.45, (1, 3): 0.45, (2, 3): 0.45}
    assert average_linkage(4, edges, 0.3) == [[0, 1, 2, 3]]
    strong = strong_only(edges, 4, 0.5)
    assert sorted(strong) == [(0, 1), (0, 2), (1, 2)]
    assert average_linkage(4, strong, 0.3) == [[0, 1, 2], [3]]


def test_one_strong_link_keeps_every_pair_of_a_mention() -> None:
    # 2's best link (to 0) is strong, so its weak link to 1 still counts in the average
    edges = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.1}
    assert dict(strong_only(edges, 3, 0.5).items()) == edges
