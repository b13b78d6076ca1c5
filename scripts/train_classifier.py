"""Train the optional PLOVER sentence classifier shipped in eventwire/data/ontology/.

Training data: ngec-synthetic/train.jsonl (machine-written stories, each written for a PLOVER
type and mode; allowed as training data). Each story gives short training units: its headline
and its first sentences, labelled with the story's type (and type:mode where set).
The weights are written as a compressed .npz (vocabulary, idf, coefficients), no pickle.

Usage: .venv/bin/python scripts/train_classifier.py [--train PATH] [--out PATH]
       .venv/bin/python scripts/train_classifier.py --measure   # real dev sets, with/without fallback
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "ngec-synthetic" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data" / "ontology" / "plover_tfidf_lr.npz"
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
MAX_TYPE_FEATURES = 30000
MAX_MODE_FEATURES = 12000
FIRST_SENTENCES = 4


def units(story: dict[str, Any]) -> list[str]:
    """Headline plus the first sentences of a story: sentence-sized training texts."""
    sents = [
        s.strip()
        for s in SENT_SPLIT.split(" ".join(str(story["text"]).split()))
        if len(s.split()) >= 4
    ]
    return [str(story["headline"]), *sents[:FIRST_SENTENCES]]


def load(path: Path) -> tuple[list[str], list[str], list[str | None]]:
    texts: list[str] = []
    types: list[str] = []
    modes: list[str | None] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            story = json.loads(line)
            mode = str(story["mode"]).lower() if story.get("mode") else None
            for text in units(story):
                texts.append(text)
                types.append(str(story["event"]).upper())
                modes.append(f"{str(story['event']).upper()}:{mode}" if mode else None)
    return texts, types, modes


def fit(texts: list[str], labels: list[str], max_features: int, c: float) -> dict[str, np.ndarray]:
    """Fit TF-IDF (word 1-2 grams) + logistic regression; return the arrays inference needs."""
    vec = TfidfVectorizer(
        ngram_range=(1, 2), min_df=2, max_features=max_features, sublinear_tf=True, dtype=np.float32
    )
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    clf.fit(x, labels)
    vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
    return {
        "vocab": np.array(vocab),
        "idf": vec.idf_.astype(np.float32),
        "coef": clf.coef_.astype(np.float16),
        "intercept": clf.intercept_.astype(np.float32),
        "classes": np.array(clf.classes_),
    }


MEASURE_SETS = (
    ("plover-gsr", "plover"),
    ("petr2-gsr", "cameo"),
    ("conflibert-cameo", "cameo"),
    ("case2021-task2", "case2021"),
)
MEASURE_KEYS = (
    "type_accuracy",
    "type_macro_f1",
    "mode_accuracy",
    "root_accuracy",
    "accuracy",
    "coarse_accuracy",
)


PLOVER_MODES: dict[str, list[str]] = {}


def _with_fallback(real: Any, min_prob: float) -> Any:
    """A `code_articles` adding a classifier event to each sentence without a PLOVER-typed event."""
    from eventwire.events.classify import fallback_event
    from eventwire.events.ontology import PLOVER_TYPES
    from eventwire.model import Batch
    from eventwire.nlp.parse import parse_articles

    def code_articles(articles: Any, settings: Any = None) -> Batch:
        items = list(articles)
        batch: Batch = real(items, settings)
        parsed = {p.article.id: p for p in parse_articles(items)}
        coded = []
        for c in batch.coded:
            covered = {e.sentence for e in c.events if e.plover.type in PLOVER_TYPES}
            todo = [s.index for s in c.sentences if s.index not in covered]
            extra = [fallback_event(parsed[c.article.id], i, min_prob=min_prob) for i in todo]
            coded.append(c.model_copy(update={"events": [*c.events, *[e for e in extra if e]]}))
        return Batch(coded=coded, failures=batch.failures)

    return code_articles


def _classifier_only() -> Any:
    """A `code_articles` that codes every sentence with the classifier alone (no rules)."""
    from eventwire.events.classify import fallback_event
    from eventwire.model import Batch, Coded
    from eventwire.nlp.parse import parse_articles

    def code_articles(articles: Any, settings: Any = None) -> Batch:
        coded = []
        for p in parse_articles(list(articles)):
            events = [fallback_event(p, s.index, min_prob=0.0) for s in p.sentences]
            coded.append(
                Coded(article=p.article, sentences=p.sentences, events=[e for e in events if e])
            )
        return Batch(coded=coded)

    return code_articles


def _with_modes(real: Any, min_share: float) -> Any:
    """A `code_articles` filling missing modes from the mode classifier (share >= min_share)."""
    from eventwire.events.classify import classify_mode
    from eventwire.model import Batch, Plover

    def fill(event: Any) -> Any:
        if event.plover.mode or not PLOVER_MODES.get(event.plover.type):
            return event
        mode, share = classify_mode(event.text, event.plover.type)
        if mode is None or share < min_share:
            return event
        return event.model_copy(update={"plover": Plover(type=event.plover.type, mode=mode)})

    def code_articles(articles: Any, settings: Any = None) -> Batch:
        batch: Batch = real(list(articles), settings)
        coded = [c.model_copy(update={"events": [fill(e) for e in c.events]}) for c in batch.coded]
        return Batch(coded=coded, failures=batch.failures)

    return code_articles


def _cached(real: Any) -> Any:
    cache: dict[tuple[str, ...], Any] = {}

    def code_articles(articles: Any, settings: Any = None) -> Any:
        items = list(articles)
        key = tuple(a.id for a in items)
        if key not in cache:
            cache[key] = real(items, settings)
        return cache[key]

    return code_articles


def cost(path: Path) -> None:
    """Milliseconds per sentence of `fallback_event` against a bare spaCy parse of the same texts."""
    import time

    from eventwire.events import classify
    from eventwire.model import Article
    from eventwire.nlp.parse import load_nlp, parse_articles

    texts = [str(json.loads(line)["text"]) for line in path.open(encoding="utf-8")]
    start = time.perf_counter()
    classify._models()
    load_ms = (time.perf_counter() - start) * 1000
    parsed = list(parse_articles([Article.make(t) for t in texts]))
    n = sum(len(p.sentences) for p in parsed)
    start = time.perf_counter()
    for p in parsed:
        for sent in p.sentences:
            classify.fallback_event(p, sent.index, min_prob=0.0)
    clf_ms = (time.perf_counter() - start) * 1000 / n
    nlp = load_nlp()
    start = time.perf_counter()
    list(nlp.pipe(texts))
    parse_ms = (time.perf_counter() - start) * 1000 / n
    print(f"cost on {n} sentences: load {load_ms:.0f} ms once; fallback_event {clf_ms:.2f} ms/sentence; "
          f"bare spaCy parse {parse_ms:.2f} ms/sentence ({clf_ms / parse_ms:.1%} of the parse)")  # fmt: skip


def measure(eval_dir: Path) -> None:
    """Dev-set figures of the rule coder alone and with the classifier fallback."""
    import eventwire
    from eventwire.eval import evaluate
    from eventwire.events.ontology import PLOVER_TYPES

    PLOVER_MODES.update(PLOVER_TYPES)
    real = _cached(eventwire.code_articles)
    variants = {"classifier only": _classifier_only(), "rules": real}
    for p in (0.0, 0.2, 0.3, 0.5):
        variants[f"+fallback(p>={p})"] = _with_fallback(real, p)
    for share in (0.0, 0.5):
        variants[f"+modes(share>={share})"] = _with_modes(real, share)
    cost(eval_dir / "case2021-task2" / "dev.jsonl")
    for name, task in MEASURE_SETS:
        for label, fn in variants.items():
            eventwire.code_articles = fn
            report = evaluate(eval_dir / name / "dev.jsonl", task)
            figures = {
                k: report.metrics[k] for k in MEASURE_KEYS if report.metrics.get(k) is not None
            }
            print(f"{name:18} {label:30} {figures}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation of the type model")
    ap.add_argument(
        "--measure", action="store_true", help="score the dev sets with/without the fallback"
    )
    args = ap.parse_args()
    if args.measure:
        measure(args.train.parent.parent)
        return
    texts, types, modes = load(args.train)
    type_model = fit(texts, types, MAX_TYPE_FEATURES, args.c)
    mode_idx = [i for i, m in enumerate(modes) if m]
    mode_model = fit(
        [texts[i] for i in mode_idx], [str(modes[i]) for i in mode_idx], MAX_MODE_FEATURES, args.c
    )
    arrays = {f"type_{k}": v for k, v in type_model.items()} | {
        f"mode_{k}": v for k, v in mode_model.items()
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, **arrays)  # type: ignore[arg-type]
    print(
        f"{len(texts)} units, {len(mode_idx)} with mode -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
