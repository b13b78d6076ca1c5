"""Learn the merge weights (`data/merge/weights.json`) on the ECB+ tune topics, then pick the
threshold by CoNLL F1 on those same topics. The check topics are never read.

Every pair of gold mentions the merge would score in a tune topic (same document cluster at
`coref.DOC_THRESHOLD`) is one example (label: same gold chain); a logistic regression over the
named evidence of `eventwire.merge.similarity` gives the weights.

Usage: .venv/bin/python scripts/train_merge.py [--gold PATH] [--write]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from eventwire.config import Settings
from eventwire.eval import coref
from eventwire.eval.base import only_split
from eventwire.merge import MergeParams
from eventwire.merge.engine import context_of, document_clusters
from eventwire.merge.similarity import EVIDENCE, Weights, features

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "ecbplus" / "dev.jsonl"
OUT = ROOT / "src" / "eventwire" / "data" / "merge" / "weights.json"
NAMES = list(EVIDENCE)


def examples(topic: coref.Topic, doc_threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs the merge scores: within one document cluster, never two of one sentence."""
    ctx = context_of(topic.records, topic.documents)
    group = {d: n for n, g in enumerate(document_clusters(ctx.documents, doc_threshold)) for d in g}
    rows, labels = [], []
    recs = topic.records
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            a, b = recs[i], recs[j]
            if group[a.doc] != group[b.doc] or (a.doc, a.sentence) == (b.doc, b.sentence):
                continue
            f = features(a, b, ctx)
            rows.append([f.get(k, 0.0) for k in NAMES])
            labels.append(topic.chains[recs[i].id] == topic.chains[recs[j].id])
    return np.array(rows), np.array(labels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--write", action="store_true", help="overwrite data/merge/weights.json")
    args = ap.parse_args()
    with only_split("tune"):
        topics = list(coref.topics(args.gold, Settings()))
    parts = [examples(t, coref.DOC_THRESHOLD) for t in topics]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    lr = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = {k: round(float(w), 4) for k, w in zip(NAMES, lr.coef_[0], strict=True) if w}
    model = Weights(bias=round(float(lr.intercept_[0]), 4), weights=weights)
    print(json.dumps({"bias": model.bias, "weights": weights}, indent=1))
    best = (0.0, 0.0, 0.0)
    for doc_th in (coref.DOC_THRESHOLD,):
        for th in (0.1, 0.15, 0.2, 0.3):
            params = MergeParams(
                threshold=th, doc_threshold=doc_th, keys=(), max_block=100_000, weights=model
            )
            f1 = float(
                coref.score([(t, coref.cluster_topic(t, params)) for t in topics])["conll_f1"] or 0
            )
            print(f"doc_threshold={doc_th} threshold={th} tune conll_f1={f1:.4f}")
            best = max(best, (f1, doc_th, th))
    print(f"best: doc_threshold={best[1]} threshold={best[2]} tune conll_f1={best[0]:.4f}")
    if args.write:
        OUT.write_text(json.dumps({"bias": model.bias, "weights": weights}, indent=1) + "\n")


if __name__ == "__main__":
    main()
