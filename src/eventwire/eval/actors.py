"""`eventwire eval --task actors`: how well actor mentions resolve (country, sector), given the gold span.

plover-gsr: for each gold source/target `{text, code, sector}`, the ActorMention overlapping the
gold text in the sentence is looked up; its country (and sectors) must equal the gold code (sector).
petr2-gsr: gold codes such as PSEGOV; country = first three characters ('---' ignored); the
mention is any one whose actor code starts the same way (no gold text to align with).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import eventwire
from eventwire.actors.refs import actor_code
from eventwire.config import Settings
from eventwire.eval.base import EvalReport, read_jsonl
from eventwire.model import ActorMention, Article, Coded

# PLOVER gold writes medical actors as MED; eventwire keeps MED for mediators and uses HLH (issue 5).
SECTOR_ALIASES = {"MED": {"MED", "HLH"}}


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Actor country/sector accuracy on plover-gsr or petr2-gsr style gold."""
    items = list(read_jsonl(path))
    articles = [Article.make(it["text"], published=_published(it)) for it in items]
    coded = {c.article.id: c for c in eventwire.code_articles(articles, settings).coded}
    tally: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    examples: list[str] = []
    for it, art in zip(items, articles, strict=True):
        c = coded.get(art.id)
        if c is None:
            misses["failed"] += 1
            continue
        if "events" in it:
            _score_petr(it, c, tally, misses)
        else:
            _score_plover(it, c, tally, misses, examples)
    metrics: dict[str, float | int | None] = {}
    for role in ("source", "target"):
        for what in ("country", "sector"):
            n = tally[f"{role}_{what}_n"]
            metrics[f"{role}_{what}_accuracy"] = (
                round(tally[f"{role}_{what}_ok"] / n, 4) if n else None
            )
            metrics[f"{role}_{what}_n"] = n
    return EvalReport(
        task="actors",
        path=str(path),
        n_items=len(items),
        metrics=metrics,
        misses=dict(misses),
        examples=examples[:15],
    )


def _published(item: dict[str, Any]) -> date | None:
    """The item's date, except the plover-gsr placeholder 2000-01-01 (no date: current KB holders)."""
    raw = item.get("date")
    if not raw or raw == "2000-01-01":
        return None
    return date.fromisoformat(raw)


def _overlapping(c: Coded, gold_text: str) -> list[ActorMention]:
    """Mentions overlapping the gold phrase (its first occurrence, or its words when edited)."""
    text = c.article.text
    start = text.find(gold_text.strip())
    if start >= 0:
        end = start + len(gold_text.strip())
        return [m for m in c.actors if m.start < end and start < m.end and m.actor]
    words = {w.lower() for w in re.findall(r"\w+", gold_text) if len(w) > 2}
    return [
        m for m in c.actors if m.actor and words & {w.lower() for w in re.findall(r"\w+", m.text)}
    ]


def _score_plover(
    it: dict[str, Any], c: Coded, tally: Counter[str], misses: Counter[str], examples: list[str]
) -> None:
    """Tally one plover-gsr item: the mentions overlapping each gold actor text."""
    for role in ("source", "target"):
        for gold in it.get(role) or []:
            code = gold.get("code")
            if not code:
                continue
            found = _overlapping(c, gold.get("text") or "")
            tally[f"{role}_country_n"] += 1
            ok = any(m.actor and m.actor.country == code for m in found)
            tally[f"{role}_country_ok"] += ok
            if not ok:
                misses["no_mention" if not found else "wrong_country"] += 1
                got = [actor_code(m.actor) for m in found if m.actor]
                examples.append(f"{role} {gold.get('text')!r} gold {code} got {got}")
            sector = (gold.get("sector") or "")[:3].upper()
            if sector and sector != "***":
                tally[f"{role}_sector_n"] += 1
                wanted = SECTOR_ALIASES.get(sector, {sector})
                hit = any(m.actor and wanted & set(m.actor.sector) for m in found)
                tally[f"{role}_sector_ok"] += hit
                misses["wrong_sector"] += not hit


def _score_petr(it: dict[str, Any], c: Coded, tally: Counter[str], misses: Counter[str]) -> None:
    """Tally one petr2-gsr item: any mention with the gold country (and sector)."""
    codes = {actor_code(m.actor) for m in c.actors if m.actor}
    countries = {code[:3] for code in codes}
    for ev in it.get("events") or []:
        for role in ("source", "target"):
            gold = ev.get(role) or ""
            if len(gold) < 3 or gold.startswith("---"):
                continue
            tally[f"{role}_country_n"] += 1
            ok = gold[:3] in countries
            tally[f"{role}_country_ok"] += ok
            misses["country_not_found"] += not ok
            if len(gold) >= 6:
                tally[f"{role}_sector_n"] += 1
                tally[f"{role}_sector_ok"] += any(
                    code[:3] == gold[:3] and gold[3:6] in code[3:] for code in codes
                )
