"""Train the events back-off classifiers shipped as eventwire/data/events/backoff_lr.npz and
backoff_lr_t2v.npz (the same recipe with each unit's context vector: `backoff.context_vector`).

Training data: ngec-synthetic/train.jsonl (machine-written stories, each written for one PLOVER
type; allowed as training data). Each story gives its headline and first sentences; each is
parsed with the project's spaCy pipeline, its content verb found by `backoff.candidate`, and its
parse features (`backoff.features`) labelled with the lexicon's type of that verb where the
lexicon codes it, else with the story's type (its later sentences, up to MORE_SENTENCES, train
only where the lexicon types their verb) (`--labels story`: always the story's; a story's
type is the type of its sentences' verbs only two times in five, so the story label teaches
the model noise). A logistic regression over
those binary features (l2-normalised) is fitted; the weights are written without pickle.
Deterministic: fixed input order, lbfgs, no random state involved.

Two options for experiments (issue 13), off by default so that `make train-events` reproduces
the shipped weights: `--fold study` trains on the study fold of `scripts/ngec_folds.py` only
(split by headline template), so the measure fold stays unseen and its score honest;
`--recase-headlines` puts each Title Case headline in sentence case first
(`attribution.headline.sentence_case`: a Title Case line parses as one long name, so its verb
is often not found and the headline gives no training unit).

`--cv CACHE` scores the recipe instead of writing weights: the train units are parsed once
(cached as a spaCy DocBin at CACHE) and the classifier is cross-validated twice, with five folds
grouped by the content verb's lemma (every test verb unseen in training: the back-off's real job)
and with the headline-template folds of `scripts/ngec_folds.py`; it prints accuracy overall and
at the MIN_PROB / MAIN_PROB thresholds.

Usage: .venv/bin/python scripts/train_backoff.py [--train PATH] [--out PATH]
       [--fold study --shared DIR] [--recase-headlines] [--cv CACHE] [--labels lexicon|story]
       (make train-events)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from ngec_folds import bucket, fold, split  # scripts/ngec_folds.py, beside this script
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc, DocBin, Token

from eventwire.attribution.headline import sentence_case
from eventwire.events.backoff import (
    MAIN_PROB,
    MIN_PROB,
    VECTOR_WEIGHTS,
    Model,
    candidate,
    features,
    training_label,
    verb_object,
)
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.nlp.parse import load_nlp
from eventwire.nlp.vectors import model_key

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_TRAIN = DEFAULT_SHARED / "eval" / "ngec-synthetic" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data" / "events" / "backoff_lr.npz"
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
FIRST_SENTENCES = 2
# Sentences after those, up to this one, train too where the lexicon types their verb (a later
# sentence drifts from its story's type, so only its verb's own lexicon type labels it):
# ngec-synthetic train CV, lexicon-typed units of unseen verbs 0.646 -> 0.675, of unseen
# headline templates 0.846 -> 0.925.
MORE_SENTENCES = 8
MIN_COUNT = 2
C = 2.0
DENSE_WEIGHT = 0.2  # of each half of the context vector, standardised (1.0 was worse: 0.639)


def read_stories(path: Path) -> list[dict[str, object]]:
    """Every story of a JSONL file, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def units(stories: list[dict[str, object]], recase: bool = False) -> tuple[list[str], list[str]]:
    """Headline and first sentences of every story, with its PLOVER type (the headline in
    sentence case when `recase`)."""
    texts: list[str] = []
    labels: list[str] = []
    for story in stories:
        sents = [s for s in SENT_SPLIT.split(" ".join(str(story["text"]).split())) if s]
        headline = str(story["headline"])
        if recase:
            headline = sentence_case(" ".join(headline.split()), str(story["text"])) or headline
        for text in [headline, *sents[:FIRST_SENTENCES]]:
            texts.append(text)
            labels.append(str(story["event"]).upper())
    return texts, labels


def more_units(stories: list[dict[str, object]]) -> tuple[list[str], list[str]]:
    """Each story's sentences after the first ones, up to MORE_SENTENCES, with its type."""
    texts: list[str] = []
    labels: list[str] = []
    for story in stories:
        sents = [s for s in SENT_SPLIT.split(" ".join(str(story["text"]).split())) if s]
        for text in sents[FIRST_SENTENCES:MORE_SENTENCES]:
            texts.append(text)
            labels.append(str(story["event"]).upper())
    return texts, labels


def unit_label(lemma: str, story: str, lex: Lexicon, labels: str) -> str:
    """A training unit's label (`backoff.training_label`, or the story's type for `story`)."""
    return training_label(lemma, story, lex) if labels == "lexicon" else story


