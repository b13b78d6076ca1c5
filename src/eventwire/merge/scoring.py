"""The evidence of `merge.similarity`, computed for many pairs at once with array operations.

A store's merge scores millions of candidate pairs, and scoring one pair at a time in Python
cost about 16 µs a pair (two thirds of a 5k-article merge). Here every record's fields are
read once into arrays (codes for strings, sparse rows for sets and TF-IDF vectors), and a
chunk of pairs is scored by indexing those arrays. `similarity.EVIDENCE` stays the
definition, and the explanation of a merged event still uses it: a property test holds
each score here equal to it (to rounding: sparse dot products add in another order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from eventwire.merge.edges import ends
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import (
    ARGUMENT_ROLES,
    EVIDENCE,
    FAR_KM,
    MODIFIER_DEPS,
    NEAR_KM,
    UNREAL,
    Context,
    Weights,
    _countries,
    _families,
    _stems,
    stem,
)
from eventwire.merge.tfidf import Vector

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]

CHUNK = 1 << 16  # pairs scored at once: a few MiB of temporaries


class _Codes:
    """Strings to dense integer codes; a missing value (None or empty) is -1."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if not value:
            return -1
        return self.index.setdefault(value, len(self.index))


def _sets(rows: Iterable[Iterable[str]], n: int) -> sparse.csr_matrix:
    """One binary sparse row per record: its set of strings (repeats counted once)."""
    codes: dict[str, int] = {}
    indptr, indices = [0], []
    for row in rows:
        indices.extend(sorted({codes.setdefault(v, len(codes)) for v in row}))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sparse.csr_matrix(
        (data, np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
        shape=(n, max(len(codes), 1)),
    )


def _vectors(
    rows: Sequence[Vector | None], terms: dict[str, int]
) -> tuple[sparse.csr_matrix, Bools]:
    """TF-IDF vectors as sparse rows, and which rows have one (an empty vector has none)."""
    indptr, indices, data = [0], [], []
    for vec in rows:
        if vec:
            for t, v in vec.items():
                indices.append(terms.setdefault(t, len(terms)))
                data.append(v)
        indptr.append(len(indices))
    has = np.array([bool(v) for v in rows], dtype=bool)
    matrix = sparse.csr_matrix(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
        shape=(len(rows), max(len(terms), 1)),
    )
    return matrix, has


def _dot(matrix: sparse.csr_matrix, i: Ints, j: Ints) -> Floats:
    """Row-wise dot products of rows `i` and rows `j` (set overlaps, cosines)."""
    if not len(i):
        return np.empty(0)
    return np.asarray(matrix[i].multiply(matrix[j]).sum(axis=1), dtype=np.float64).ravel()


def _dates(values: Iterable[object]) -> Floats:
    return np.array(
        [v.toordinal() if v is not None else np.nan for v in values],  # type: ignore[attr-defined]
        dtype=np.float64,
    )


def _optional(values: Iterable[float | None]) -> Floats:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


class Table:
    """Every record's fields the evidence reads, as arrays indexed by record."""

    def __init__(self, records: Sequence[MentionRecord], ctx: Context) -> None:
        n = self.n = len(records)
        type_code, mode_code, cameo_code, lemma_code = _Codes(), _Codes(), _Codes(), _Codes()
        doc_code, status_code, country_code = _Codes(), _Codes(), _Codes()
        self.type = np.array([type_code(m.plover_type) for m in records], dtype=np.int64)
        self.mode = np.array([mode_code(m.plover_mode) for m in records], dtype=np.int64)
        self.cameo = np.array([cameo_code((m.cameo or "")[:2]) for m in records], dtype=np.int64)
        self.has_cameo = np.array([bool(m.cameo) for m in records], dtype=bool)
        self.lemma = np.array([lemma_code(m.lemma) for m in records], dtype=np.int64)
        self.has_trigger = np.array([bool(m.lemma or m.trigger) for m in records], dtype=bool)
        stem_code = _Codes()
        stems = np.full((n, 2), -1, dtype=np.int64)
        for r, m in enumerate(records):
            for c, s in enumerate(sorted(_stems(m))):
                stems[r, c] = stem_code(s)
        self.stems = stems
        families = [_families(m) for m in records]
        self.has_families = np.array([bool(f) for f in families], dtype=bool)
        self.saying = np.array(["kind:saying" in f for f in families], dtype=bool)
        self.families = _sets(((f for f in fs if not f.startswith("kind:")) for fs in families), n)
        self.doc = np.array([doc_code(m.doc) for m in records], dtype=np.int64)
        self.sentence = np.array([m.sentence for m in records], dtype=np.int64)
        self.status = np.array([status_code(m.status) for m in records], dtype=np.int64)
        self.unreal = np.array([m.status in UNREAL for m in records], dtype=bool)
        self.has_dep = np.array([bool(m.dep) for m in records], dtype=bool)
        self.modifies = np.array([m.dep in MODIFIER_DEPS for m in records], dtype=bool)
        self.has_spread = bool(ctx.spread)  # the store's merge has none: no stems to derive
        self.spread = np.array(
            [ctx.spread.get(stem(m.lemma), 0.0) for m in records] if ctx.spread else []
        )
        self.roles = {
            role: self._role(records, role)
            for role in sorted({r for m in records for r, ids in m.actors.items() if ids})
        }
        self.countries = self._sized(_sets((_countries(m) for m in records), n))
        self.arguments = self._sized(_sets((m.arguments for m in records), n))
        self.start = _dates(m.date_start for m in records)
        self.end = _dates(m.date_end for m in records)
        self.lat = np.radians(_optional(m.lat for m in records))
        self.lon = np.radians(_optional(m.lon for m in records))
        self.has_point = ~(np.isnan(self.lat) | np.isnan(self.lon))
        self.country = np.array([country_code(m.country) for m in records], dtype=np.int64)
        terms: dict[str, int] = {}
        docs: dict[str, int] = {}  # one row per document, not one copy per mention
        self.doc_row = np.array(
            [docs.setdefault(m.doc, len(docs)) for m in records], dtype=np.int64
        )
        self.documents, self.has_document = _vectors([ctx.documents.get(d) for d in docs], terms)
        self.sentences, self.has_sentence = _vectors(
            [ctx.sentences.get(m.id) for m in records], terms
        )

    @staticmethod
    def _sized(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, Floats]:
        return matrix, np.diff(matrix.indptr).astype(np.float64)

    def _role(
        self, records: Sequence[MentionRecord], role: str
    ) -> tuple[sparse.csr_matrix, Floats]:
        return self._sized(_sets((m.actors.get(role, ()) for m in records), self.n))


def _jaccard(sets: tuple[sparse.csr_matrix, Floats], i: Ints, j: Ints) -> Floats:
    """|A & B| / |A | B| per pair; NaN where a side is empty (the evidence is missing)."""
    matrix, size = sets
    out = np.full(len(i), np.nan)
    both = (size[i] > 0) & (size[j] > 0)
    if both.any():
        bi, bj = i[both], j[both]
        common = _dot(matrix, bi, bj)
        out[both] = common / (size[bi] + size[bj] - common)
    return out


class _Pairs:
    """One chunk of pairs: the evidence of each, computed once and cached by name."""

    def __init__(self, table: Table, i: Ints, j: Ints) -> None:
        self.t, self.i, self.j = table, i, j
        self.cache: dict[str, Floats] = {}

    def get(self, name: str) -> Floats:
        got = self.cache.get(name)
        if got is None:
            got = self.cache[name] = VECTORISED[name](self)
        return got

    def nan_unless(self, present: Bools, values: Floats) -> Floats:
        return np.where(present, values, np.nan)


def _same_type(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    ta, tb, ma, mb = t.type[i], t.type[j], t.mode[i], t.mode[j]
    same_mode = (ma == mb) | (ma < 0) | (mb < 0)
    cameo = t.has_cameo[i] & t.has_cameo[j] & (t.cameo[i] == t.cameo[j])
    value = np.where(ta == tb, np.where(same_mode, 1.0, 0.8), np.where(cameo, 0.5, 0.0))
    return p.nan_unless((ta >= 0) & (tb >= 0), value)


def _same_lemma(p: _Pairs) -> Floats:
    a, b = p.t.lemma[p.i], p.t.lemma[p.j]
    return p.nan_unless((a >= 0) & (b >= 0), (a == b).astype(np.float64))


def _similar_trigger(p: _Pairs) -> Floats:
    sa, sb = p.t.stems[p.i], p.t.stems[p.j]
    shared = np.zeros(len(p.i), dtype=bool)
    for x in range(2):
        for y in range(2):
            shared |= (sa[:, x] >= 0) & (sa[:, x] == sb[:, y])
    present = p.t.has_trigger[p.i] & p.t.has_trigger[p.j]
    return p.nan_unless(present, shared.astype(np.float64))


def _related_triggers(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    present = t.has_families[i] & t.has_families[j]
    out = np.full(len(i), np.nan)
    if present.any():
        out[present] = (_dot(t.families, i[present], j[present]) > 0).astype(np.float64)
    return out


def _both_saying(p: _Pairs) -> Floats:
    return np.asarray(p.t.saying[p.i] & p.t.saying[p.j], dtype=np.float64)


def _actors_overlap(p: _Pairs) -> Floats:
    total, count = np.zeros(len(p.i)), np.zeros(len(p.i))
    for sets in p.t.roles.values():
        value = _jaccard(sets, p.i, p.j)
        filled = ~np.isnan(value)
        total[filled] += value[filled]
        count[filled] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / count, np.nan)


def _gap(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    with np.errstate(invalid="ignore"):
        return np.maximum(np.maximum(t.start[j] - t.end[i], t.start[i] - t.end[j]), 0.0)


def _dates_overlap(p: _Pairs) -> Floats:
    gap = _gap(p)
    return p.nan_unless(~np.isnan(gap), (gap == 0).astype(np.float64))


def _dates_apart(p: _Pairs) -> Floats:
    gap = _gap(p)
    return np.minimum(np.maximum(gap - 1, 0) / 7.0, 1.0)  # NaN stays NaN


def _km(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    p1, p2 = t.lat[i], t.lat[j]
    h = (
        np.sin((p2 - p1) / 2) ** 2
        + np.cos(p1) * np.cos(p2) * np.sin((t.lon[j] - t.lon[i]) / 2) ** 2
    )
    with np.errstate(invalid="ignore"):
        return np.asarray(
            2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h))), dtype=np.float64
        )  # NaN without both points


def _countries_known(p: _Pairs) -> tuple[Bools, Bools]:
    ca, cb = p.t.country[p.i], p.t.country[p.j]
    return (ca >= 0) & (cb >= 0), ca == cb


def _places_near(p: _Pairs) -> Floats:
    km = _km(p)
    known, same = _countries_known(p)
    by_km = np.where(km <= NEAR_KM, 1.0, np.maximum(0.0, 1.0 - (km - NEAR_KM) / (FAR_KM - NEAR_KM)))
    by_country = np.where(known, np.where(same, 0.5, 0.0), np.nan)
    return np.where(np.isnan(km), by_country, by_km)


def _places_far(p: _Pairs) -> Floats:
    km = _km(p)
    known, same = _countries_known(p)
    by_country = np.where(known, (~same).astype(np.float64), np.nan)
    return np.where(np.isnan(km), by_country, (km > FAR_KM).astype(np.float64))


def _cosine(
    vectors: Callable[[Table], sparse.csr_matrix],
    has: Callable[[Table], Bools],
    rows: Callable[[Table], Ints] | None = None,
) -> Callable[[_Pairs], Floats]:
    """Cosine of the pair's two vectors; `rows` maps a record to its vector's row."""

    def score(p: _Pairs) -> Floats:
        i, j = (p.i, p.j) if rows is None else (rows(p.t)[p.i], rows(p.t)[p.j])
        present = has(p.t)[i] & has(p.t)[j]
        out = np.full(len(i), np.nan)
        if present.any():
            out[present] = _dot(vectors(p.t), i[present], j[present])
        return out

    return score


def _same_document(p: _Pairs) -> Floats:
    return np.asarray(p.t.doc[p.i] == p.t.doc[p.j], dtype=np.float64)


def _same_sentence(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    return np.asarray((t.doc[i] == t.doc[j]) & (t.sentence[i] == t.sentence[j]), dtype=np.float64)


def _status_differs(p: _Pairs) -> Floats:
    a, b = p.t.status[p.i], p.t.status[p.j]
    return p.nan_unless((a >= 0) & (b >= 0), (a != b).astype(np.float64))


def _a_side_modifies(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    return p.nan_unless(
        t.has_dep[i] & t.has_dep[j], (t.modifies[i] | t.modifies[j]).astype(np.float64)
    )


def _a_side_unreal(p: _Pairs) -> Floats:
    t, i, j = p.t, p.i, p.j
    known = (t.status[i] >= 0) & (t.status[j] >= 0)
    return p.nan_unless(known, (t.unreal[i] | t.unreal[j]).astype(np.float64))


def _widely_reported(p: _Pairs) -> Floats:
    if not p.t.has_spread:
        return np.full(len(p.i), np.nan)
    out: Floats = np.minimum(p.t.spread[p.i], p.t.spread[p.j])
    return out


def _role_overlap(role: str) -> Callable[[_Pairs], Floats]:
    def score(p: _Pairs) -> Floats:
        sets = p.t.roles.get(role)
        return np.full(len(p.i), np.nan) if sets is None else _jaccard(sets, p.i, p.j)

    return score


def _role_clash(overlap: str) -> Callable[[_Pairs], Floats]:
    def score(p: _Pairs) -> Floats:
        value = p.get(overlap)
        return np.where(np.isnan(value), np.nan, (value == 0.0).astype(np.float64))

    return score


def _both(x: str, y: str) -> Callable[[_Pairs], Floats]:
    return lambda p: p.get(x) * p.get(y)  # NaN when either is missing


VECTORISED: dict[str, Callable[[_Pairs], Floats]] = {
    "same type": _same_type,
    "types differ": lambda p: 1.0 - p.get("same type"),
    "same lemma": _same_lemma,
    "similar trigger": _similar_trigger,
    "actors overlap": _actors_overlap,
    "countries overlap": lambda p: _jaccard(p.t.countries, p.i, p.j),
    "arguments overlap": lambda p: _jaccard(p.t.arguments, p.i, p.j),
    "dates overlap": _dates_overlap,
    "dates apart": _dates_apart,
    "places near": _places_near,
    "places far": _places_far,
    "similar documents": _cosine(
        lambda t: t.documents, lambda t: t.has_document, lambda t: t.doc_row
    ),
    "similar context": _cosine(lambda t: t.sentences, lambda t: t.has_sentence),
    "same document": _same_document,
    "same sentence": _same_sentence,
    "status differs": _status_differs,
    "related triggers": _related_triggers,
    "both saying": _both_saying,
    "same trigger, similar documents": _both("similar trigger", "similar documents"),
    "same trigger, shared arguments": _both("similar trigger", "arguments overlap"),
    "same trigger, similar context": _both("similar trigger", "similar context"),
    "same trigger, same document": _both("similar trigger", "same document"),
    "related triggers, similar documents": _both("related triggers", "similar documents"),
    "related triggers, shared arguments": _both("related triggers", "arguments overlap"),
    "a side modifies": _a_side_modifies,
    "a side unreal": _a_side_unreal,
    "widely reported": _widely_reported,
    "same trigger, widely reported": _both("similar trigger", "widely reported"),
    **{
        name: fn
        for role, words in zip(
            ARGUMENT_ROLES, ("participants", "times", "place words"), strict=True
        )
        for name, fn in (
            (f"{words} overlap", _role_overlap(role)),
            (f"{words} differ", _role_clash(f"{words} overlap")),
        )
    },
}
assert set(VECTORISED) == set(EVIDENCE), "every named evidence has its array form"


def evidence(table: Table, i: Ints, j: Ints, names: Iterable[str]) -> dict[str, Floats]:
    """The named evidence of pairs (i[k], j[k]); NaN where `similarity` gives None."""
    pairs = _Pairs(table, i, j)
    return {name: pairs.get(name) for name in names}


def probabilities(table: Table, i: Ints, j: Ints, weights: Weights) -> Floats:
    """`Weights.probability` of each pair, summed in the same order (missing evidence adds 0)."""
    pairs = _Pairs(table, i, j)
    z = np.zeros(len(i))
    for name in weights.used:
        value = pairs.get(name)
        z += np.where(np.isnan(value), 0.0, weights.weights[name] * value)
    z = weights.bias + z
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))


def score_keys(
    records: Sequence[MentionRecord], keys: Ints, ctx: Context, weights: Weights
) -> Floats:
    """Probabilities of the pairs of some pair keys (`merge.edges`), a chunk at a time."""
    table = Table(records, ctx)
    out = np.empty(len(keys))
    for lo in range(0, len(keys), CHUNK):
        i, j = ends(keys[lo : lo + CHUNK], table.n)
        out[lo : lo + CHUNK] = probabilities(table, i, j, weights)
    return out
