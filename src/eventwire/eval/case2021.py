"""`eventwire eval --task case2021`: ACLED-style labels of CASE 2021 task 2, via a published crosswalk.

The crosswalk is data (`data/ontology/case2021_labels.tsv`: label -> implied PLOVER type,
mode, CAMEO; `case2021_rules.tsv`: eventwire event -> label, first match wins).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import DataFileError
from eventwire.eval.base import EvalReport, macro_f1, model_event_share, per_label_prf, read_jsonl
from eventwire.eval.cameo import MAX_EXAMPLES, code_items, failure_extra, principal, ratio
from eventwire.events.ontology import PLOVER_TYPES, is_cameo_code, normalise_mode, tsv_rows
from eventwire.model import Event

CROSSWALK = "eventwire/data/ontology/case2021_labels.tsv + case2021_rules.tsv"
CONTEXTS = ("*", "protest", "coercion", "state_source", "nonstate_source")
COERCION = {
    ("COERCE", "arrest"),
    ("COERCE", "restrict"),
    ("COERCE", "curfew"),
    ("ASSAULT", "crowd-control"),
}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


@dataclass(frozen=True)
class LabelInfo:
    """What a CASE 2021 label means in PLOVER/CAMEO terms."""

    label: str
    kind: str
    coarse: str | None
    plover_mode: str | None
    cameo: str | None


@dataclass(frozen=True)
class Rule:
    """One crosswalk rule from an eventwire event to a CASE 2021 label."""

    plover_type: str
    plover_mode: str
    cameo_prefix: str
    context: str
    label: str

    def matches(self, event: Event, context: set[str]) -> bool:
        """True if the event (with what else the item says) fits this rule."""
        return (
            event.plover.type == self.plover_type
            and self.plover_mode in ("*", normalise_mode(event.plover.mode))
            and (self.cameo_prefix == "*" or event.cameo.startswith(self.cameo_prefix))
            and self.context in context
        )


def _dash(cell: str) -> str | None:
    """'-' in a data cell means none."""
    return None if cell == "-" else cell


@lru_cache(maxsize=1)
def case_labels() -> dict[str, LabelInfo]:
    """The published label table, validated."""
    name = "case2021_labels.tsv"
    out: dict[str, LabelInfo] = {}
    for row in tsv_rows(name, ["label", "kind", "coarse", "plover_mode", "cameo"]):
        label, kind, coarse, mode, cameo = row.cells
        info = LabelInfo(label, kind, _dash(coarse), _dash(mode), _dash(cameo))
        if info.coarse is not None and info.coarse not in PLOVER_TYPES:
            raise DataFileError(f"{name}:{row.line}: unknown PLOVER type {coarse!r}")
        if info.plover_mode is not None and (
            info.coarse is None or info.plover_mode not in PLOVER_TYPES[info.coarse]
        ):
            raise DataFileError(f"{name}:{row.line}: {mode!r} is not a mode of {coarse}")
        if info.cameo is not None and not is_cameo_code(info.cameo):
            raise DataFileError(f"{name}:{row.line}: unknown CAMEO code {cameo!r}")
        if kind not in ("acled", "unseen") or label in out:
            raise DataFileError(f"{name}:{row.line}: bad kind or duplicate label {label!r}")
        out[label] = info
    return out


@lru_cache(maxsize=1)
def case_rules() -> list[Rule]:
    """The event -> label rules, in order, validated against the label table and ontology."""
    name = "case2021_rules.tsv"
    labels = case_labels()
    rules: list[Rule] = []
    for row in tsv_rows(name, ["plover_type", "plover_mode", "cameo_prefix", "context", "label"]):
        rule = Rule(*row.cells)
        if (
            rule.plover_type not in PLOVER_TYPES
            or rule.label not in labels
            or rule.context not in CONTEXTS
        ):
            raise DataFileError(f"{name}:{row.line}: unknown type, label or context in {row.cells}")
        if rule.plover_mode != "*" and rule.plover_mode not in PLOVER_TYPES[rule.plover_type]:
            raise DataFileError(
                f"{name}:{row.line}: {rule.plover_mode!r} is not a mode of {rule.plover_type}"
            )
        if rule.cameo_prefix != "*" and not is_cameo_code(rule.cameo_prefix):
            raise DataFileError(f"{name}:{row.line}: unknown CAMEO code {rule.cameo_prefix!r}")
        rules.append(rule)
    return rules


def _is_coercion(event: Event) -> bool:
    """Force used on people: arrests, restrictions, crowd control (not any armed attack)."""
    mode = normalise_mode(event.plover.mode)
    return (event.plover.type, mode) in COERCION or event.cameo.startswith("175")


def _source_is_state(event: Event) -> bool | None:
    """Whether the event's source is a state actor (None when it has no resolved source)."""
    refs = [p.actor for p in event.participants if p.role == "source" and p.actor is not None]
    if not refs:
        return None
    return any(r.kind == "state" or set(r.sector) & STATE_SECTORS for r in refs)