def featurise(
    texts: list[str],
    labels: list[str],
    docs: list[Doc] | None = None,
    how: str = "lexicon",
    only_typed: bool = False,
    vecs: list[np.ndarray] | None = None,
) -> tuple[list[list[str]], list[str]]:
    """Parse features of each text's content verb (texts without one are skipped, and with
    `only_typed` those whose verb the lexicon does not type); with `vecs`, each unit's context
    vector is appended to it (docs from a parse cache hold no tensor: none are)."""
    nlp = load_nlp()
    lex = load_lexicon()
    report = set(lex.report)
    rows: list[list[str]] = []
    ys: list[str] = []
    parsed = docs if docs is not None else nlp.pipe(texts, batch_size=64)
    for doc, label in zip(parsed, labels, strict=True):
        for sent in doc.sents:
            tok = candidate(sent, report)
            if tok is not None:
                if not only_typed or typed(tok.lemma_.lower(), lex):
                    rows.append(features(tok))
                    ys.append(unit_label(tok.lemma_.lower(), label, lex, how))
                    if vecs is not None:
                        vecs.append(tensor_vector(doc, tok))
                break
    return rows, ys


def tensor_vector(doc: Doc, tok: Token) -> np.ndarray:
    """The unit's context vector as `backoff.context_vector` reads it at run time: the verb's
    and its object's tok2vec rows, rounded to float16 as `nlp.vectors` keeps them."""
    tensor = np.asarray(doc.tensor, dtype=np.float32)
    if tensor.ndim != 2 or len(tensor) != len(doc):
        raise SystemExit("the parse has no tok2vec tensor: train vectors from a fresh parse")
    obj = verb_object(tok)
    other = tensor[obj.i] if obj is not None else np.zeros(tensor.shape[1], dtype=np.float32)
    return np.concatenate([tensor[tok.i], other]).astype(np.float16).astype(np.float32)


def typed(lemma: str, lex: Lexicon) -> bool:
    """True if the lexicon gives the verb a type of its own (not a statement)."""
    return training_label(lemma, "", lex) != ""


def unseen(row: list[str]) -> list[str]:
    """A row as the model would see it were its verb unknown: without the features naming
    the verb's lemma (`v=`, `vo=`, `vp=`, its `s=`)."""
    lemma = next((f[2:] for f in row if f.startswith("v=")), None)
    return [f for f in row if lemma not in f.partition("=")[2].split("|")]


def frame_only(row: list[str]) -> list[str]:
    """A row's complement-frame features alone (`backoff._frames`: "demanded that X *renounce*"),
    empty if it has none: trained on their own too, so that the frame is heard beside the many
    sentence words when the verb is unknown."""
    return [f for f in row if f.startswith("c=")]


