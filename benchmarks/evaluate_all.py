"""Run `eventwire eval` on every dev set in shared/eval and write EVALUATION.md.

Usage: python benchmarks/evaluate_all.py --shared ../shared --out EVALUATION.md [--only geo,timex]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

from eventwire.eval import evaluate

RUNS = [  # (gold set, task, headline keys)
    (
        "plover-gsr",
        "plover",
        [
            "type_accuracy",
            "type_macro_f1",
            "mode_accuracy",
            "source_country_accuracy",
            "target_country_accuracy",
            "source_sector_accuracy",
            "target_sector_accuracy",
        ],
    ),
    (
        "petr2-gsr",
        "cameo",
        [
            "root_accuracy",
            "code_accuracy",
            "triple_f1",
            "source_country_accuracy",
            "target_country_accuracy",
        ],
    ),
    ("petrarch-unittest", "cameo", ["root_accuracy", "code_accuracy", "triple_f1"]),
    ("conflibert-cameo", "cameo", ["root_accuracy", "root_accuracy_lenient"]),
    ("case2021-task2", "case2021", ["accuracy", "macro_f1", "coarse_accuracy"]),
    ("ngec-synthetic", "plover", ["type_accuracy", "type_macro_f1", "mode_accuracy"]),
    (
        "plover-gsr",
        "actors",
        [
            "source_country_accuracy",
            "target_country_accuracy",
            "source_sector_accuracy",
            "target_sector_accuracy",
        ],
    ),
    (
        "tempeval3",
        "timex",
        [
            "span_f1_strict",
            "span_f1_relaxed",
            "type_accuracy",
            "value_accuracy",
            "value_f1",
            "type_f1",
            "platinum_span_f1_strict",
            "platinum_span_f1_relaxed",
            "platinum_value_f1",
        ],
    ),
    (
        "geowebnews",
        "geo",
        ["tag_f1", "tag_f1_exact", "acc_161km", "acc_161km_e2e", "median_km", "unresolved"],
    ),
    (
        "lgl",
        "geo",
        ["tag_f1", "tag_f1_exact", "acc_161km", "acc_161km_e2e", "median_km", "unresolved"],
    ),
    (
        "trnews",
        "geo",
        ["tag_f1", "tag_f1_exact", "acc_161km", "acc_161km_e2e", "median_km", "unresolved"],
    ),
    (
        "polnear",
        "attribution",
        ["source_f1", "cue_f1", "content_f1", "source_exact", "cue_exact", "content_exact"],
    ),
]


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "n/a" if v is None else str(v)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="EVALUATION.md")
    ap.add_argument("--json", default="benchmarks/results/eval.json")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    results = json.loads(Path(args.json).read_text()) if Path(args.json).exists() else {}
    for gold, task, _ in RUNS:
        if only and task not in only and gold not in only:
            continue
        path = Path(args.shared) / "eval" / gold / "dev.jsonl"
        t0 = time.perf_counter()
        report = evaluate(path, task)
        results[f"{gold}:{task}"] = {
            **report.as_json(),
            "seconds": round(time.perf_counter() - t0, 1),
            "examples": report.examples[:5],
        }
        print(
            f"{gold} {task}: " + ", ".join(f"{k}={_fmt(v)}" for k, v in report.metrics.items()),
            flush=True,
        )
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    Path(args.out).write_text(render(results))


def render(results: dict[str, dict[str, object]]) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    now = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        "# Evaluation",
        "",
        f"Produced by `make eval` (`benchmarks/evaluate_all.py`, which calls `eventwire eval` on each "
        f"`../shared/eval/*/dev.jsonl`) on {now}, code at commit `{commit}` (figures measured on the "
        "working tree of that commit). Raw output: `benchmarks/results/eval.json`.",
        "",
    ]
    for gold, task, keys in RUNS:
        r = results.get(f"{gold}:{task}")
        if not r:
            continue
        lines += [
            f"## {gold} — `eventwire eval ../shared/eval/{gold}/dev.jsonl --task {task}`",
            "",
            f"{r.get('n_items')} items, {r.get('seconds')} s.",
            "",
            "| metric | value |",
            "|---|---|",
        ]
        lines += [f"| `{k}` | {_fmt(r.get(k))} |" for k in keys if k in r]
        extra = [
            k
            for k in r
            if k not in keys and isinstance(r[k], (int, float)) and k not in ("n_items", "seconds")
        ]
        lines += [f"| `{k}` | {_fmt(r[k])} |" for k in extra]
        if r.get("misses"):
            lines += [
                "",
                "Misses by cause: " + ", ".join(f"{k} {v}" for k, v in sorted(r["misses"].items())),
            ]  # type: ignore[union-attr]
        lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
