"""`--task timex`: TempEval-3 scoring through the full pipeline, on a gold file we write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.eval.timex import Item, Tally, evaluate, score_doc

KEYS = {
    "span_f1_strict",
    "span_f1_relaxed",
    "type_accuracy",
    "value_accuracy",
    "value_f1",
    "type_f1",
    "precision_strict",
    "recall_strict",
    "precision_relaxed",
    "recall_relaxed",
}


def _doc(doc_id, text, dct, timexes, subset="timebank"):
    gold = []
    for phrase, type_, value in timexes:
        start = text.index(phrase)
        gold.append(
            {
                "start": start,
                "end": start + len(phrase),
                "text": phrase,
                "type": type_,
                "value": value,
                "tid": f"t{len(gold)}",
            }
        )
    return {
        "id": doc_id,
        "doc_id": doc_id,
        "subset": subset,
        "dct": dct,
        "text": text,
        "timexes": gold,
    }


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    docs = [
        _doc(
            "a",
            "\nThe envoy met rebel leaders last week. They talked for three hours.",
            "2024-02-23",
            [("last week", "DATE", "2024-W07"), ("three hours", "DURATION", "PT3H")],
        ),
        _doc(
            "b",
            "Shelling resumed on Tuesday, officials said.",
            "2013-03-22",
            [("Tuesday", "DATE", "2013-03-19")],
            subset="te3-platinum",
        ),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    return path


def test_dates_eval_timex_scores_a_gold_file(gold_file):
    report = evaluate(gold_file, Settings())
    assert KEYS <= set(report.metrics)
    assert {f"platinum_{k}" for k in KEYS} <= set(report.metrics)
    assert report.metrics["span_f1_strict"] == 1.0 and report.metrics["value_f1"] == 1.0
    assert report.n_items == 2


def test_dates_eval_timex_strict_relaxed_and_values():
    gold = [
        Item(0, 9, "last week", "DATE", "2024-W07"),
        Item(20, 31, "three hours", "DURATION", "PT3H"),
    ]
    pred = [
        Item(0, 9, "last week", "DATE", "2024-W08"),
        Item(14, 31, "for three hours", "DURATION", "PT3H"),
        Item(40, 43, "now", "DATE", "PRESENT_REF"),
    ]
    tally = Tally()
    score_doc(gold, pred, tally)
    assert (tally.strict, tally.relaxed, tally.value_ok, tally.n_pred) == (1, 2, 1, 3)
    assert tally.misses == {"value": 1, "extent": 1, "spurious": 1}
