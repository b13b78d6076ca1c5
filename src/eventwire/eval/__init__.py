"""`eventwire eval`: score eventwire against gold files in the formats of `shared/eval`.

Each task lives in its own module exposing `evaluate(path, settings) -> EvalReport`.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import EvalError
from eventwire.eval.base import EvalReport, only_split

TASKS: dict[str, str] = {
    "cameo": "eventwire.eval.cameo",
    "plover": "eventwire.eval.plover",
    "case2021": "eventwire.eval.case2021",
    "timex": "eventwire.eval.timex",
    "geo": "eventwire.eval.geo",
    "attribution": "eventwire.eval.attribution",
    "actors": "eventwire.eval.actors",
}


def evaluate(
    path: Path, task: str, settings: Settings | None = None, split: str = "all"
) -> EvalReport:
    """Score one gold file for one task, on all its items or on its `tune` or `check` part."""
    if task not in TASKS:
        raise EvalError(f"unknown task {task!r}; choose one of {', '.join(sorted(TASKS))}")
    if not path.exists():
        raise EvalError(f"{path}: no such gold file")
    module = importlib.import_module(TASKS[task])
    with only_split(split):
        report: EvalReport = module.evaluate(path, settings or Settings())
    report.extra["split"] = split
    return report
