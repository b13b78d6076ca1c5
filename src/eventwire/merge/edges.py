"""Scored pairs of mentions held as two flat arrays, not a dict of tuples.

A store's merge scores millions of candidate pairs. As a dict keyed by `(i, j)` tuples a
pair weighed about 200 bytes (the tuple, two ints, a float and the hash slot), which made
the end of a 10k-article ingest peak at 4 GB in the parent. Here a pair is one int64 key
(`i * n + j`, so sorted keys are the pairs in index order) and one float64 score: 16 bytes.
`Edges` still reads as a `Mapping[(i, j), score]` for the callers that look pairs up.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping

import numpy as np
import numpy.typing as npt

Keys = npt.NDArray[np.int64]
Scores = npt.NDArray[np.float64]

FLUSH = 1 << 20  # raw keys gathered before duplicates are folded away (8 MiB)


class PairKeys:
    """Collects index pairs (repeats allowed) into sorted unique int64 keys, in bounded memory."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._raw = array("q")
        self._done: Keys = np.empty(0, dtype=np.int64)

    def add(self, pairs: Iterable[tuple[int, int]]) -> None:
        n, raw = self.n, self._raw
        raw.extend(i * n + j for i, j in pairs)
        if len(raw) >= FLUSH:
            self._fold()

    def _fold(self) -> None:
        """Add the new ones of the raw keys to the sorted keys, keeping them sorted.

        Not `np.union1d`: it sorts a concatenated copy, three times the keys at its peak (on
        a 180k-mention store, half a GiB more); an insert at searched positions is two.
        """
        if not self._raw:
            return
        fresh = np.unique(np.frombuffer(self._raw, dtype=np.int64))
        self._raw = array("q")
        done = self._done
        at = np.searchsorted(done, fresh)
        known = at < len(done)
        known[known] = done[at[known]] == fresh[known]
        self._done = np.insert(done, at[~known], fresh[~known])

    def keys(self) -> Keys:
        """The distinct pairs gathered so far, in index order."""
        self._fold()
        return self._done


def as_keys(pairs: Iterable[tuple[int, int]], n: int) -> Keys:
    """Sorted unique keys of some (i, j) pairs."""
    found = PairKeys(n)
    found.add(pairs)
    return found.keys()


def as_pairs(keys: Keys, n: int) -> set[tuple[int, int]]:
    """The (i, j) pairs of some keys (for reading and testing; a merge keeps the keys)."""
    return {divmod(k, n) for k in keys.tolist()}


def ends(keys: Keys, n: int) -> tuple[Keys, Keys]:
    """The first and second index of every key's pair."""
    return keys // max(n, 1), keys % max(n, 1)


def pairs_of(keys: Keys, n: int, chunk: int = 1 << 16) -> Iterator[tuple[int, int]]:
    """Each key's (i, j) in order, converted to Python ints a chunk at a time."""
    for start in range(0, len(keys), chunk):
        firsts, seconds = ends(keys[start : start + chunk], n)
        yield from zip(firsts.tolist(), seconds.tolist(), strict=True)


class Edges(Mapping[tuple[int, int], float]):
    """Pairs (i < j) of `range(n)` with a score each, sorted by (i, j)."""

    def __init__(self, n: int, keys: Keys, scores: Scores) -> None:
        if len(keys) != len(scores):
            raise ValueError(f"{len(keys)} pair keys but {len(scores)} scores")
        self.n = n
        self.packed = keys
        self.scores = scores

    @classmethod
    def of(cls, n: int, scored: Mapping[tuple[int, int], float]) -> Edges:
        """A dict of pairs as `Edges`; a pair given as (j, i), or both ways, is summed as (i, j)."""
        summed: dict[tuple[int, int], float] = {}
        for (i, j), s in scored.items():
            if i != j:
                p = (i, j) if i < j else (j, i)
                summed[p] = summed.get(p, 0.0) + s
        keys = as_keys(summed, n)
        return cls(n, keys, np.array([summed[p] for p in pairs_of(keys, n)], dtype=np.float64))

    def ends(self) -> tuple[Keys, Keys]:
        """The first and second index of every pair."""
        return ends(self.packed, self.n)

    def select(self, mask: npt.NDArray[np.bool_]) -> Edges:
        return Edges(self.n, self.packed[mask], self.scores[mask])

    def triples(self) -> Iterator[tuple[int, int, float]]:
        """(i, j, score) in index order."""
        scores = iter(self.scores.tolist())
        for i, j in pairs_of(self.packed, self.n):
            yield i, j, next(scores)

    def __getitem__(self, pair: tuple[int, int]) -> float:
        i, j = pair
        if 0 <= j < self.n:
            key = i * self.n + j
            at = int(np.searchsorted(self.packed, key))
            if at < len(self.packed) and int(self.packed[at]) == key:
                return float(self.scores[at])
        raise KeyError(pair)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return pairs_of(self.packed, self.n)

    def __len__(self) -> int:
        return len(self.packed)
