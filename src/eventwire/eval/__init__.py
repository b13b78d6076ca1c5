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
    "coref": "eventwire.eval.coref",
}
WRITES_PREDICTIONS = {"coref"}


def evaluate(
    path: Path,
    task: str,
    settings: Settings | None = None,
    split: str = "all",
    predictions: Path | None = None,
) -> EvalReport:
    """Score one gold file for one task, on all its items or on its `tune` or `check` part.

    `predictions` (coref only) is a file the task writes its output to, for another scorer.
    """
    if task not in TASKS:
        raise EvalError(f"unknown task {task!r}; choose one of {', '.join(sorted(TASKS))}")
    if not path.exists():
        raise EvalError(f"{path}: no such gold file")
    if predictions is not None and task not in WRITES_PREDICTIONS:
        raise EvalError(f"task {task!r} does not write predictions (only: coref)")
    module = importlib.import_module(TASKS[task])
    extra = {"predictions": predictions} if predictions is not None else {}
    with only_split(split):
        report: EvalReport = module.evaluate(path, settings or Settings(), **extra)
    report.extra["split"] = split
    return report
