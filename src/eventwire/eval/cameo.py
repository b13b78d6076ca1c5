"""`eventwire eval --task cameo`: CAMEO codes, roots and (source, target, code) triples.

Reads the petrarch-unittest / petr2-gsr format (`events` lists of gold triples) and the
conflibert-cameo format (`gold_root` plus coder votes), detected by their fields. The
helpers that run the pipeline once per file and pick the principal event are shared
with the plover and case2021 scorers.
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import eventwire
from eventwire.config import Settings
from eventwire.eval.base import (
    EvalReport,
    events_per_item,
    macro_f1,
    model_event_share,
    per_label_prf,
    prf,
    read_jsonl,
)
from eventwire.model import ActorRef, Article, Event, Failure, Participant

MAX_EXAMPLES = 12


def _item_date(item: dict[str, Any]) -> date | None:
    """The item's story date, used as the article's publication date (None if absent)."""
    try:
        return date.fromisoformat(str(item.get("date") or ""))
    except ValueError:
        return None


def code_items(
    items: Sequence[dict[str, Any]], settings: Settings
) -> tuple[list[list[Event]], list[Failure]]:
    """Run the full pipeline once over all items (as articles): each item's events, and failures."""
    articles = [Article.make(str(it.get("text") or " "), published=_item_date(it)) for it in items]
    batch = eventwire.code_articles(articles, settings)
    by_id = {c.article.id: c.events for c in batch.coded}
    return [list(by_id.get(a.id, [])) for a in articles], list(batch.failures)


def failure_extra(failures: list[Failure]) -> dict[str, Any]:
    """Report fields for items the pipeline failed on (they count as items with no event)."""
    return {"failures": len(failures), "failure_reasons": sorted({f.reason for f in failures})[:5]}


def _principal_fn() -> Callable[[list[Event]], Event | None]:
    """The coder's principal-event chooser, or 'first event' while it does not exist."""
    try:
        mod = importlib.import_module("eventwire.events.principal")
        fn: Callable[[list[Event]], Event | None] = mod.principal_event
        return fn
    except (ImportError, AttributeError):
        return lambda events: events[0] if events else None


def principal(events: list[Event]) -> Event | None:
    """The item's principal event (the coder's `principal_event`, else the first event)."""
    return _principal_fn()(events) if events else None


def actor_code(ref: ActorRef | None) -> str:
    """CAMEO-style actor code: `eventwire.actors.actor_code` if present, else country + sectors."""
    if ref is None:
        return "---"
    fn = getattr(importlib.import_module("eventwire.actors"), "actor_code", None)
    if fn is not None:
        return str(fn(ref))
    return (ref.country or "---") + "".join(ref.sector)


def participants(event: Event, role: str) -> list[Participant]:
    """An event's participants in one role."""
    return [p for p in event.participants if p.role == role]


# --- petrarch-unittest actor glossary -------------------------------------------------------

_RESTRICT = re.compile(
    r"^\s*(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<d>\d{6,8})|(?P<a>\d{6,8})\s*-\s*(?P<b>\d{6,8}))?\s*$"
)


def _glossary_date(raw: str) -> date:
    """A glossary date, YYMMDD or YYYYMMDD."""
    if len(raw) == 6:  # YYMMDD
        yy = int(raw[:2])
        raw = f"{1900 + yy if yy >= 30 else 2000 + yy}{raw[2:]}"
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def _code_applies(spec: str, when: date | None) -> tuple[str, bool, bool]:
    """(code, restricted?, applies at `when`?) for one glossary code with an optional date rule."""
    m = _RESTRICT.match(spec)
    if m is None:
        return spec.strip(), False, True
    code = m["code"]
    if not (m["op"] or m["a"]):
        return code, False, True
    if when is None:
        return code, True, False
    if m["op"]:
        lim = _glossary_date(m["d"])
        return code, True, when < lim if m["op"] == "<" else when > lim
    return code, True, _glossary_date(m["a"]) <= when <= _glossary_date(m["b"])


