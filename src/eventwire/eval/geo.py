"""`eventwire eval --task geo`: geotagging and geocoding on GeoWebNews, LGL and TR-News files.

Tagging is span P/R/F1 (overlap and exact); geocoding is accuracy within 161 km over the gold
toponyms with coordinates that the system also found (`acc_161km`) and over all of them
(`acc_161km_e2e`). GeoWebNews gold keeps toponyms with `non_locational` false whose type is a
toponym (not the `*_Expression` common nouns nor `Non_Toponym`), as its README says.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.eval.base import EvalReport, prf, read_jsonl
from eventwire.model import Article, Place

NOT_TOPONYM_TYPES = {"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"}
KM = 161.0
EXAMPLES = 25


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: span, type and point (None where the gold has none)."""

    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None


@dataclass
class Tally:
    """Running counts over a file."""

    n_gold: int = 0
    n_pred: int = 0
    tp_overlap: int = 0
    tp_exact: int = 0
    with_coords: int = 0
    found_with_coords: int = 0
    within: int = 0
    unresolved: int = 0


def gold_of(item: dict[str, Any]) -> list[Gold]:
    """Gold toponyms of one item in any of the three formats."""
    out = []
    for t in item.get("toponyms", []):
        if "non_locational" in t and (t["non_locational"] or t.get("type") in NOT_TOPONYM_TYPES):
            continue
        lat, lon = t.get("lat"), t.get("lon")
        has = lat is not None and lon is not None
        kind = t.get("type") or t.get("feature_code") or "unresolved"
        out.append(
            Gold(
                t["start"],
                t["end"],
                t["text"],
                str(kind),
                float(lat) if has else None,
                float(lon) if has else None,
            )
        )
    return out


def published_of(item: dict[str, Any]) -> date | None:
    """The item's publication date, when it has a parseable one."""
    raw = item.get("published") or item.get("dct")
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def overlaps(a: Gold, p: Place) -> bool:
    return a.start < p.end and p.start < a.end


def distance(g: Gold, p: Place) -> float | None:
    """Error in km of a found toponym, or None when the system gave no point."""
    from eventwire.places.resolve import distance_km

    if p.lat is None or p.lon is None or g.lat is None or g.lon is None:
        return None
    return distance_km(g.lat, g.lon, p.lat, p.lon)


def score_item(
    gold: list[Gold],
    places: list[Place],
    tally: Tally,
    errors: list[float],
    misses: Counter[str],
    examples: list[str],
    per_type: dict[str, list[int]],
) -> None:
    """Match gold to predicted spans (one to one, by overlap) and count both tasks."""
    tally.n_gold += len(gold)
    tally.n_pred += len(places)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, p in enumerate(places) if i not in used and overlaps(g, p)), None)
        per_type.setdefault(g.type, [0, 0])[1] += 1
        if g.lat is not None:
            tally.with_coords += 1
        if match is None:
            if g.lat is not None:
                misses["not_found"] += 1
            continue
        used.add(match)
        per_type[g.type][0] += 1
        p = places[match]
        tally.tp_overlap += 1
        tally.tp_exact += (p.start, p.end) == (g.start, g.end)
        if g.lat is None:
            continue
        tally.found_with_coords += 1
        km = distance(g, p)
        if km is None:
            tally.unresolved += 1
            misses["unresolved"] += 1
        elif km <= KM:
            tally.within += 1
            errors.append(km)
        else:
            errors.append(km)
            misses["wrong_candidate"] += 1
            if len(examples) < EXAMPLES:
                examples.append(
                    f"{g.text!r} -> {p.name} ({p.country}, {p.admin_level}) {km:.0f} km"
                )


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Geoparse every article of a gold file through `code_articles` and score it."""
    from eventwire.coding import code_articles

    items = list(read_jsonl(path))
    articles, golds = [], []
    for item in items:
        article = Article.make(item["text"], published=published_of(item))
        articles.append(article)
        golds.append(gold_of(item))  # offsets index the text as given
    batch = code_articles(articles, settings)
    coded = {c.article.id: c for c in batch.coded}
    tally, misses = Tally(), Counter[str]()
    errors: list[float] = []
    examples: list[str] = []
    per_type: dict[str, list[int]] = {}
    for article, gold in zip(articles, golds, strict=True):
        places = coded[article.id].places if article.id in coded else []
        score_item(gold, places, tally, errors, misses, examples, per_type)
    return report(path, len(items), tally, errors, misses, examples, per_type, len(batch.failures))


def report(
    path: Path,
    n: int,
    t: Tally,
    errors: list[float],
    misses: Counter[str],
    examples: list[str],
    per_type: dict[str, list[int]],
    failures: int,
) -> EvalReport:
    """The EvalReport of a scored file."""
    p, r, f = prf(t.tp_overlap, t.n_pred, t.n_gold)
    pe, re_, fe = prf(t.tp_exact, t.n_pred, t.n_gold)
    metrics: dict[str, float | int | None] = {
        "tag_f1": round(f, 4),
        "tag_precision": round(p, 4),
        "tag_recall": round(r, 4),
        "tag_f1_exact": round(fe, 4),
        "tag_precision_exact": round(pe, 4),
        "tag_recall_exact": round(re_, 4),
        "acc_161km": round(t.within / t.found_with_coords, 4) if t.found_with_coords else None,
        "acc_161km_e2e": round(t.within / t.with_coords, 4) if t.with_coords else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "unresolved": t.unresolved,
        "n_gold": t.n_gold,
        "n_pred": t.n_pred,
        "n_gold_with_coords": t.with_coords,
        "n_found_with_coords": t.found_with_coords,
        "failures": failures,
    }
    per_label = {
        k: {"recall": round(v[0] / v[1], 4), "support": v[1]} for k, v in sorted(per_type.items())
    }
    return EvalReport(
        task="geo",
        path=str(path),
        n_items=n,
        metrics=metrics,
        per_label=per_label,
        misses=dict(misses),
        examples=examples,
    )