def fit(
    rows: list[list[str]], ys: list[str], vecs: list[np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Logistic regression over binary features seen at least MIN_COUNT times, each row also
    given once more as `unseen`: a verb's own features explain its lexicon label away, so
    without the copy the context features (family, object, sentence) stay untrained for the
    unknown verbs the model is for (ngec-synthetic train, verbs held out, lexicon-typed units:
    0.621 -> 0.646 right; plover-gsr tune lexicon dropout 0.578 -> 0.600).

    With `vecs` (one context vector a row), the vectors, standardised and weighted by
    DENSE_WEIGHT per half, are columns beside the binary ones, the copies keeping their row's
    vector: the dense part is written as `dense_*` arrays (`backoff.Dense`)."""
    extra = [(unseen(r), y, n) for n, (r, y) in enumerate(zip(rows, ys, strict=True)) if unseen(r)]
    extra += [
        (frame_only(r), y, n)
        for n, (r, y) in enumerate(zip(rows, ys, strict=True))
        if frame_only(r)
    ]
    order = [*range(len(rows)), *[n for _, _, n in extra]]
    rows = rows + [r for r, _, _ in extra]
    ys = ys + [y for _, y, _ in extra]
    counts: dict[str, int] = {}
    for r in rows:
        for f in r:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    data, indices, indptr = [], [], [0]
    for r in rows:
        weight = 1.0 / np.sqrt(len(r))
        cols = sorted(index[f] for f in r if f in index)
        indices.extend(cols)
        data.extend([weight] * len(cols))
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)), dtype=np.float64)
    dense: dict[str, np.ndarray] = {}
    if vecs is not None:
        v = np.stack(vecs).astype(np.float64)
        mean, scale = v.mean(axis=0), v.std(axis=0) + 1e-6
        weight = DENSE_WEIGHT / np.sqrt(v.shape[1] / 2)
        z = (v - mean) / scale * weight
        x = hstack([x, csr_matrix(z[order])]).tocsr()
        dense = {
            "dense_mean": mean.astype(np.float32),
            "dense_scale": scale.astype(np.float32),
            "dense_weight": np.array(weight),
            "dense_key": np.array(model_key(load_nlp())),
        }
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    clf.fit(x, ys)
    out = {
        "vocab": np.array(vocab),
        "coef": clf.coef_[:, : len(vocab)].astype(np.float16),
        "intercept": clf.intercept_.astype(np.float32),
        "classes": np.array(clf.classes_),
    }
    if dense:
        out["dense_coef"] = clf.coef_[:, len(vocab) :].astype(np.float32)
    return {**out, **dense}


def cached_units(
    stories: list[dict[str, object]], cache: Path, more: bool = False
) -> tuple[list[Doc], list[str], list[str]]:
    """Parsed units (headline and first sentences, or with `more` the later ones) of every
    story, their type and template fold key, parsed once and kept as a DocBin at `cache`
    (deleted by hand when the pipeline changes)."""
    texts, labels, groups = [], [], []
    for story in stories:
        t, y = more_units([story]) if more else units([story])
        texts += t
        labels += y
        groups += [str(story.get("headline_template") or story["headline"])] * len(t)
    nlp = load_nlp()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=64))
        DocBin(docs=docs).to_disk(cache)
    return docs, labels, groups


def more_cache(cache: Path) -> Path:
    """The parse cache of the later sentences, beside the first ones'."""
    return cache.with_name(cache.name + ".more")


def cross_validate(cache: Path, train: Path, how: str = "lexicon") -> None:
    """Print the recipe's accuracy on unseen verbs and on unseen headline templates, trained
    with `how` labels and scored against the same labels of the held-out units."""
    stories = read_stories(train)
    lex = load_lexicon()
    report = set(lex.report)
    rows, ys, verbs, temps = [], [], [], []
    known: list[bool] = []
    n_base = 0
    for more in (False, True) if how == "lexicon" else (False,):
        docs, labels, groups = cached_units(stories, more_cache(cache) if more else cache, more)
        for doc, label, group in zip(docs, labels, groups, strict=True):
            for sent in doc.sents:
                tok = candidate(sent, report)
                if tok is not None and (not more or typed(tok.lemma_.lower(), lex)):
                    rows.append(features(tok))
                    ys.append(unit_label(tok.lemma_.lower(), label, lex, how))
                    known.append(typed(tok.lemma_.lower(), lex))
                    verbs.append(tok.lemma_.lower())
                    temps.append(group)
                if tok is not None:
                    break
        n_base = n_base or len(rows)  # the later sentences train, only the first are scored
    splits = {
        "unseen-verb": [bucket(v) % 5 for v in verbs],
        "unseen-template": [int(fold({"headline_template": t}) == "measure") for t in temps],
    }
    for name, keys in splits.items():
        hits = {0.0: [0, 0], MIN_PROB: [0, 0], MAIN_PROB: [0, 0]}
        right = [0, 0]  # units the lexicon types (its verb held out): the dropout's question
        for k in sorted(set(keys)):
            train_i = [i for i, g in enumerate(keys) if g != k]
            test_i = [i for i, g in enumerate(keys[:n_base]) if g == k]
            arrays = fit([rows[i] for i in train_i], [ys[i] for i in train_i])
            model = Model(
                {str(f): i for i, f in enumerate(arrays["vocab"])},
                arrays["coef"].astype(np.float32),
                arrays["intercept"],
                [str(c) for c in arrays["classes"]],
            )
            for i in test_i:
                proba = model.proba(rows[i])
                best = int(proba.argmax())
                if known[i]:
                    right[0] += model.classes[best] == ys[i]
                    right[1] += 1
                for th, tally in hits.items():
                    if proba[best] >= th:
                        tally[0] += model.classes[best] == ys[i]
                        tally[1] += 1
        n = n_base
        shown = "  ".join(
            f"p>={th:.2f}: acc {h[0] / max(h[1], 1):.3f} cover {h[1] / n:.3f}"
            for th, h in hits.items()
        )
        print(f"{how:7} {name:16} {n} units  {shown}")
        print(
            f"{how:7} {name:16} lexicon-typed {right[1]} units: acc {right[0] / max(right[1], 1):.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--fold", choices=["all", "study"], default="all")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--recase-headlines", action="store_true")
    ap.add_argument("--cv", type=Path, default=None, metavar="CACHE")
    ap.add_argument("--cache", type=Path, default=None, help="parse cache (as --cv) to train from")
    ap.add_argument("--labels", choices=["lexicon", "story"], default="lexicon")
    args = ap.parse_args()
    if args.cv is not None:
        cross_validate(args.cv, args.train, args.labels)
        return
    stories = split(args.shared)["study"] if args.fold == "study" else read_stories(args.train)
    texts, labels = units(stories, recase=args.recase_headlines)
    docs = more_docs = None
    if args.cache is not None and args.fold == "all" and not args.recase_headlines:
        docs = cached_units(stories, args.cache)[0]
        more_docs = cached_units(stories, more_cache(args.cache), more=True)[0]
    vecs: list[np.ndarray] | None = [] if docs is None else None
    rows, ys = featurise(texts, labels, docs, args.labels, vecs=vecs)
    if args.labels == "lexicon":
        texts, labels = more_units(stories)
        more_rows, more_ys = featurise(texts, labels, more_docs, only_typed=True, vecs=vecs)
        rows, ys = rows + more_rows, ys + more_ys
    arrays = fit(rows, ys)
    np.savez_compressed(args.out, **arrays)
    print(
        f"{len(rows)} units, {len(arrays['vocab'])} features, {len(arrays['classes'])} classes -> {args.out}"
    )
    if vecs is not None:
        out = args.out.with_name(VECTOR_WEIGHTS)
        np.savez_compressed(out, **fit(rows, ys, vecs))
        print(f"the same with context vectors ({vecs[0].shape[0]} floats a unit) -> {out}")


if __name__ == "__main__":
    main()
