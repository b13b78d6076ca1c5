"""Blocking: which pairs of mentions are worth scoring, so the cost stays near-linear.

A pair is a candidate when the two mentions share a block key and their dates are close. The
store's keys are compound, so a block holds what one real-world event's reports share: type
root and actor, type and place, two actors of the mention whatever the type, or type within one
article. Inside a block
the mentions are swept in date order and each meets those dated at most `max_gap_days` after
it (an undated mention meets the undated), so neither the store's size nor its time span makes
a mention meet more. A mention with neither actor nor place (little to go on) meets instead its
nearest neighbours by date among the mentions of its type (the "sparse" keys). Where more than
`max_block` mentions share a key, each meets only its `window` next ones in date order (the
sorted-neighbourhood method). Blocks given from outside (such as a cluster of similar
documents) pair all their members, whatever the dates, up to the same limits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations

from eventwire.merge.edges import Keys, PairKeys
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import stem

KeyFn = Callable[[MentionRecord], Iterable[str]]

MAX_SPAN_DAYS = 31  # a longer date interval (a year) reaches only its first month's neighbours
MAX_PAIR_ACTORS = 6  # actor pairs are formed from at most this many of a mention's actors


def _actor_ids(m: MentionRecord) -> list[str]:
    return sorted({a for ids in m.actors.values() for a in ids if a})


def _actor_roots(m: MentionRecord) -> list[str]:
    """Actor ids and the country (or IGO) root of coded ones: reports resolving one actor as
    'RUS:GOV' and another as 'RUS' still meet."""
    ids = _actor_ids(m)
    return sorted({*ids, *(a.split(":", 1)[0] for a in ids if ":" in a)})


def _place(m: MentionRecord) -> str | None:
    return m.place.strip().lower() if m.place and m.place.strip() else None


def is_sparse(m: MentionRecord) -> bool:
    """No actor and no place: only type, trigger, date and words can join it to another."""
    return not _actor_ids(m) and _place(m) is None


def trigger_key(m: MentionRecord) -> list[str]:
    word = m.lemma or m.trigger
    return [f"stem:{stem(word)}"] if word else []


def type_key(m: MentionRecord) -> list[str]:
    return [f"type:{m.plover_type}"] if m.plover_type else []


def type_actor_key(m: MentionRecord) -> list[str]:
    if not m.plover_type:
        return []
    return [f"ta:{m.plover_type}:{a}" for a in _actor_roots(m)]


def type_document_key(m: MentionRecord) -> list[str]:
    """One article's mentions of a type (its sentences may name the actors differently)."""
    return [f"td:{m.plover_type}:{m.doc}"] if m.plover_type else []


def type_place_key(m: MentionRecord) -> list[str]:
    place = _place(m)
    if not m.plover_type or place is None:
        return []
    return [f"tp:{m.plover_type}:{place}"]


def actor_pair_key(m: MentionRecord) -> list[str]:
    """Two of the mention's actors, whatever the type (reports may code one event apart)."""
    ids = _actor_ids(m)[:MAX_PAIR_ACTORS]
    return [f"aa:{a}|{b}" for a, b in combinations(ids, 2)]


STORE_KEYS: tuple[KeyFn, ...] = (
    type_actor_key,
    type_place_key,
    actor_pair_key,
    type_document_key,
)
SPARSE_KEYS: tuple[KeyFn, ...] = (type_key,)


def blocks(records: Sequence[MentionRecord], keys: Sequence[KeyFn]) -> dict[str, list[int]]:
    """Block key -> indices of the records holding it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(records):
        for fn in keys:
            for k in fn(m):
                out[k].append(i)
    return out


def day(m: MentionRecord) -> int:
    """The mention's first day as an ordinal (0 when undated): the sort key inside a block."""
    return m.date_start.toordinal() if m.date_start else 0


def last_day(m: MentionRecord) -> int:
    """The last day of the mention's date interval as an ordinal, at most `MAX_SPAN_DAYS` after
    its first (0 when undated)."""
    if not m.date_start:
        return 0
    first, last = m.date_start.toordinal(), (m.date_end or m.date_start).toordinal()
    return min(max(first, last), first + MAX_SPAN_DAYS)


