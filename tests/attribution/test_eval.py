"""The PolNeAR-format attribution scorer: offsets, alignment, metrics (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.eval.attribution import Item, Tally, evaluate


def test_attribution_eval_tally_counts_overlap_and_exact() -> None:
    text = "The mayor said the bridge would reopen."
    gold = Item(source=((0, 9),), cue=((10, 14),), content=((15, 38),))
    pred = Item(source=((4, 9),), cue=((10, 14),), content=((15, 38),))
    spurious = Item(source=((0, 3),), cue=((19, 25),), content=((26, 31),))
    tally = Tally()
    tally.add(text, [gold], [pred, spurious])
    m = tally.metrics()
    assert m["cue_recall"] == 1.0 and m["cue_precision"] == 0.5
    assert m["source_recall"] == 0.5 and m["source_exact"] == 0.0
    assert m["cue_exact"] == 1.0 and m["content_exact"] == 1.0
    assert m["n_gold"] == 1 and m["n_pred"] == 2


def test_attribution_eval_runs_on_any_polnear_file(tmp_path: Path) -> None:
    text = "The mayor said the bridge would reopen in May.\n\nTraffic was light."
    item = {
        "id": "own:1",
        "published": "2024-02-23",
        "text": text,
        "attributions": [
            {
                "id": "E1",
                "has_source": True,
                "source": {"text": "The mayor", "spans": [[0, 9]]},
                "cue": [{"text": "said", "spans": [[10, 14]]}],
                "content": [{"text": "the bridge would reopen in May", "spans": [[15, 45]]}],
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    report = evaluate(path, Settings())
    assert report.metrics["cue_f1"] == 1.0 and report.metrics["source_f1"] == 1.0
    assert report.metrics["content_f1"] == 1.0 and report.metrics["source_exact"] == 1.0


@pytest.mark.slow
def test_attribution_eval_polnear_dev_floors(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("polnear dev set not present")
    m = evaluate(path, Settings()).metrics
    assert m["source_f1"] >= 0.74 and m["cue_f1"] >= 0.60 and m["content_f1"] >= 0.77  # type: ignore[operator]
