"""Blocking: which mention pairs are scored, so merging a large store stays near-linear."""

from __future__ import annotations

from datetime import date, timedelta

from eventwire.merge.blocking import SPARSE_KEYS, STORE_KEYS, candidate_keys
from eventwire.merge.edges import as_pairs
from eventwire.merge.records import MentionRecord

DAY = date(2024, 3, 5)


def mention(n: int, *, days: int = 0, type: str = "CONSULT", **kw: object) -> MentionRecord:
    d = DAY + timedelta(days=days)
    fields: dict[str, object] = {
        "id": f"e{n:04d}",
        "doc": f"a{n:04d}",
        "plover_type": type,
        "date_start": d,
        "date_end": d,
        "actors": {"source": ("EGY",), "target": ("QAT",)},
        **kw,
    }
    return MentionRecord(**fields)  # type: ignore[arg-type]


def candidate_pairs(
    records: list[MentionRecord], *args: object, **kw: object
) -> set[tuple[int, int]]:
    return as_pairs(candidate_keys(records, *args, **kw), len(records))  # type: ignore[arg-type]


def pairs(records: list[MentionRecord], **kw: object) -> set[tuple[int, int]]:
    return candidate_pairs(records, STORE_KEYS, max_gap_days=10, **kw)


def test_same_type_and_actor_within_days_are_candidates_weeks_apart_are_not() -> None:
    records = [mention(0), mention(1, days=2), mention(2, days=21)]
    assert pairs(records) == {(0, 1)}


def test_a_week_long_date_meets_a_day_inside_it() -> None:
    week = mention(0, date_end=DAY + timedelta(days=6))
    assert pairs([week, mention(1, days=6)]) == {(0, 1)}


def test_many_events_of_one_type_in_one_week_are_not_paired_all_with_all() -> None:
    # 300 meetings the same week between different actors: blocking by type alone would
    # score 44,850 pairs; only the two reports of the one meeting share type, actors and days.
    records = [
        mention(n, actors={"source": (f"S{n}",), "target": (f"T{n}",)}, place=f"City {n}")
        for n in range(300)
    ]
    records.append(mention(300, days=1, actors={"source": ("S7",), "target": ("T7",)}))
    assert pairs(records) == {(7, 300)}


def test_two_actors_meet_across_types() -> None:
    a = mention(0, type="CONSULT")
    b = mention(1, type="AGREE", days=1)
    assert pairs([a, b]) == {(0, 1)}


def test_a_shared_place_and_type_is_enough_without_shared_actors() -> None:
    a = mention(0, actors={"source": ("EGY",)}, place="Cairo")
    b = mention(1, actors={"source": ("HAMAS",)}, place="cairo ")
    assert pairs([a, b]) == {(0, 1)}


def test_undated_mentions_meet_only_the_undated() -> None:
    undated = {"date_start": None, "date_end": None}
    records = [mention(0, **undated), mention(1, **undated), mention(2)]
    assert pairs(records) == {(0, 1)}


def test_a_large_block_pairs_each_mention_with_its_next_neighbours_only() -> None:
    records = [mention(n, days=n % 3) for n in range(120)]  # one meeting, 120 reports
    found = pairs(records, max_block=50, window=10)
    assert 0 < len(found) <= 120 * 10
    assert len(pairs(records)) == 120 * 119 // 2  # under max_block: all with all


def test_a_mention_without_actor_or_place_meets_its_nearest_of_the_type() -> None:
    records = [mention(n, days=n % 5) for n in range(40)]
    bare = mention(40, actors={})
    found = candidate_pairs(
        [*records, bare], STORE_KEYS, max_gap_days=10, sparse_keys=SPARSE_KEYS, sparse_window=5
    )
    with_bare = {p for p in found if 40 in p}
    assert 0 < len(with_bare) <= 10
    assert not candidate_pairs([*records, bare], STORE_KEYS, max_gap_days=10) & with_bare


def test_outside_blocks_pair_all_their_members_whatever_the_dates() -> None:
    records = [mention(0, plover_type=None), mention(1, days=90, plover_type=None)]
    assert candidate_pairs(records, (), extra_blocks=[[0, 1]], max_gap_days=10) == {(0, 1)}


def test_actors_coded_at_different_depths_meet_by_their_country() -> None:
    a = mention(0, actors={"source": ("RUS:GOV",)})
    b = mention(1, actors={"target": ("RUS",)})
    c = mention(2, actors={"target": ("UKR:MIL",)})
    assert pairs([a, b, c]) == {(0, 1)}


def test_one_articles_mentions_of_a_type_meet_whatever_actors_they_name() -> None:
    a = mention(0, actors={"source": ("sergei-shoigu",)}, doc="art")
    b = mention(1, actors={"source": ("each side",)}, doc="art")
    c = mention(2, actors={"source": ("each side",)}, doc="other", days=30)
    assert pairs([a, b, c]) == {(0, 1)}
