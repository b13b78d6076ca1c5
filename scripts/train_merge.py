"""Learn the ECB+ merge model (`data/merge/weights.json`) on the ECB+ tune topics. The check
topics are never read.

Every pair of gold mentions of a tune topic, not of one sentence and both of fully annotated
sentences, is one example (label: same gold chain) when the merge would score it (both
documents in one document cluster at the document threshold); a logistic regression (lbfgs,
deterministic) over the named evidence `FEATURES` gives the weights, then the mention threshold
is the one with the best pooled CoNLL F1 on the tune topics. `--loto` first reports leave-one-
topic-out figures: each tune topic clustered by a model (weights and threshold) learned on the
other tune topics only, which is how the features, the thresholds and the clustering were
chosen.

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
from eventwire.merge import scoring
from eventwire.merge.cluster import average_linkage, strong_only, within_groups
from eventwire.merge.edges import Edges
from eventwire.merge.engine import context_of, document_clusters
from eventwire.merge.similarity import Weights

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
    "a side modifies",
    "a side unreal",
    "same trigger, widely reported",
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
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)  # then across the documents of a cluster
# a mention whose best link scores less stays alone (0: every mention may join)
ALONE_BELOW = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)
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
    """The pairs the merge scores: within one document cluster, never two of one sentence;
    their evidence as the merge computes it (`merge.scoring`, missing evidence as 0)."""
    recs = topic.records
    ctx = context_of(recs, topic.documents)
    group = {d: n for n, g in enumerate(document_clusters(ctx.documents, doc_threshold)) for d in g}
    cluster = np.array([group[m.doc] for m in recs])
    codes: dict[tuple[str, int], int] = {}
    where = np.array([codes.setdefault((m.doc, m.sentence), len(codes)) for m in recs])
    ii, jj = np.triu_indices(len(recs), 1)
    keep = (cluster[ii] == cluster[jj]) & (where[ii] != where[jj])
    ii, jj = ii[keep].astype(np.int64), jj[keep].astype(np.int64)
    found = scoring.evidence(scoring.Table(recs, ctx), ii, jj, FEATURES)
    x = np.column_stack([np.nan_to_num(found[k], nan=0.0) for k in FEATURES])
    chain = np.array([topic.chains[m.id] for m in recs])
    return Table(topic, ii, jj, x, chain[ii] == chain[jj])


def annotated(t: Table) -> np.ndarray:
    """Pairs of two mentions of fully annotated sentences: elsewhere a mention may lack its
    chain, so a pair's label there is not to be trusted."""
    full = np.array([m.id in t.topic.restricted for m in t.topic.records], dtype=bool)
    return full[t.i] & full[t.j]


def fit(tables: list[Table]) -> Weights:
    """Weights learned on the pairs of fully annotated sentences (`annotated`)."""
    x = np.vstack([t.x[annotated(t)] for t in tables])
    y = np.concatenate([t.y[annotated(t)] for t in tables])
    lr = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    weights = {k: round(float(w), 4) for k, w in zip(FEATURES, lr.coef_[0], strict=True) if w}
    return Weights(bias=round(float(lr.intercept_[0]), 4), weights=weights)


def clusters(t: Table, model: Weights, threshold: float, alone_below: float) -> list[list[str]]:
    """What `coref.cluster_topic` gives with this model: the pairs of mentions with a strong
    link, average linkage within each document, then across them."""
    coef = np.array([model.weights.get(k, 0.0) for k in FEATURES])
    z = np.clip(model.bias + t.x @ coef, -50.0, 50.0)
    prob = 1.0 / (1.0 + np.exp(-z))
    n = len(t.topic.records)
    edges = strong_only(Edges(n, t.i * n + t.j, prob), n, alone_below)
    docs = [m.doc for m in t.topic.records]
    found = average_linkage(n, edges, threshold, within_groups(edges, docs, WITHIN_DOCUMENT))
    return [[t.topic.records[k].id for k in c] for c in found]


def conll(tables: list[Table], model: Weights, threshold: float, alone_below: float) -> float:
    pairs = [(t.topic, clusters(t, model, threshold, alone_below)) for t in tables]
    return float(coref.score(pairs)["conll_f1"] or 0.0)


def train(tables: list[Table]) -> tuple[Weights, float, float]:
    """Weights, then the thresholds with the best CoNLL F1 on the same topics (ties: the
    lower)."""
    model = fit(tables)
    grid = [(th, lo) for th in THRESHOLDS for lo in ALONE_BELOW]
    th, lo = max(grid, key=lambda g: (conll(tables, model, *g), -g[0], -g[1]))
    return model, th, lo


def loto(tables: list[Table]) -> None:
    held: list[tuple[coref.Topic, list[list[str]]]] = []
    for k, t in enumerate(tables):
        model, th, lo = train(tables[:k] + tables[k + 1 :])
        got = [(t.topic, clusters(t, model, th, lo))]
        held += got
        print(
            f"  held out {t.topic.id}: threshold={th} alone_below={lo} "
            f"conll_f1={coref.score(got)['conll_f1']}"
        )
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
    model, th, lo = train(tables)
    out = {
        "note": "Written by scripts/train_merge.py (make train-merge) from the ECB+ tune topics.",
        "doc_threshold": DOC_THRESHOLD,
        "within_document": WITHIN_DOCUMENT,
        "threshold": th,
        "alone_below": lo,
        "bias": model.bias,
        "weights": dict(model.weights),
    }
    text = json.dumps(out, indent=1) + "\n"
    print(text, end="")
    print(f"tune conll_f1={conll(tables, model, th, lo):.4f} at threshold={th} alone_below={lo}")
    if args.write:
        OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
