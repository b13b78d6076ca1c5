"""Plain-text rendering of an `EvalReport` with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventwire.eval.base import EvalReport


def print_report(report: EvalReport) -> None:
    console = Console()
    console.print(f"[bold]{report.task}[/] on {report.path} ({report.n_items} items)")
    metrics = Table("metric", "value")
    for k, v in report.metrics.items():
        metrics.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
    console.print(metrics)
    if report.per_label:
        per = Table("label", "precision", "recall", "f1", "support", title="per label")
        for lab, m in sorted(report.per_label.items()):
            per.add_row(
                lab,
                *(f"{m.get(k, 0):.3f}" for k in ("precision", "recall", "f1")),
                str(int(m.get("support", 0))),
            )
        console.print(per)
    if report.misses:
        console.print(
            "misses by cause: " + ", ".join(f"{k}={v}" for k, v in sorted(report.misses.items()))
        )
    failures = report.extra.get("failures")
    if failures:
        console.print(
            f"[red]articles that failed to code: {failures}[/] {report.extra.get('failure_reasons', '')}"
        )
    for ex in report.examples[:10]:
        console.print(f"  - {ex}")
