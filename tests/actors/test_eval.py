"""The actors eval task on both gold formats (own sentences), and its floor on the dev set (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.eval.actors import evaluate

PLOVER_ITEMS = [
    {
        "id": "a",
        "date": "2000-01-01",
        "text": "Kenyan police arrested two Somali fishermen.",
        "source": [{"text": "Kenyan police", "code": "KEN", "sector": "COP"}],
        "target": [{"text": "Somali fishermen", "code": "SOM", "sector": None}],
    },
    {
        "id": "b",
        "date": "2000-01-01",
        "text": "Norway urged Sudan to reopen the border.",
        "source": [{"text": "Norway", "code": "NOR", "sector": None}],
        "target": [{"text": "Sudan", "code": "SDN", "sector": None}],
    },
]
PETR_ITEMS = [
    {
        "id": "c",
        "date": "2015-06-09",
        "text": "Syrian rebels attacked Turkish soldiers.",
        "events": [{"source": "SYRREB", "target": "TURMIL", "code": "190"}],
    },
]


def _write(tmp_path: Path, items: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def test_actors_eval_plover_format(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    report = evaluate(_write(tmp_path, PLOVER_ITEMS), Settings())
    m = report.metrics
    assert (
        m["source_country_accuracy"],
        m["target_country_accuracy"],
        m["source_sector_accuracy"],
    ) == (1.0, 1.0, 1.0)
    assert m["target_sector_accuracy"] is None


def test_actors_eval_petr_format(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    report = evaluate(_write(tmp_path, PETR_ITEMS), Settings())
    assert report.metrics["source_country_accuracy"] == 1.0
    assert report.metrics["target_sector_accuracy"] == 1.0


@pytest.mark.slow
def test_actors_eval_plover_dev_floor(shared_dir: Path) -> None:
    report = evaluate(shared_dir / "eval" / "plover-gsr" / "dev.jsonl", Settings())
    assert report.metrics["source_country_accuracy"] >= 0.85  # type: ignore[operator]
    assert report.metrics["target_country_accuracy"] >= 0.80  # type: ignore[operator]
