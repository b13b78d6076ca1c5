"""Blocking: which pairs of mentions are worth scoring, so the cost stays near-linear.

A pair is a candidate when the two mentions share a block key (same trigger stem, same type in
the same week, same actor in the same week, or a block given from outside, such as a cluster of
similar documents). A block larger than `max_block` is not paired all with all: its mentions are
sorted by date and each meets only its `window` next neighbours (the sorted-neighbourhood method).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import stem

KeyFn = Callable[[MentionRecord], Iterable[str]]


def _week(d: date | None) -> str:
    if d is None:
        return "?"
    year, week, _ = d.isocalendar()
    return f"{year}-{week}"


def _weeks(m: MentionRecord) -> list[str]:
    """The mention's week and the next, so events on either side of a week boundary meet."""
    if m.date_start is None:
        return ["?"]
    start = m.date_start.toordinal()
    return sorted({_week(date.fromordinal(start + k)) for k in (0, 7)})


def trigger_key(m: MentionRecord) -> list[str]:
    word = m.lemma or m.trigger
    return [f"stem:{stem(word)}"] if word else []


def type_week_key(m: MentionRecord) -> list[str]:
    if not m.plover_type:
        return []
    return [f"type:{m.plover_type}:{w}" for w in _weeks(m)]


def actor_week_key(m: MentionRecord) -> list[str]:
    ids = sorted({a for ids in m.actors.values() for a in ids})
    return [f"actor:{a}:{w}" for a in ids for w in _weeks(m)]


STORE_KEYS: tuple[KeyFn, ...] = (type_week_key, actor_week_key)


def blocks(records: Sequence[MentionRecord], keys: Sequence[KeyFn]) -> dict[str, list[int]]:
    """Block key -> indices of the records holding it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(records):
        for fn in keys:
            for k in fn(m):
                out[k].append(i)
    return out


def _sort_key(m: MentionRecord) -> tuple[int, str]:
    return (m.date_start.toordinal() if m.date_start else 0, m.id)


def candidate_pairs(
    records: Sequence[MentionRecord],
    keys: Sequence[KeyFn] = STORE_KEYS,
    *,
    max_block: int = 200,
    window: int = 50,
    extra_blocks: Iterable[Sequence[int]] = (),
) -> set[tuple[int, int]]:
    """Index pairs (i < j) sharing a block, never two mentions of one sentence's same trigger."""
    pairs: set[tuple[int, int]] = set()
    groups = [*blocks(records, keys).values(), *extra_blocks]
    for members in groups:
        if len(members) < 2:
            continue
        if len(members) <= max_block:
            pairs.update(_all_pairs(members))
        else:
            ordered = sorted(members, key=lambda i: _sort_key(records[i]))
            for n, i in enumerate(ordered):
                for j in ordered[n + 1 : n + 1 + window]:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _all_pairs(members: Sequence[int]) -> Iterable[tuple[int, int]]:
    uniq = sorted(set(members))
    for n, i in enumerate(uniq):
        for j in uniq[n + 1 :]:
            yield (i, j)
