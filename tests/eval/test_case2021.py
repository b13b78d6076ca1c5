"""The case2021 scorer and its published crosswalk, with a fake coder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.errors import DataFileError
from eventwire.eval import case2021
from eventwire.events import ontology
from eventwire.events.ontology import PLOVER_TYPES
from eventwire.model import Article, Event

ITEMS = [
    {"id": "k:1", "text": "Jets struck the town.", "label": "AIR_STRIKE"},
    {"id": "k:2", "text": "Police detained ten men.", "label": "ARREST"},
    {"id": "k:3", "text": "Crowds marched; police fired tear gas.", "label": "PROTEST_WITH_INTER"},
    {"id": "k:4", "text": "A flood hit the valley.", "label": "NATURAL_DISASTER"},
    {"id": "k:5", "text": "Gunmen shot at soldiers.", "label": "ARMED_CLASH"},
]
EVENTS = {
    "Jets struck the town.": [("ASSAULT", "aerial", "195", [])],
    "Police detained ten men.": [("COERCE", "arrest", "173", [])],
    "Crowds marched; police fired tear gas.": [
        ("PROTEST", "demo", "141", []),
        ("ASSAULT", "crowd-control", "175", []),
    ],
    "Gunmen shot at soldiers.": [
        ("COERCE", "seize", "171", []),
        ("ASSAULT", "firearms", "193", []),
    ],
}


def test_case2021_metrics(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder(EVENTS)
    report = case2021.evaluate(write_gold("dev.jsonl", ITEMS), Settings())
    m = report.metrics
    assert m["accuracy"] == 0.6
    assert (m["coarse_items"], m["coarse_excluded"]) == (4, 1)
    assert (m["coarse_accuracy"], m["coarse_accuracy_lenient"]) == (0.75, 1.0)
    assert report.misses == {"no_event": 1, "wrong_type": 1}


@pytest.mark.parametrize(
    ("events", "label"),
    [
        ([("ASSAULT", "drone", "1952", [])], "AIR_STRIKE"),
        ([("ASSAULT", None, "1831", [])], "SUIC_BOMB"),
        ([("ASSAULT", None, "190", [])], "ARMED_CLASH"),
        ([("ASSAULT", "beat", "182", [])], "ATTACK"),
        ([("PROTEST", "riot", "145", [])], "VIOL_DEMONSTR"),
        ([("PROTEST", "demo", "141", [])], "PEACE_PROTEST"),
        ([("AGREE", None, "057", [])], "AGREEMENT"),
        ([("PROTEST", "demo", "141", []), ("ASSAULT", "firearms", "193", [])], "PEACE_PROTEST"),
        ([("PROTEST", "demo", "141", []), ("COERCE", "arrest", "173", [])], "PROTEST_WITH_INTER"),
        ([("ASSAULT", None, "192", [("source", "the army", "SYR", ["MIL"])])], "GOV_REGAINS_TERIT"),
        (
            [("ASSAULT", None, "192", [("source", "rebels", "SYR", ["REB"])])],
            "NON_STATE_ACTOR_OVERTAKES_TER",
        ),
        ([("ASSAULT", None, "192", [])], "GOV_REGAINS_TERIT"),
        ([("CONSULT", "visit", "042", [])], "DIPLO"),
        ([], None),
    ],
)
def test_case2021_label_of_events(
    events: list[Any],
    label: str | None,
    fake_coder: Callable[..., list[int]],
    event_maker: Callable[..., Event],
) -> None:
    fake_coder({})  # first event is principal
    article = Article.make("Something happened.")
    evs = [event_maker(article, i, e) for i, e in enumerate(events)]
    assert case2021.label_of(evs) == label


def test_case2021_crosswalk_covers_every_label() -> None:
    labels = case2021.case_labels()
    assert len(labels) == 30
    implied = {info.coarse for info in labels.values() if info.coarse}
    assert implied <= set(PLOVER_TYPES)
    assert {r.label for r in case2021.case_rules()} <= set(labels)
    assert labels["AIR_STRIKE"].coarse == "ASSAULT" and labels["NATURAL_DISASTER"].coarse is None


def test_case2021_bad_rule_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = "plover_type\tplover_mode\tcameo_prefix\tcontext\tlabel\nASSAULT\t*\t*\t*\tATTACK\nFIGHT\t*\t*\t*\tATTACK\n"
    real = ontology._read_text
    monkeypatch.setattr(
        ontology, "_read_text", lambda name: bad if name == "case2021_rules.tsv" else real(name)
    )
    case2021.case_rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"case2021_rules\.tsv:3:"):
            case2021.case_rules()
    finally:
        case2021.case_rules.cache_clear()