def _context(events: list[Event], main: Event) -> set[str]:
    """What else the item says, for rules that need more than the principal event."""
    others = [e for e in events if e is not main]
    ctx = {"*"}
    if any(e.plover.type == "PROTEST" for e in others):
        ctx.add("protest")
    if any(_is_coercion(e) for e in others):
        ctx.add("coercion")
    state = _source_is_state(main)
    if state is not None:
        ctx.add("state_source" if state else "nonstate_source")
    return ctx


def label_of(events: list[Event]) -> str | None:
    """The CASE 2021 label of an item's events: its principal event through the rules."""
    main = principal(events)
    if main is None:
        return None
    ctx = _context(events, main)
    return next((r.label for r in case_rules() if r.matches(main, ctx)), None)


@dataclass
class _Tally:
    """Running counts of the case2021 scorer."""

    gold: list[str] = field(default_factory=list)
    got: list[str | None] = field(default_factory=list)
    coarse_hits: int = 0
    coarse_n: int = 0
    coarse_lenient: int = 0
    excluded: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def score(self, item: dict[str, Any], events: list[Event]) -> None:
        """Fine label through the crosswalk, and the PLOVER type the gold label implies."""
        gold, got, main = str(item["label"]), label_of(events), principal(events)
        self.gold.append(gold)
        self.got.append(got)
        info = case_labels().get(gold)
        if info is None or info.coarse is None:
            self.excluded += 1
        else:
            self.coarse_n += 1
            self.coarse_hits += int(main is not None and main.plover.type == info.coarse)
            self.coarse_lenient += int(info.coarse in {e.plover.type for e in events})
        if gold != got:
            cause = _cause(info, events, main)
            self.misses[cause] += 1
            if len(self.examples) < MAX_EXAMPLES:
                text = str(item["text"])[:140]
                self.examples.append(f"[{cause}] {item.get('id')}: gold {gold}, got {got} | {text}")

    def metrics(self) -> dict[str, float | int | None]:
        per_label = per_label_prf(self.gold, self.got)
        hits = sum(g == p for g, p in zip(self.gold, self.got, strict=True))
        return {
            "accuracy": ratio(hits, len(self.gold)),
            "macro_f1": round(macro_f1(per_label, set(self.gold)), 4),
            "coarse_accuracy": ratio(self.coarse_hits, self.coarse_n),
            "coarse_accuracy_lenient": ratio(self.coarse_lenient, self.coarse_n),
            "coarse_items": self.coarse_n,
            "coarse_excluded": self.excluded,
        }


def _cause(info: LabelInfo | None, events: list[Event], main: Event | None) -> str:
    """Why an item's label was missed."""
    if not events:
        return "no_event"
    if info is None or info.coarse is None or info.coarse not in {e.plover.type for e in events}:
        return "no_trigger_for_type"
    return "wrong_type" if main is None or main.plover.type != info.coarse else "wrong_label"


def evaluate(path: Path, settings: Settings) -> EvalReport:
    """Score CASE 2021 task 2 labels (fine, through the crosswalk, and coarse PLOVER type)."""
    items: list[dict[str, Any]] = [it for it in read_jsonl(path) if it.get("label")]
    preds, failures = code_items(items, settings)
    tally = _Tally()
    for item, events in zip(items, preds, strict=True):
        tally.score(item, events)
    return EvalReport(
        task="case2021",
        path=str(path),
        n_items=len(items),
        metrics={**tally.metrics(), "model_event_share": model_event_share(preds)},
        per_label=per_label_prf(tally.gold, tally.got),
        misses=dict(tally.misses),
        examples=tally.examples,
        extra={"crosswalk": CROSSWALK, **failure_extra(failures)},
    )