def _sort_key(m: MentionRecord) -> tuple[int, str]:
    return (day(m), m.id)


def candidate_keys(
    records: Sequence[MentionRecord],
    keys: Sequence[KeyFn] = STORE_KEYS,
    *,
    max_block: int = 200,
    window: int = 50,
    extra_blocks: Iterable[Sequence[int]] = (),
    max_gap_days: int | None = None,
    sparse_keys: Sequence[KeyFn] = (),
    sparse_window: int = 5,
) -> Keys:
    """Index pairs (i < j) sharing a block, as sorted pair keys (`merge.edges`).

    With `max_gap_days`, two dated mentions of a key's block pair only when their date intervals
    are at most that many days apart (an undated one meets the undated). In a block of
    `sparse_keys`, only the sparse mentions (`is_sparse`) look for partners: each meets the
    `sparse_window` mentions nearest to it by date on either side, within the gap.
    """
    pairs = PairKeys(len(records))
    order = Order(records)
    for members in blocks(records, keys).values():
        if len(members) > 1:
            pairs.add(order.pairs(members, max_gap_days, max_block, window))
    for extra in extra_blocks:
        if len(extra) > 1:
            pairs.add(order.pairs(extra, None, max_block, window))
    if sparse_keys:
        sparse = [is_sparse(m) for m in records]
        for members in blocks(records, sparse_keys).values():
            if len(members) > 1 and any(sparse[i] for i in members):
                pairs.add(order.nearest(members, sparse, max_gap_days, sparse_window))
    return pairs.keys()


class Order:
    """The records' date intervals as day ordinals, and the pairs a block yields by date."""

    def __init__(self, records: Sequence[MentionRecord]) -> None:
        self.first = [day(m) for m in records]
        self.last = [last_day(m) for m in records]
        self.ids = [m.id for m in records]

    def _sorted(self, members: Iterable[int]) -> list[int]:
        return sorted(set(members), key=lambda i: (self.first[i], self.ids[i]))

    def pairs(
        self, members: Sequence[int], max_gap: int | None, max_block: int, window: int
    ) -> Iterable[tuple[int, int]]:
        """All pairs of a block up to `max_block` members, else each with its `window` next by
        date; with `max_gap`, only pairs of dates that close (and undated with undated)."""
        if max_gap is None:
            yield from _neighbourhood(self._sorted(members), max_block, window)
            return
        dated = self._sorted(i for i in members if self.first[i])
        yield from _neighbourhood(
            self._sorted(i for i in members if not self.first[i]), max_block, window
        )
        reach = len(dated) if len(dated) <= max_block else window
        first = self.first
        for n, i in enumerate(dated):
            until = self.last[i] + max_gap
            for k in range(n + 1, min(len(dated), n + 1 + reach)):
                j = dated[k]
                if first[j] > until:
                    break
                yield (i, j) if i < j else (j, i)

    def nearest(
        self, members: Sequence[int], sparse: Sequence[bool], max_gap: int | None, window: int
    ) -> Iterable[tuple[int, int]]:
        """Each sparse member with its `window` nearest members by date on either side."""
        ordered = self._sorted(members)
        for n, i in enumerate(ordered):
            if not sparse[i]:
                continue
            for j in ordered[max(0, n - window) : n + 1 + window]:
                if j != i and (max_gap is None or self.gap(i, j) <= max_gap):
                    yield (i, j) if i < j else (j, i)

    def gap(self, i: int, j: int) -> int:
        """Days between the two intervals (0 when they overlap; both undated: 0)."""
        if not self.first[i] or not self.first[j]:
            return 0 if self.first[i] == self.first[j] else 1 << 30
        return max(self.first[j] - self.last[i], self.first[i] - self.last[j], 0)


def _neighbourhood(
    ordered: Sequence[int], max_block: int, window: int
) -> Iterable[tuple[int, int]]:
    """All pairs of a small block; in a large one, each member with its `window` next."""
    reach = len(ordered) if len(ordered) <= max_block else window
    for n, i in enumerate(ordered):
        for j in ordered[n + 1 : n + 1 + reach]:
            yield (i, j) if i < j else (j, i)
