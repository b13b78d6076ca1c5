"""`eventwire eval --task plover`: PLOVER type, mode and actors (plover-gsr and ngec-synthetic).

plover-gsr is scored per sentence on the principal event; ngec-synthetic per story on the
most frequent type among the story's events (`type_accuracy_first`: its first PLOVER event). Formats are detected by their fields.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.eval.actors import SECTOR_ALIASES
from eventwire.eval.base import (
    EvalReport,
    events_per_item,
    macro_f1,
    model_event_share,
    per_label_prf,
    read_jsonl,
)
from eventwire.eval.cameo import MAX_EXAMPLES, code_items, failure_extra, participants, principal
from eventwire.events.ontology import PLOVER_TYPES, normalise_mode
from eventwire.model import Event


def _gold_type(item: dict[str, Any]) -> str:
    """The gold PLOVER type (plover-gsr `event_plover`, ngec `event`)."""
    return str(item.get("event_plover") or item.get("event") or "").upper()


def _is_document(items: list[dict[str, Any]]) -> bool:
    """ngec-synthetic stories are scored per document."""
    return bool(items) and all("event" in it and "event_plover" not in it for it in items)


def document_event(events: list[Event]) -> Event | None:
    """The story's event: the first event of the most frequent PLOVER type (ties: earliest)."""
    events = [e for e in events if e.plover.type in PLOVER_TYPES] or events
    if not events:
        return None
    counts = Counter(e.plover.type for e in events)
    best = max(counts.values())
    return next(e for e in events if counts[e.plover.type] == best)


@dataclass
class _Hits:
    hits: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.hits += int(hit)

    def value(self) -> float | None:
        return round(self.hits / self.n, 4) if self.n else None


@dataclass
class _Tally:
    gold: list[str] = field(default_factory=list)
    got: list[str | None] = field(default_factory=list)
    acc: dict[str, _Hits] = field(default_factory=dict)
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def hit(self, key: str, ok: bool) -> None:
        self.acc.setdefault(key, _Hits()).add(ok)

    def miss(self, cause: str, item: dict[str, Any], got: str) -> None:
        self.misses[cause] += 1
        if len(self.examples) < MAX_EXAMPLES:
            text = str(item.get("text", ""))[:140].replace("\n", " ")
            self.examples.append(
                f"[{cause}] {item.get('id')}: gold {_gold_type(item)}, got {got} | {text}"
            )


def _codes(events: list[Event], role: str, attr: str) -> set[str]:
    """Country codes or sectors of the events' participants in one role."""
    out: set[str] = set()
    for e in events:
        for p in participants(e, role):
            if p.actor is None:
                continue
            if attr == "country" and p.actor.country:
                out.add(p.actor.country.upper())
            elif attr == "sector":
                out.update(s.upper() for s in p.actor.sector)
    return out


def _score_actors(
    tally: _Tally, item: dict[str, Any], events: list[Event], main: Event | None
) -> None:
    """Country and sector hits: some predicted source (target) code equals a gold one."""
    for role in ("source", "target"):
        gold = [g for g in item.get(role) or [] if isinstance(g, dict)]
        countries = {str(g["code"]).upper() for g in gold if g.get("code")}
        if countries:
            tally.hit(f"{role}_country_accuracy", bool(countries & _codes(events, role, "country")))
            own = _codes([main], role, "country") if main else set()
            tally.hit(f"{role}_country_accuracy_principal", bool(countries & own))
        sectors = gold_sectors(gold)
        if sectors:
            tally.hit(f"{role}_sector_accuracy", bool(sectors & _codes(events, role, "sector")))


def gold_sectors(gold: list[dict[str, Any]]) -> set[str]:
    """Gold sectors as the actors scorer reads them: the first three letters ("ELIibo" is ELI with
    an ethnic code), "***" (not coded) skipped, MED also met by eventwire's HLH."""
    out: set[str] = set()
    for g in gold:
        sector = str(g.get("sector") or "")[:3].upper()
        if sector and sector != "***":
            out |= SECTOR_ALIASES.get(sector, {sector})
    return out


def _role_miss(item: dict[str, Any], events: list[Event]) -> str | None:
    """wrong_source / wrong_target when a gold actor country was not predicted."""
    for role in ("source", "target"):
        countries = {
            str(g["code"]).upper()
            for g in item.get(role) or []
            if isinstance(g, dict) and g.get("code")
        }
        if countries and not countries & _codes(events, role, "country"):
            return f"wrong_{role}"
    return None


def _score_item(tally: _Tally, item: dict[str, Any], events: list[Event], document: bool) -> None:
    """Type, mode and actor hits of one item, and its miss cause."""
    gold = _gold_type(item)
    main = document_event(events) if document else principal(events)
    got = main.plover.type if main else None
    tally.gold.append(gold)
    tally.got.append(got)
    types = {e.plover.type for e in events}
    tally.hit("type_accuracy", got == gold)
    tally.hit("type_accuracy_lenient", gold in types)
    gold_mode = normalise_mode(item.get("mode"))
    if gold_mode:
        tally.hit(
            "mode_accuracy", main is not None and normalise_mode(main.plover.mode) == gold_mode
        )
    if document:
        first = next((e for e in events if e.plover.type in PLOVER_TYPES), None)
        tally.hit("type_accuracy_first", first is not None and first.plover.type == gold)
    else:
        _score_actors(tally, item, events, main)
    if not events:
        tally.miss("no_event", item, "nothing")
    elif gold not in types:
        tally.miss("no_trigger_for_type", item, ",".join(sorted(types)))
    elif got != gold:
        tally.miss("wrong_type", item, str(got))
    elif not document and (cause := _role_miss(item, events)):
        tally.miss(cause, item, got or "")


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Score PLOVER coding on a plover-gsr (sentences) or ngec-synthetic (stories) gold file."""
    items = [it for it in read_jsonl(path) if _gold_type(it)]
    document = _is_document(items)
    preds, failures = code_items(items, settings)
    tally = _Tally()
    for item, events in zip(items, preds, strict=True):
        _score_item(tally, item, events, document)
    per_label = per_label_prf(tally.gold, tally.got)
    keys = ["type_accuracy", "mode_accuracy", "source_country_accuracy", "target_country_accuracy",
            "source_sector_accuracy", "target_sector_accuracy", "type_accuracy_lenient",
            "source_country_accuracy_principal", "target_country_accuracy_principal",
            "type_accuracy_first"]  # fmt: skip
    metrics: dict[str, float | int | None] = {
        k: tally.acc[k].value() if k in tally.acc else None for k in keys
    }
    metrics["type_macro_f1"] = round(macro_f1(per_label, set(tally.gold)), 4)
    metrics["items_with_event"] = sum(1 for e in preds if e)
    metrics["events_per_item"] = events_per_item(preds)
    metrics["model_event_share"] = model_event_share(preds)
    return EvalReport(
        task="plover",
        path=str(path),
        n_items=len(items),
        metrics=metrics,
        per_label=per_label,
        misses=dict(tally.misses),
        examples=tally.examples,
        extra={"format": "documents" if document else "sentences", **failure_extra(failures)},
    )
