"""TF-IDF vectors as sparse dicts: enough for cosine between documents or sentences, no sklearn."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

TOKEN = re.compile(r"(?u)\b[^\W\d_][\w'-]+\b")
Vector = dict[str, float]

# Words too common in news to say anything about which event a text reports.
STOP = frozenset(
    "the a an and or but of to in on at for from by with as is are was were be been being has have "
    "had do does did it its this that these those he she they them his her their we our you your i "
    "not no said says say will would could should may might can also after before over into about "
    "than then there here who whom which what when where while more most some any all one two new "
    "just so up out if us mr ms".split()
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stop words."""
    return [t for t in TOKEN.findall(text.lower()) if t not in STOP]


def idf(texts: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over token lists (sklearn's smooth_idf formula)."""
    df: Counter[str] = Counter()
    n = 0
    for toks in texts:
        n += 1
        df.update(set(toks))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def vector(toks: Iterable[str], weights: Mapping[str, float], top: float | None = None) -> Vector:
    """Sublinear tf times idf, l2-normalised; unknown words get the largest idf (`top`, when
    the caller knows it: finding it is a pass over every word)."""
    counts = Counter(toks)
    if top is None:
        top = max(weights.values(), default=1.0)
    vec = {t: (1.0 + math.log(c)) * weights.get(t, top) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def vectors(texts: Mapping[str, str]) -> dict[str, Vector]:
    """TF-IDF vectors of named texts, idf taken from those texts.

    Each word is kept once (the vectors of 100k sentences share their keys, not copies)."""
    terms: dict[str, str] = {}
    toks = {k: [terms.setdefault(t, t) for t in tokens(v)] for k, v in texts.items()}
    weights = idf(toks.values())
    top = max(weights.values(), default=1.0)
    return {k: vector(t, weights, top) for k, t in toks.items()}