def _norm(text: str) -> str:
    """Upper-case words separated by single spaces, padded, for whole-word substring tests."""
    return " " + " ".join(re.sub(r"[^A-Z0-9]+", " ", text.upper().replace("_", " ")).split()) + " "


@dataclass
class Glossary:
    """Actor names -> codes of the petrarch validation dictionaries (for scoring only)."""

    actors: list[tuple[str, list[str]]] = field(default_factory=list)
    agents: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read actor_glossary.json; names are matched longest first."""
        data = json.loads(path.read_text(encoding="utf-8"))
        actors = [
            (_norm(n), [str(c).upper() for c in a["codes"]])
            for a in data.get("actors", [])
            for n in a["names"]
        ]
        agents = [
            (_norm(n), str(a["codes"][0]).lstrip("~"))
            for a in data.get("agents", [])
            for n in a["names"]
        ]
        key: Callable[[tuple[str, Any]], int] = lambda t: -len(t[0])  # noqa: E731
        return cls(sorted(actors, key=key), sorted(agents, key=key))

    def codes(self, text: str, when: date | None) -> list[str]:
        """Codes of the longest actor name in `text`, with the longest agent name appended."""
        norm = _norm(text)
        agent = next((code for name, code in self.agents if name in norm), "")
        specs = next((codes for name, codes in self.actors if name in norm), None)
        if specs is None:
            return [f"---{agent}"] if agent else []
        rules = [_code_applies(spec, when) for spec in specs]
        dated = [code for code, restricted, ok in rules if restricted and ok]
        plain = [code for code, restricted, _ in rules if not restricted]
        base = (dated or plain or ["---"])[0]
        return [c + agent if agent and not c.endswith(agent) else c for c in base.split("/")]


def _role_codes(event: Event, role: str, glossary: Glossary | None, when: date | None) -> list[str]:
    """Actor codes of an event's participants in one role ('---' when it has none)."""
    out: list[str] = []
    for p in participants(event, role):
        if glossary is not None:
            found = glossary.codes(p.text, when) or (
                glossary.codes(p.actor.name, when) if p.actor else []
            )
            out.extend(found or ["---"])
        else:
            out.append(actor_code(p.actor))
    return out or ["---"]


def triples(
    event: Event, glossary: Glossary | None, when: date | None
) -> set[tuple[str, str, str]]:
    """(source, target, code) triples of one predicted event."""
    srcs = _role_codes(event, "source", glossary, when)
    tars = _role_codes(event, "target", glossary, when)
    return {(s, t, event.cameo) for s in srcs for t in tars}


# --- scoring ------------------------------------------------------------------------------


def _root(event: Event | None) -> str | None:
    """The two-digit CAMEO root of an event."""
    return event.cameo[:2] if event is not None and event.cameo else None


def _example(item: dict[str, Any], gold: str, got: str) -> str:
    """One line for the report's examples."""
    return f"{item.get('id')}: gold {gold}, got {got} | {str(item.get('text', ''))[:140]}"


@dataclass
class _Tally:
    """Running counts of the triple-format scorer."""

    tp: int = 0
    tp_country: int = 0
    n_pred_country: int = 0
    n_gold_country: int = 0
    n_pred: int = 0
    n_gold: int = 0
    gold_events: int = 0
    root_hits: int = 0
    code_hits: int = 0
    no_event_items: int = 0
    no_event_ok: int = 0
    country: dict[str, list[int]] = field(
        default_factory=lambda: {"source": [0, 0], "target": [0, 0]}
    )
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    gold_labels: list[str] = field(default_factory=list)
    pred_labels: list[str | None] = field(default_factory=list)

    def miss(self, cause: str, example: str) -> None:
        self.misses[cause] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(f"[{cause}] {example}")


