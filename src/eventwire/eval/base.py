"""Shared pieces of the scorers: the report model, gold readers, P/R/F1."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from eventwire.errors import EvalError
from eventwire.model import Event


class EvalReport(BaseModel):
    """Metrics of one task on one gold file. `metrics` keys are the `--json` keys."""

    task: str
    path: str
    n_items: int
    metrics: dict[str, float | int | None]
    per_label: dict[str, dict[str, float]] = Field(default_factory=dict)
    misses: dict[str, int] = Field(default_factory=dict, description="Counts of misses by cause.")
    examples: list[str] = Field(default_factory=list, description="A few misses, for reading.")
    extra: dict[str, Any] = Field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Flat object: metrics at top level, plus task, path, n_items and details."""
        return {
            "task": self.task,
            "path": self.path,
            "n_items": self.n_items,
            **self.metrics,
            "per_label": self.per_label,
            "misses": self.misses,
            **self.extra,
        }


SPLITS = ("all", "tune", "check")
_SPLIT: ContextVar[str] = ContextVar("eval_split", default="all")


def split_of(item_id: str) -> str:
    """`tune` (two thirds) or `check` (one third), fixed by a hash of the item id.

    Rules and lexicons are written looking at `tune` only; `check` is the figure we report,
    so a rule keyed to what it scores shows up as a gap between the two.
    """
    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return "check" if int.from_bytes(digest[:4], "big") % 3 == 0 else "tune"


@contextmanager
def only_split(split: str) -> Iterator[None]:
    """Within the block, `read_jsonl` yields only the items of `split` (`all`: every item)."""
    if split not in SPLITS:
        raise EvalError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    token = _SPLIT.set(split)
    try:
        yield
    finally:
        _SPLIT.reset(token)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Gold items, one JSON object a line; a bad line is an error naming file and line.

    Inside `only_split(...)` the items of the other split are skipped (by their `id`).
    """
    split = _SPLIT.get()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if split != "all" and split_of(str(item.get("id", n))) != split:
                continue
            yield item


def events_per_item(preds: Sequence[Sequence[object]]) -> float:
    """Events coded per gold item (a sentence or a story): over-coding shows here first."""
    return round(sum(len(p) for p in preds) / len(preds), 3) if preds else 0.0


def model_event_share(preds: Sequence[Sequence[Event]]) -> float:
    """Share of the coded events the learned back-off made (its `rule` says so): how much of
    a set's output rests on the model rather than the lexicon (issue 13)."""
    events = [e for p in preds for e in p]
    from eventwire.events.backoff import RULE  # what the back-off writes in `rule`

    made = sum(1 for e in events if e.provenance.rule.startswith(RULE))
    return round(made / len(events), 3) if events else 0.0


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def per_label_prf(gold: list[str], pred: list[str | None]) -> dict[str, dict[str, float]]:
    """Per-label precision/recall/F1 for single-label classification."""
    labels = sorted({g for g in gold} | {p for p in pred if p})
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        npred = sum(1 for p in pred if p == lab)
        ngold = sum(1 for g in gold if g == lab)
        p, r, f = prf(tp, npred, ngold)
        out[lab] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": ngold,
        }
    return out


def macro_f1(per_label: dict[str, dict[str, float]], gold_labels: set[str]) -> float:
    scores = [v["f1"] for k, v in per_label.items() if k in gold_labels]
    return sum(scores) / len(scores) if scores else 0.0
