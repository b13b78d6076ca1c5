"""Optional learned fallback: a TF-IDF + logistic-regression PLOVER classifier for one sentence.

Trained by `scripts/train_classifier.py` on ngec-synthetic/train.jsonl (synthetic stories, the
only allowed training data); weights ship as `data/ontology/plover_tfidf_lr.npz` (no pickle).
The rule coder stays the explainable core: `fallback_event` is meant for sentences where it
finds no event, and records its provenance as `events.classify:tfidf-lr`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from eventwire.errors import DataFileError
from eventwire.events.ontology import PLOVER_TYPES, cameo_entry, plover_to_cameo
from eventwire.model import Event, Plover, Provenance, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from eventwire.nlp.parse import Parsed

WEIGHTS = "plover_tfidf_lr.npz"
RULE = "events.classify:tfidf-lr"
DEFAULT_MIN_PROB = 0.3  # measured: the best threshold on the real dev sets (see the report)
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # sklearn's default token pattern


@dataclass(frozen=True)
class _Model:
    """One linear model over TF-IDF word 1-2 grams (sklearn's default tokens, sublinear tf, l2)."""

    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Indices and l2-normalised TF-IDF weights of the text's known 1-2 grams."""
        words = TOKEN.findall(text.lower())
        counts = Counter(
            w
            for w in (*words, *map(" ".join, zip(words, words[1:], strict=False)))
            if w in self.index
        )
        idx = np.fromiter((self.index[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        vals = (1.0 + np.log(tf)) * self.idf[idx]
        norm = float(np.sqrt((vals * vals).sum()))
        return idx, vals / norm if norm else vals

    def proba(self, text: str) -> np.ndarray:
        idx, vals = self.features(text)
        scores = self.coef[:, idx] @ vals + self.intercept
        scores = np.exp(scores - scores.max())
        return np.asarray(scores / scores.sum())


def _build(arrays: dict[str, np.ndarray], prefix: str) -> _Model:
    vocab = [str(t) for t in arrays[f"{prefix}_vocab"]]
    coef = arrays[f"{prefix}_coef"].astype(np.float32)
    classes = [str(c) for c in arrays[f"{prefix}_classes"]]
    if coef.shape != (len(classes), len(vocab)):
        raise DataFileError(
            f"{WEIGHTS}: {prefix} coefficients {coef.shape} do not fit vocabulary/classes"
        )
    index = {term: i for i, term in enumerate(vocab)}
    idf = arrays[f"{prefix}_idf"].astype(np.float32)
    return _Model(index, idf, coef, arrays[f"{prefix}_intercept"].astype(np.float32), classes)


@lru_cache(maxsize=1)
def _models() -> tuple[_Model, _Model]:
    """The type and mode models, loaded once."""
    ref = resources.files("eventwire.data.ontology").joinpath(WEIGHTS)
    try:
        with ref.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        types, modes = _build(arrays, "type"), _build(arrays, "mode")
    except (OSError, KeyError, ValueError) as exc:
        raise DataFileError(f"{WEIGHTS}: cannot load classifier weights ({exc})") from exc
    unknown = set(types.classes) - set(PLOVER_TYPES)
    if unknown:
        raise DataFileError(f"{WEIGHTS}: unknown PLOVER types {sorted(unknown)}")
    return types, modes


def classify_sentence(text: str) -> tuple[str, float]:
    """The most likely PLOVER type of a sentence and its probability."""
    model = _models()[0]
    proba = model.proba(text)
    best = int(proba.argmax())
    return model.classes[best], float(proba[best])


def classify_mode(text: str, plover_type: str) -> tuple[str | None, float]:
    """The most likely mode of `plover_type` for a sentence (None if the type has no trained mode)."""
    model = _models()[1]
    proba = model.proba(text)
    prefix = f"{plover_type}:"
    best = max(
        (i for i, c in enumerate(model.classes) if c.startswith(prefix)),
        key=proba.__getitem__,
        default=None,
    )
    if best is None:
        return None, 0.0
    share = float(
        proba[best] / sum(proba[i] for i, c in enumerate(model.classes) if c.startswith(prefix))
    )
    return model.classes[best][len(prefix) :], share


def _trigger(sent: SpacySpan) -> SpacySpan:
    """The sentence's root verb (or its root token) as the trigger."""
    root = sent.root
    return sent.doc[root.i : root.i + 1]


def fallback_event(
    parsed: Parsed,
    sentence_index: int,
    *,
    min_prob: float = DEFAULT_MIN_PROB,
    min_mode_prob: float = 0.5,
) -> Event | None:
    """An event for a sentence the rule coder left empty, when the classifier is confident enough."""
    sent_rec = next((s for s in parsed.sentences if s.index == sentence_index), None)
    if sent_rec is None:
        return None
    ptype, prob = classify_sentence(sent_rec.text)
    if prob < min_prob:
        return None
    mode, mode_prob = classify_mode(sent_rec.text, ptype)
    mode = mode if mode_prob >= min_mode_prob else None
    span = parsed.doc.char_span(sent_rec.start, sent_rec.end, alignment_mode="expand")
    if span is None:
        return None
    trig = _trigger(span)
    code = plover_to_cameo(ptype, mode)
    entry = cameo_entry(code)
    art = parsed.article
    key = f"{art.id}:{sentence_index}:{trig.start_char}:{ptype}:{RULE}"
    return Event(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        article_id=art.id,
        sentence=sentence_index,
        text=sent_rec.text,
        trigger=Span(text=trig.text, start=trig.start_char, end=trig.end_char),
        plover=Plover(type=ptype, mode=mode),
        cameo=code,
        quad=entry.quad,
        goldstein=entry.goldstein,
        confidence=round(prob, 4),
        provenance=Provenance(stage="events", rule=RULE, lexicon=WEIGHTS),
    )
