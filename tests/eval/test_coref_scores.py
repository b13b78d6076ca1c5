"""The coreference scorers on small cases computed by hand."""

from __future__ import annotations

import pytest

from eventwire.eval.coref_scores import _max_assignment, b_cubed, ceaf_e, conll, muc


def clusters(*groups: str) -> list[frozenset[object]]:
    return [frozenset(g) for g in groups]


KEY = clusters("abc", "de")
RESPONSE = clusters("ab", "cde")


def test_muc_counts_links_kept_and_added() -> None:
    # key {a,b,c} is cut in two (1 of 2 links kept), {d,e} is whole: recall 2/3; same for precision
    p, r, f = muc(KEY, RESPONSE)
    assert (p, r, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_b_cubed_averages_over_mentions() -> None:
    # recall: a,b 2/3 each, c 1/3, d,e 1 each -> 11/3 over 5 mentions
    p, r, _ = b_cubed(KEY, RESPONSE)
    assert r == pytest.approx(11 / 15)
    assert p == pytest.approx(11 / 15)


def test_ceaf_e_aligns_clusters_one_to_one() -> None:
    # phi4(abc, ab) = 4/5, phi4(de, cde) = 4/5 -> 1.6 over 2 clusters on each side
    p, r, f = ceaf_e(KEY, RESPONSE)
    assert (p, r, f) == pytest.approx((0.8, 0.8, 0.8))


def test_conll_is_the_mean_of_the_three_f1() -> None:
    scores = conll(KEY, RESPONSE)
    assert scores["conll"].f1 == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_perfect_response_scores_one_everywhere_but_muc_on_singletons() -> None:
    key = clusters("a", "b", "c")
    assert b_cubed(key, key).f1 == 1.0
    assert ceaf_e(key, key).f1 == 1.0
    assert muc(key, key).f1 == 0.0  # no links at all: MUC is undefined, reported as 0


def test_a_mention_missing_from_the_response_lowers_recall_only() -> None:
    key = clusters("ab", "c")
    response = clusters("ab")
    assert b_cubed(key, response) == pytest.approx((1.0, 2 / 3, 0.8))
    # CEAF-e: one aligned pair (phi4 = 1) out of 2 key clusters and 1 response cluster
    assert ceaf_e(key, response) == pytest.approx((1.0, 0.5, 2 / 3))
    assert muc(key, response)[:2] == pytest.approx((1.0, 1.0))


def test_everything_in_one_cluster_has_full_muc_recall() -> None:
    key = clusters("ab", "cd")
    response = clusters("abcd")
    p, r, _ = muc(key, response)
    assert r == 1.0
    assert p == pytest.approx(2 / 3)


def test_assignment_beats_the_greedy_choice() -> None:
    # greedy would take 0.9 and be left with 0; the optimum pairs 0.8 with 0.7
    assert _max_assignment([[0.9, 0.8], [0.7, 0.0]]) == pytest.approx(1.5)
    assert _max_assignment([[0.5], [0.6], [0.2]]) == pytest.approx(0.6)
