"""`eventwire eval --task timex`: TempEval-3 scoring of temporal expressions (issue 6).

Each document's `dct` is the publication date. Span P/R/F1 strict (same offsets) and relaxed
(overlap, one to one); type and value accuracy on relaxed matches; value_f1 and type_f1 as
TempEval-3 reports them (relaxed F1 x accuracy). The te3-platinum subset is also reported
separately, its keys prefixed `platinum_`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.eval.base import EvalReport, prf, read_jsonl
from eventwire.model import Article, Timex

PLATINUM = "te3-platinum"


@dataclass(frozen=True)
class Item:
    """One gold or predicted timex in the article's (normalised) text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Tally:
    """Counts behind the metrics, summed over documents."""

    n_gold: int = 0
    n_pred: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    by_type: Counter[str] = field(default_factory=Counter)

    def metrics(self, prefix: str = "") -> dict[str, float | int | None]:
        """The `--json` keys: span P/R/F1, type/value accuracy and F1."""
        sp, sr, sf = prf(self.strict, self.n_pred, self.n_gold)
        rp, rr, rf = prf(self.relaxed, self.n_pred, self.n_gold)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        out = {
            "span_f1_strict": sf,
            "span_f1_relaxed": rf,
            "type_accuracy": type_acc,
            "value_accuracy": value_acc,
            "value_f1": rf * value_acc,
            "type_f1": rf * type_acc,
            "precision_strict": sp,
            "recall_strict": sr,
            "precision_relaxed": rp,
            "recall_relaxed": rr,
        }
        rounded: dict[str, float | int | None] = {prefix + k: round(v, 4) for k, v in out.items()}
        rounded[prefix + "n_gold"] = self.n_gold
        rounded[prefix + "n_pred"] = self.n_pred
        return rounded


def gold_items(doc: dict[str, Any]) -> list[Item]:
    """The document's gold timexes (offsets index the article text, kept as given)."""
    return [Item(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]


def pred_items(timexes: list[Timex]) -> list[Item]:
    """The coder's timexes as scoring items."""
    return [Item(t.start, t.end, t.text, t.type, t.value) for t in timexes]


def score_doc(gold: list[Item], pred: list[Item], tally: Tally) -> None:
    """Add one document's matches to the tally (greedy one-to-one overlap matching)."""
    tally.n_gold += len(gold)
    tally.n_pred += len(pred)
    used: set[int] = set()
    for g in gold:
        match = next(
            (
                i
                for i, p in enumerate(pred)
                if i not in used and p.start < g.end and g.start < p.end
            ),
            None,
        )
        if match is None:
            _miss(tally, "missed", f"missed {g.text!r} ({g.type} {g.value})")
            continue
        used.add(match)
        _compare(g, pred[match], tally)
    for i, p in enumerate(pred):
        if i not in used:
            _miss(tally, "spurious", f"spurious {p.text!r} ({p.type} {p.value})")


def _compare(g: Item, p: Item, tally: Tally) -> None:
    """Strict span, type and value of one relaxed match."""
    tally.relaxed += 1
    tally.by_type[g.type] += 1
    if (g.start, g.end) == (p.start, p.end):
        tally.strict += 1
    else:
        _miss(tally, "extent", f"extent {g.text!r} vs {p.text!r}")
    if g.type == p.type:
        tally.type_ok += 1
    else:
        _miss(tally, "type", f"type {g.text!r} {g.type} vs {p.type}")
    if g.value == p.value:
        tally.value_ok += 1
    else:
        _miss(tally, "value", f"value {g.text!r} {g.value} vs {p.text!r} {p.value}")


def _miss(tally: Tally, cause: str, example: str) -> None:
    """Count a miss by cause and keep the first few as examples."""
    tally.misses[cause] += 1
    if tally.misses[cause] <= 5:
        tally.examples.append(example)


def _article(doc: dict[str, Any]) -> Article:
    """The article a gold document becomes: its dct is the publication date."""
    dct = str(doc.get("dct") or "")[:10]
    published = date.fromisoformat(dct) if dct else None
    return Article.make(doc["text"], published=published, source=f"tempeval3:{doc['id']}")


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Score TIMEX3 span, type and value on a TempEval-3 file through `code_articles`."""
    from eventwire.coding import code_articles

    docs = list(read_jsonl(path))
    batch = code_articles([_article(d) for d in docs], settings)
    coded = {c.article.source: c for c in batch.coded}
    overall, platinum = Tally(), Tally()
    for doc in docs:
        c = coded.get(f"tempeval3:{doc['id']}")
        pred = pred_items(c.timexes) if c else []
        gold = gold_items(doc)
        score_doc(gold, pred, overall)
        if doc.get("subset") == PLATINUM:
            score_doc(gold, pred, platinum)
    metrics = overall.metrics()
    if platinum.n_gold:
        metrics |= platinum.metrics("platinum_")
    metrics["failures"] = len(batch.failures)
    return EvalReport(
        task="timex",
        path=str(path),
        n_items=len(docs),
        metrics=metrics,
        per_label={k: {"support": float(v)} for k, v in sorted(overall.by_type.items())},
        misses=dict(overall.misses),
        examples=overall.examples[:25],
    )
