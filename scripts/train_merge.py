"""Learn the ECB+ merge model (`data/merge/weights.json`) on the ECB+ tune topics. The check
topics are never read.

Every pair of gold mentions of a tune topic, not of one sentence, is one example (label: same
gold chain) when the merge would score it (both documents in one document cluster at the
document threshold); a logistic regression (lbfgs, deterministic) over the named evidence
`FEATURES` gives the weights, then the mention threshold is the one with the best pooled CoNLL
F1 on the tune topics. `--loto` first reports leave-one-topic-out figures: each tune topic
clustered by a model (weights and threshold) learned on the other tune topics only, which is
how the features, the thresholds and the clustering were chosen.

Usage: .venv/bin/python scripts/train_merge.py [--gold PATH] [--loto] [--write]
(`make train-merge` writes the shipped file: the two must be equal.)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from eventwire.config import Settings
from eventwire.eval import coref
from eventwire.eval.base import only_split
from eventwire.merge.cluster import average_linkage, within_groups
from eventwire.merge.engine import context_of, document_clusters
from eventwire.merge.similarity import Weights, features

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "ecbplus" / "dev.jsonl"
OUT = ROOT / "src" / "eventwire" / "data" / "merge" / "weights.json"
# The evidence the model weighs (ECB+ has no types, dates, places or resolved actors).
FEATURES = [
    "same lemma",
    "similar trigger",
    "arguments overlap",
    "similar documents",
    "similar context",
    "same document",
    "related triggers",
    "both saying",
    "same trigger, similar documents",
    "same trigger, shared arguments",
    "same trigger, similar context",
    "same trigger, same document",
    "related triggers, similar documents",
    "related triggers, shared arguments",
    "participants overlap",
    "participants differ",
    "times overlap",
    "times differ",
    "place words overlap",
    "place words differ",
]
# Chosen by leave-one-topic-out on the tune topics (`--loto`):
DOC_THRESHOLD = 0.1  # document clusters: the two sub-topics of a topic kept apart
WITHIN_DOCUMENT = 0.5  # each document's mentions clustered alone first, at this threshold
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3)  # then across the documents of a cluster
C = 0.03  # strong regularisation (LOTO over 0.03, 0.1, 0.3, 1, 10): five topics overfit easily


@dataclass
class Table:
    """Every scored pair of one topic: indices, evidence values, gold labels."""

    topic: coref.Topic
    i: np.ndarray
    j: np.ndarray
    x: np.ndarray
    y: np.ndarray


def table(topic: coref.Topic, doc_threshold: float) -> Table:
    """The pairs the merge scores: within one document cluster, never two of one sentence."""
    ctx = context_of(topic.records, topic.documents)
    group = {d: n for n, g in enumerate(document_clusters(ctx.documents, doc_threshold)) for d in g}
    recs = topic.records
    ii, jj, rows, labels = [], [], [], []
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            a, b = recs[i], recs[j]
            if group[a.doc] != group[b.doc] or (a.doc, a.sentence) == (b.doc, b.sentence):
                continue
            f = features(a, b, ctx, FEATURES)
            ii.append(i)
            jj.append(j)
            rows.append([f.get(k, 0.0) for k in FEATURES])
            labels.append(topic.chains[a.id] == topic.chains[b.id])
    return Table(topic, np.array(ii), np.array(jj), np.array(rows), np.array(labels))


def fit(tables: list[Table]) -> Weights:
    x = np.vstack([t.x for t in tables])
    y = np.concatenate([t.y for t in tables])
    lr = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    weights = {k: round(float(w), 4) for k, w in zip(FEATURES, lr.coef_[0], strict=True) if w}
    return Weights(bias=round(float(lr.intercept_[0]), 4), weights=weights)


def clusters(t: Table, model: Weights, threshold: float) -> list[list[str]]:
    """What `coref.cluster_topic` gives with this model: average linkage within each document,
    then across them."""
    coef = np.array([model.weights.get(k, 0.0) for k in FEATURES])
    z = np.clip(model.bias + t.x @ coef, -50.0, 50.0)
    prob = 1.0 / (1.0 + np.exp(-z))
    edges = {(int(a), int(b)): float(p) for a, b, p in zip(t.i, t.j, prob, strict=True)}
    docs = [m.doc for m in t.topic.records]
    found = average_linkage(
        len(docs), edges, threshold, within_groups(edges, docs, WITHIN_DOCUMENT)
    )
    return [[t.topic.records[k].id for k in c] for c in found]


def conll(tables: list[Table], model: Weights, threshold: float) -> float:
    pairs = [(t.topic, clusters(t, model, threshold)) for t in tables]
    return float(coref.score(pairs)["conll_f1"] or 0.0)


def train(tables: list[Table]) -> tuple[Weights, float]:
    """Weights, then the threshold with the best CoNLL F1 on the same topics (ties: the lower)."""
    model = fit(tables)
    best = max(THRESHOLDS, key=lambda th: (conll(tables, model, th), -th))
    return model, best


def loto(tables: list[Table]) -> None:
    held: list[tuple[coref.Topic, list[list[str]]]] = []
    for k, t in enumerate(tables):
        model, th = train(tables[:k] + tables[k + 1 :])
        got = [(t.topic, clusters(t, model, th))]
        held += got
        print(f"  held out {t.topic.id}: threshold={th} conll_f1={coref.score(got)['conll_f1']}")
    s = coref.score(held)
    print(
        "leave-one-topic-out (tune): "
        + " ".join(f"{m}={s[m]}" for m in ("conll_f1", "muc_f1", "b3_f1", "ceaf_e_f1"))
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--loto", action="store_true", help="report leave-one-topic-out figures")
    ap.add_argument("--write", action="store_true", help="overwrite data/merge/weights.json")
    args = ap.parse_args()
    with only_split("tune"):
        topics = list(coref.topics(args.gold, Settings()))
    tables = [table(t, DOC_THRESHOLD) for t in topics]
    if args.loto:
        loto(tables)
    model, th = train(tables)
    out = {
        "note": "Written by scripts/train_merge.py (make train-merge) from the ECB+ tune topics.",
        "doc_threshold": DOC_THRESHOLD,
        "within_document": WITHIN_DOCUMENT,
        "threshold": th,
        "bias": model.bias,
        "weights": dict(model.weights),
    }
    text = json.dumps(out, indent=1) + "\n"
    print(text, end="")
    print(f"tune conll_f1={conll(tables, model, th):.4f} at threshold={th}")
    if args.write:
        OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
