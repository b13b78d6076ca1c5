"""Train the attribution tagger shipped in eventwire/data/attribution/ (issue 15).

Training data: PolNeAR's train compartment (`polnear/train.jsonl`, allowed as training data).
Each article is parsed by the pipeline, the rules are run on it (their findings are features),
and two CRFs are fitted with CRFsuite (L-BFGS, fixed settings, so a rerun gives the same
weights): the cue tagger (BIO over each sentence) and the role tagger (source and content
BIO over the window of each gold cue).

Usage: .venv/bin/python scripts/train_attribution.py [--train PATH] [--out DIR] [--cache FILE]
       [--only cue|role]
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.tokens import Doc, DocBin

from eventwire.actors import find_actors
from eventwire.attribution.features import (
    Columns,
    base_features,
    cue_features,
    role_features,
    rule_marks,
)
from eventwire.attribution.find import find_attributions
from eventwire.attribution.quotes import QuoteIndex
from eventwire.attribution.tagger import CUE_MODEL, ROLE_MODEL, role_window
from eventwire.model import Article, Attribution
from eventwire.nlp.parse import load_nlp, parse_articles

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train.jsonl"
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data" / "attribution"
PARAMS = {"c1": 1.0, "c2": 0.01, "max_iterations": 60, "feature.possible_transitions": True}


@dataclass
class Prepared:
    """One training article: its parse, the rules' attributions and the gold ones."""

    doc: Doc
    rules: list[Attribution]
    gold: list[dict[str, Any]]


def _spans(field: Any) -> list[tuple[int, int]]:
    objs = field if isinstance(field, list) else [field] if field else []
    return sorted((s, e) for o in objs for s, e in o["spans"] if e > s)


def prepare(path: Path) -> list[Prepared]:
    """Parse every article and run the rules on it."""
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = [Article.make(it["text"]) for it in items]
    out = []
    for item, parsed in zip(items, parse_articles(articles), strict=True):
        rules = find_attributions(parsed, find_actors(parsed))
        out.append(Prepared(parsed.doc, rules, item.get("attributions", [])))
    return out


def load_cached(path: Path, cache: Path | None) -> list[Prepared]:
    """`prepare`, read from / written to a pickle when `cache` is given (for iterating)."""
    if cache is not None and cache.exists():
        docbin, rest = pickle.loads(cache.read_bytes())
        docs = list(DocBin().from_bytes(docbin).get_docs(load_nlp().vocab))
        return [Prepared(d, r, g) for d, (r, g) in zip(docs, rest, strict=True)]
    data = prepare(path)
    if cache is not None:
        docbin = DocBin(docs=[p.doc for p in data]).to_bytes()
        cache.write_bytes(pickle.dumps((docbin, [(p.rules, p.gold) for p in data])))
    return data


def _token_ids(doc: Doc, spans: list[tuple[int, int]]) -> list[int]:
    """Doc token indices overlapping any of the character spans."""
    return [t.i for t in doc if any(t.idx < e and s < t.idx + len(t.text) for s, e in spans)]


def _bio(ids: list[int], n_first: dict[int, bool], tag: str) -> dict[int, str]:
    return {i: ("B-" if n_first.get(i) else "I-") + tag for i in ids}


def _runs_first(ids: list[int]) -> dict[int, bool]:
    """For each token id, does it open a run of consecutive ids?"""
    s = set(ids)
    return {i: (i - 1) not in s for i in ids}


def cue_examples(data: list[Prepared]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Sentence sequences with cue BIO labels."""
    xs, ys = [], []
    for p in data:
        quotes = QuoteIndex(p.doc.text)
        cols = Columns(p.doc)
        marks = rule_marks(cols, p.rules)
        base = base_features(cols, quotes)
        labels: dict[int, str] = {}
        for a in p.gold:
            ids = _token_ids(p.doc, _spans(a["cue"]))
            labels.update(_bio(ids, _runs_first(ids), "CUE"))
        for start, end in cols.sents:
            if all(cols.text[i].isspace() for i in range(start, end)):
                continue
            xs.append(cue_features(start, end, cols, base, marks))
            ys.append([labels.get(i, "O") for i in range(start, end)])
    return xs, ys


def role_examples(data: list[Prepared]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """One sequence per gold cue: its window, source and content labelled."""
    xs, ys = [], []
    for p in data:
        quotes = QuoteIndex(p.doc.text)
        cols = Columns(p.doc)
        marks = rule_marks(cols, p.rules)
        base = base_features(cols, quotes)
        for a in p.gold:
            cue_ids = _token_ids(p.doc, _spans(a["cue"]))
            if not cue_ids:
                continue
            cue = [p.doc[i] for i in cue_ids]
            toks = role_window(p.doc, cue)
            labels: dict[int, str] = {}
            for name, tag in (("content", "CON"), ("source", "SRC")):
                ids = [i for i in _token_ids(p.doc, _spans(a[name])) if i not in set(cue_ids)]
                labels.update(_bio(ids, _runs_first(ids), tag))
            xs.append(role_features(toks, cue, base, marks, quotes))
            ys.append([labels.get(t.i, "O") for t in toks])
    return xs, ys


def fit(xs: list[list[list[str]]], ys: list[list[str]], out: Path) -> None:
    """Fit one CRF and write its model file."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(PARAMS)
    trainer.train(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the parsed articles")
    ap.add_argument(
        "--only", choices=("cue", "role"), default=None, help="rebuild one of the two models"
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = load_cached(args.train, args.cache)
    t1 = time.perf_counter()
    print(f"prepared {len(data)} articles in {t1 - t0:.0f}s")
    for name, build in ((CUE_MODEL, cue_examples), (ROLE_MODEL, role_examples)):
        if args.only is not None and not name.startswith(args.only):
            continue
        xs, ys = build(data)
        t2 = time.perf_counter()
        fit(xs, ys, args.out / name)
        size = (args.out / name).stat().st_size / 1e6
        print(f"{name}: {len(xs)} sequences, {time.perf_counter() - t2:.0f}s, {size:.1f} MB")
    print(f"total {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
