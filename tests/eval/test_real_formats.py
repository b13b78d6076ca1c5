"""The scorers read every shared/eval format they claim (first items of each dev file; slow: all)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.eval import evaluate

SETS = [
    ("petrarch-unittest", "cameo", "triples", ["root_accuracy", "code_accuracy", "triple_f1"]),
    ("petr2-gsr", "cameo", "triples", ["root_accuracy", "code_accuracy", "triple_f1"]),
    ("conflibert-cameo", "cameo", "roots", ["root_accuracy", "root_accuracy_lenient"]),
    ("plover-gsr", "plover", "sentences", ["type_accuracy", "type_macro_f1", "mode_accuracy",
                                           "source_country_accuracy", "target_country_accuracy"]),
    ("ngec-synthetic", "plover", "documents", ["type_accuracy", "type_macro_f1", "mode_accuracy"]),
    ("case2021-task2", "case2021", None, ["accuracy", "macro_f1", "coarse_accuracy"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "task", "fmt", "keys"), SETS)
def test_eval_reads_real_format(
    name: str, task: str, fmt: str | None, keys: list[str], shared_dir: Path, tmp_path: Path,
    fake_coder: Callable[..., list[int]],
) -> None:  # fmt: skip
    lines = (shared_dir / "eval" / name / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    gold = tmp_path / name / "dev.jsonl"
    gold.parent.mkdir()
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fake_coder({})
    report = evaluate(gold, task, Settings())
    assert report.n_items > 0
    assert set(keys) <= set(report.metrics)
    assert report.extra.get("format") == fmt or fmt is None
    assert json.loads(json.dumps(report.as_json()))["n_items"] == report.n_items


@pytest.mark.slow
@pytest.mark.parametrize(("name", "task", "fmt", "keys"), SETS)
def test_eval_scores_whole_dev_set(
    name: str, task: str, fmt: str | None, keys: list[str], shared_dir: Path
) -> None:
    report = evaluate(shared_dir / "eval" / name / "dev.jsonl", task, Settings())
    assert report.extra["failures"] == 0
    for key in keys:
        value = report.metrics[key]
        assert value is None or 0.0 <= float(value) <= 1.0
