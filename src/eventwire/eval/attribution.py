"""`eventwire eval --task attribution`: source, cue and content spans against PolNeAR-format gold.

Each predicted attribution is aligned to a gold one by cue overlap (else content overlap);
token-overlap precision/recall/F1 are summed over the corpus (unaligned predictions count
against precision, unaligned gold against recall), plus exact-span match rates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.coding import code_articles
from eventwire.config import Settings
from eventwire.eval.base import EvalReport, prf, read_jsonl
from eventwire.model import Article, Attribution

FIELDS = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Item:
    """One attribution reduced to spans (in normalised-text offsets) per field."""

    source: Spans
    cue: Spans
    content: Spans
    label: str = ""


class Tokens:
    """Token start offsets of one text, for counting the tokens a span covers."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _TOKEN.finditer(text)]

    def of(self, spans: Spans) -> set[int]:
        out: set[int] = set()
        for start, end in spans:
            out.update(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))
        return out


def _spans(field: Any) -> Spans:
    """Gold spans of a field (a {text, spans} object, a list of them, or None)."""
    objs = field if isinstance(field, list) else [field] if field else []
    return tuple(sorted((s, e) for o in objs for s, e in o["spans"] if e > s))


def gold_items(item: dict[str, Any]) -> list[Item]:
    """Gold attributions of one article."""
    out = []
    for a in item.get("attributions", []):
        cue = _spans(a["cue"])
        label = " ".join(c["text"].lower() for c in a["cue"]) or "(none)"
        out.append(Item(_spans(a["source"]), cue, _spans(a["content"]), label))
    return out


def pred_item(a: Attribution) -> Item:
    """A predicted attribution as spans."""
    source = ((a.speaker.start, a.speaker.end),) if a.speaker else ()
    cue = ((a.cue.start, a.cue.end),) if a.cue else ()
    return Item(source, cue, tuple((c.start, c.end) for c in a.content), a.provenance.rule)


def align(gold: list[Item], pred: list[Item], toks: Tokens) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, pred index): cue overlap first, then content."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for field in ("cue", "content"):
        scored = []
        for gi, g in enumerate(gold):
            gt = toks.of(getattr(g, field))
            for pi, p in enumerate(pred):
                n = len(gt & toks.of(getattr(p, field)))
                if n:
                    scored.append((-n, gi, pi))
        for _, gi, pi in sorted(scored):
            if gi not in used_g and pi not in used_p:
                pairs.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
    return pairs


class Tally:
    """Corpus-wide counts for the token-overlap and exact-match metrics."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()
        self.spurious: Counter[str] = Counter()
        self.examples: list[str] = []

    def add(self, text: str, gold: list[Item], pred: list[Item]) -> None:
        """Count one article."""
        toks = Tokens(text)
        pairs = align(gold, pred, toks)
        self.c.update(gold=len(gold), pred=len(pred), aligned=len(pairs))
        for f in FIELDS:
            self.c[f"{f}_gold"] += sum(len(toks.of(getattr(g, f))) for g in gold)
            self.c[f"{f}_pred"] += sum(len(toks.of(getattr(p, f))) for p in pred)
        self.c["gold_with_source"] += sum(1 for g in gold if g.source)
        for gi, pi in pairs:
            self._pair(text, toks, gold[gi], pred[pi])
        self._misses(text, gold, pred, pairs)

    def _pair(self, text: str, toks: Tokens, g: Item, p: Item) -> None:
        for f in FIELDS:
            gs, ps = getattr(g, f), getattr(p, f)
            self.c[f"{f}_tp"] += len(toks.of(gs) & toks.of(ps))
            self.c[f"{f}_exact"] += int(bool(gs) and _strip(text, gs) == _strip(text, ps))
        if g.source and p.source:
            self.c["source_text"] += int(_norm(text, g.source) == _norm(text, p.source))

    def _misses(
        self, text: str, gold: list[Item], pred: list[Item], pairs: list[tuple[int, int]]
    ) -> None:
        got_g = {gi for gi, _ in pairs}
        got_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in got_g:
                self.missed[f"cue:{g.label}"] += 1
                if len(self.examples) < 12 and g.cue:
                    s, e = g.cue[0]
                    self.examples.append(
                        f"missed cue {text[s:e]!r} in: {text[max(0, s - 80) : e + 60]!r}"
                    )
        for pi, p in enumerate(pred):
            if pi not in got_p:
                self.spurious[p.label] += 1

    def metrics(self) -> dict[str, float | int | None]:
        """The `--json` keys: F1, precision, recall per field and exact-match rates."""
        c = self.c
        out: dict[str, float | int | None] = {}
        for f in FIELDS:
            p, r, f1 = prf(c[f"{f}_tp"], c[f"{f}_pred"], c[f"{f}_gold"])
            out |= {
                f"{f}_f1": round(f1, 4),
                f"{f}_precision": round(p, 4),
                f"{f}_recall": round(r, 4),
            }
        n_src = c["gold_with_source"] or 1
        out["source_exact"] = round(c["source_text"] / n_src, 4)
        out["source_exact_span"] = round(c["source_exact"] / n_src, 4)
        out["cue_exact"] = round(c["cue_exact"] / (c["gold"] or 1), 4)
        out["content_exact"] = round(c["content_exact"] / (c["gold"] or 1), 4)
        p, r, f1 = prf(c["aligned"], c["pred"], c["gold"])
        out |= {
            "attribution_precision": round(p, 4),
            "attribution_recall": round(r, 4),
            "attribution_f1": round(f1, 4),
            "n_gold": c["gold"],
            "n_pred": c["pred"],
        }
        return out


def _strip(text: str, spans: Spans) -> Spans:
    """Spans without edge whitespace, for exact comparison."""
    out = []
    for s, e in spans:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        out.append((s + lead, s + len(seg.rstrip())))
    return tuple(sorted(out))


def _norm(text: str, spans: Spans) -> str:
    """Source text normalised: lower case, words only."""
    return " ".join(w for s, e in spans for w in re.findall(r"\w+", text[s:e].lower()))


def _article(item: dict[str, Any]) -> Article:
    published = date.fromisoformat(item["published"][:10]) if item.get("published") else None
    return Article.make(
        item["text"],
        published=published,
        source=str(item.get("publisher", "")),
        input=str(item.get("id", "")),
    )


def evaluate(path: Path, settings: Settings, *, limit: int | None = None) -> EvalReport:
    """Score attributions of every article in a PolNeAR-format file (first `limit` items)."""
    items = list(read_jsonl(path))[:limit]
    articles = [_article(it) for it in items]
    batch = code_articles(articles, settings)
    coded = {c.article.input: c for c in batch.coded}
    tally = Tally()
    for item, article in zip(items, articles, strict=True):
        c = coded.get(article.input)
        preds = [pred_item(a) for a in c.attributions] if c else []
        tally.add(article.text, gold_items(item), preds)
    misses = dict(tally.missed.most_common(25))
    return EvalReport(
        task="attribution",
        path=str(path),
        n_items=len(items),
        metrics=tally.metrics(),
        misses=misses,
        examples=tally.examples,
        extra={
            "spurious_by_rule": dict(tally.spurious.most_common(25)),
            "failures": len(batch.failures),
        },
    )