def _miss_cause(gold: dict[str, Any], events: list[Event], pred: set[tuple[str, str, str]]) -> str:
    """Why a gold event found no matching triple."""
    if not events:
        return "no_event"
    if gold["root"] not in {e.cameo[:2] for e in events}:
        return "no_trigger_for_type"
    if gold["code"] not in {e.cameo for e in events}:
        return "wrong_type"
    same = [t for t in pred if t[2] == gold["code"]]
    return "wrong_target" if any(t[0] == gold["source"] for t in same) else "wrong_source"


def _score_country(tally: _Tally, role: str, gold_code: str, pred_codes: set[str]) -> None:
    """Count a gold actor country as found if some predicted code starts with it."""
    country = gold_code[:3]
    if not country or country in {"---", "+++", "###"}:
        return
    tally.country[role][1] += 1
    tally.country[role][0] += int(country in {c[:3] for c in pred_codes})


def _country_triples(triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Triples with actor codes cut to their country part (first three characters)."""
    return {(s[:3], t[:3], c) for s, t, c in triples}


def _score_item(
    tally: _Tally, item: dict[str, Any], events: list[Event], glossary: Glossary | None
) -> None:
    """Triples, codes, roots and actor countries of one gold item."""
    when = _item_date(item)
    pred: set[tuple[str, str, str]] = set().union(*(triples(e, glossary, when) for e in events))
    golds = list(item.get("events") or [])
    gold_set = {(g["source"], g["target"], g["code"]) for g in golds}
    tally.tp += len(pred & gold_set)
    tally.n_pred += len(pred)
    tally.n_gold += len(gold_set)
    pred_c, gold_c = _country_triples(pred), _country_triples(gold_set)
    tally.tp_country += len(pred_c & gold_c)
    tally.n_pred_country += len(pred_c)
    tally.n_gold_country += len(gold_c)
    if item.get("no_events") or not golds:
        tally.no_event_items += 1
        tally.no_event_ok += int(not events)
        if events:
            tally.miss(
                "spurious_event",
                _example(item, "nothing", ", ".join(sorted(e.cameo for e in events))),
            )
        return
    cameo_golds = [g for g in golds if g.get("is_cameo", True)]
    if cameo_golds:
        tally.gold_labels.append(str(cameo_golds[0]["root"]))
        tally.pred_labels.append(_root(principal(events)))
    for g in cameo_golds:
        tally.gold_events += 1
        tally.root_hits += int(g["root"] in {e.cameo[:2] for e in events})
        tally.code_hits += int(g["code"] in {e.cameo for e in events})
        _score_country(tally, "source", g["source"], {t[0] for t in pred})
        _score_country(tally, "target", g["target"], {t[1] for t in pred})
        if (g["source"], g["target"], g["code"]) not in pred:
            got = "; ".join(sorted("/".join(t) for t in pred)) or "nothing"
            tally.miss(
                _miss_cause(g, events, pred),
                _example(item, f"{g['source']}/{g['target']}/{g['code']}", got),
            )


def ratio(hits: int, n: int) -> float | None:
    """hits / n rounded to 4 places, None when nothing was scored."""
    return round(hits / n, 4) if n else None


def _triple_report(
    path: Path, items: list[dict[str, Any]], preds: list[list[Event]], glossary: Glossary | None
) -> EvalReport:
    """The petrarch-style report: triple P/R/F1, code and root accuracy, actor countries."""
    tally = _Tally()
    for item, events in zip(items, preds, strict=True):
        _score_item(tally, item, events, glossary)
    p, r, f = prf(tally.tp, tally.n_pred, tally.n_gold)
    per_label = per_label_prf(tally.gold_labels, tally.pred_labels)
    has_codes = glossary is not None or tally.country["source"][1] > 0
    metrics: dict[str, float | int | None] = {
        "root_accuracy": ratio(tally.root_hits, tally.gold_events),
        "code_accuracy": ratio(tally.code_hits, tally.gold_events),
        "triple_precision": round(p, 4),
        "triple_recall": round(r, 4),
        "triple_f1": round(f, 4),
        "triple_f1_country": round(
            prf(tally.tp_country, tally.n_pred_country, tally.n_gold_country)[2], 4
        ),
        "principal_root_accuracy": ratio(
            sum(g == pr for g, pr in zip(tally.gold_labels, tally.pred_labels, strict=True)),
            len(tally.gold_labels),
        ),
        "root_macro_f1": round(macro_f1(per_label, set(tally.gold_labels)), 4),
        "no_events_accuracy": ratio(tally.no_event_ok, tally.no_event_items),
        "gold_events": tally.gold_events,
    }
    if has_codes:
        metrics["source_country_accuracy"] = ratio(*tally.country["source"])
        metrics["target_country_accuracy"] = ratio(*tally.country["target"])
    return EvalReport(
        task="cameo",
        path=str(path),
        n_items=len(items),
        metrics=metrics,
        per_label=per_label,
        misses=dict(tally.misses),
        examples=tally.examples,
        extra={"format": "triples", "actor_glossary": glossary is not None},
    )


def _vote_share(item: dict[str, Any], root: str | None) -> float | None:
    """Share of the coders' first-action votes that went to `root` (None without votes)."""
    votes = {str(k): int(v) for k, v in (item.get("first_action_votes") or {}).items()}
    total = sum(votes.values())
    return votes.get(root or "", 0) / total if total else None


def _root_miss(gold: str, events: list[Event]) -> str:
    """Why the principal root missed the gold root."""
    if not events:
        return "no_event"
    return "wrong_type" if gold in {e.cameo[:2] for e in events} else "no_trigger_for_type"


def _root_report(path: Path, items: list[dict[str, Any]], preds: list[list[Event]]) -> EvalReport:
    """Root accuracy of the principal event (and any event) against conflibert's majority root."""
    gold: list[str] = []
    got: list[str | None] = []
    lenient = 0
    shares = [_vote_share(it, _root(principal(evs))) for it, evs in zip(items, preds, strict=True)]
    tally = _Tally()
    for item, events in zip(items, preds, strict=True):
        if not item.get("gold_root"):
            continue
        g, root = str(item["gold_root"]), _root(principal(events))
        gold.append(g)
        got.append(root)
        lenient += int(g in {e.cameo[:2] for e in events})
        if root != g:
            tally.miss(_root_miss(g, events), _example(item, g, root or "nothing"))
    per_label = per_label_prf(gold, got)
    voted = [v for v in shares if v is not None]
    metrics: dict[str, float | int | None] = {
        "root_accuracy": ratio(sum(a == b for a, b in zip(gold, got, strict=True)), len(gold)),
        "root_accuracy_lenient": ratio(lenient, len(gold)),
        "root_macro_f1": round(macro_f1(per_label, set(gold)), 4),
        "vote_share": round(sum(voted) / len(voted), 4) if voted else None,
        "code_accuracy": None,
        "triple_f1": None,
        "gold_items": len(gold),
    }
    return EvalReport(task="cameo", path=str(path), n_items=len(items), metrics=metrics, per_label=per_label,
                      misses=dict(tally.misses), examples=tally.examples, extra={"format": "roots"})  # fmt: skip


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Score CAMEO coding on a petrarch-style (triples) or conflibert-style (roots) gold file."""
    items = [it for it in read_jsonl(path) if not it.get("expected_error")]
    preds, failures = code_items(items, settings)
    if items and all("gold_root" in it for it in items):
        report = _root_report(path, items, preds)
    else:
        glossary_path = path.parent / "actor_glossary.json"
        glossary = Glossary.load(glossary_path) if glossary_path.exists() else None
        report = _triple_report(path, items, preds, glossary)
    report.extra.update(failure_extra(failures))
    report.metrics["events_per_item"] = events_per_item(preds)
    report.metrics["model_event_share"] = model_event_share(preds)
    return report
