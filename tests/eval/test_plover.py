"""The plover scorer on tiny gold files written here, with a fake coder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings
from eventwire.eval import plover

S = "source"
T = "target"


def _gsr(
    i: int,
    text: str,
    ptype: str,
    mode: str | None,
    src: list[tuple[str, str | None]],
    tar: list[tuple[str, str | None]],
) -> dict[str, Any]:
    return {
        "id": f"p:{i}", "text": text, "event_plover": ptype, "mode": mode,
        "source": [{"text": c, "code": c, "sector": s} for c, s in src],
        "target": [{"text": c, "code": c, "sector": s} for c, s in tar],
    }  # fmt: skip


GSR = [
    _gsr(
        1,
        "Norland police arrested Southland activists.",
        "COERCE",
        "arrest",
        [("NOR", "COP")],
        [("SOU", None)],
    ),
    _gsr(2, "Norland bombed Southland.", "ASSAULT", "aerial", [("NOR", "MIL")], [("SOU", None)]),
    _gsr(3, "Norland urged talks.", "REQUEST", None, [("NOR", None)], []),
    _gsr(4, "Southland met Norland.", "CONSULT", None, [("SOU", None)], [("NOR", None)]),
]
EVENTS = {
    "Norland police arrested Southland activists.": [
        (
            "COERCE",
            "arrest",
            "173",
            [(S, "Norland police", "NOR", ["COP"]), (T, "activists", "SOU", ["CVL"])],
        )
    ],
    "Norland bombed Southland.": [
        (
            "ASSAULT",
            "heavy-weapons",
            "194",
            [(S, "Norland", "NOR", ["GOV"]), (T, "Southland", "SOU", [])],
        )
    ],
    "Norland urged talks.": [
        ("CONSULT", None, "040", []),
        ("REQUEST", None, "106", [(S, "Norland", "NOR", [])]),
    ],
}


def test_plover_sentence_metrics(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    calls = fake_coder(EVENTS)
    report = plover.evaluate(write_gold("dev.jsonl", GSR), Settings())
    m = report.metrics
    assert calls == [4]
    assert (m["type_accuracy"], m["type_accuracy_lenient"]) == (0.5, 0.75)
    assert m["mode_accuracy"] == 0.5
    assert (m["source_country_accuracy"], m["target_country_accuracy"]) == (
        0.75,
        pytest.approx(2 / 3, abs=1e-3),
    )
    assert (m["source_sector_accuracy"], m["target_sector_accuracy"]) == (0.5, None)
    assert (
        m["source_country_accuracy_principal"] == 0.5
    )  # item 3: the principal event has no source
    assert m["type_macro_f1"] == pytest.approx((1 + 1 + 0 + 0) / 4, abs=1e-3)
    assert report.misses == {"wrong_type": 1, "no_event": 1}
    assert report.extra["format"] == "sentences"


def test_plover_wrong_source_is_a_miss(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder(
        {
            GSR[3]["text"]: [
                ("CONSULT", None, "040", [(S, "Norland", "NOR", []), (T, "Norland", "NOR", [])])
            ]
        }
    )
    report = plover.evaluate(write_gold("dev.jsonl", [GSR[3]]), Settings())
    assert report.metrics["type_accuracy"] == 1.0
    assert report.misses == {"wrong_source": 1}


def test_plover_sector_reads_gold_like_the_actors_scorer(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    """'***' is not a sector to match; 'ELIibo' is ELI with an ethnic code; MED is met by HLH."""
    gold = [
        _gsr(1, "Norland elders asked Southland.", "REQUEST", None, [("NOR", "ELInor")], [("SOU", "***")]),
        _gsr(2, "Norland doctors aided Southland.", "AID", None, [("NOR", "MED")], [("SOU", None)]),
    ]  # fmt: skip
    fake_coder({
        gold[0]["text"]: [("REQUEST", None, "100", [(S, "Norland elders", "NOR", ["ELI"]), (T, "Southland", "SOU", ["GOV"])])],
        gold[1]["text"]: [("AID", None, "070", [(S, "Norland doctors", "NOR", ["HLH"]), (T, "Southland", "SOU", [])])],
    })  # fmt: skip
    m = plover.evaluate(write_gold("dev.jsonl", gold), Settings()).metrics
    assert m["source_sector_accuracy"] == 1.0
    assert m["target_sector_accuracy"] is None


STORIES = [
    {"id": "n:1", "headline": "h", "text": "Story one.", "event": "PROTEST", "mode": "demo"},
    {"id": "n:2", "headline": "h", "text": "Story two.", "event": "ASSAULT", "mode": "sieze"},
]


def test_plover_documents_use_most_frequent_type(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder({
        "Story one.": [("COERCE", "arrest", "173", []), ("PROTEST", "demo", "141", []), ("PROTEST", "riot", "145", [])],
        "Story two.": [("ASSAULT", "beat", "182", []), ("COERCE", "seize", "171", [])],
    })  # fmt: skip
    report = plover.evaluate(write_gold("dev.jsonl", STORIES), Settings())
    assert report.extra["format"] == "documents"
    assert report.metrics["type_accuracy"] == 1.0
    assert report.metrics["type_accuracy_first"] == 0.5  # story one opens with an arrest
    assert report.metrics["mode_accuracy"] == 0.5
    assert report.metrics["source_country_accuracy"] is None


def test_plover_pipeline_failures_are_reported(
    monkeypatch: pytest.MonkeyPatch, write_gold: Callable[..., Path]
) -> None:
    import eventwire
    from eventwire.model import Batch, Failure

    def failing(articles: Any, settings: Any = None) -> Batch:
        return Batch(
            failures=[
                Failure(input=a.id, stage="code", code="EW601", reason="bad data") for a in articles
            ]
        )

    monkeypatch.setattr(eventwire, "code_articles", failing)
    report = plover.evaluate(write_gold("dev.jsonl", GSR[:2]), Settings())
    assert (report.extra["failures"], report.extra["failure_reasons"]) == (2, ["bad data"])
    assert report.misses == {"no_event": 2}


def test_plover_document_ignores_non_plover_types(
    fake_coder: Callable[..., list[int]], write_gold: Callable[..., Path]
) -> None:
    fake_coder(
        {
            "Story one.": [
                ("STATEMENT", None, "010", []),
                ("STATEMENT", None, "010", []),
                ("PROTEST", "demo", "141", []),
            ]
        }
    )
    report = plover.evaluate(write_gold("dev.jsonl", STORIES[:1]), Settings())
    assert report.metrics["type_accuracy"] == 1.0
