"""Append the cross-report and scale figures to BENCHMARKS.md (after `benchmarks/speed.py`).

Usage: python benchmarks/more.py --shared ../shared --out BENCHMARKS.md [--only scale,merge,negotiations]

Runs, each in its own process and one after the other on this machine: `scale.py` (issue 18:
workers, resume, peak memory), `survive.py` (issue 18: peak memory per worker on 10k articles
with the 800 kB run-on, the work redone after a kill), `merge_scale.py` (issue 14: merging 1k and 10k stored events)
and `negotiations_cost.py` (issue 17: building negotiations against coding the articles). Each
script's own output goes under its heading, as it printed it; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

SECTIONS = {  # key -> (heading, script, extra arguments)
    "scale": (  # 1000 articles: enough for steady state; start-up is reported on its own
        "Scale: workers, resume and memory (issue 18)",
        "scale.py",
        ["--articles", "1000", "--ray"],
    ),
    "survive": (
        "Memory per worker on 10k articles of mixed sizes, and a kill mid-batch (issue 18)",
        "survive.py",
        ["--articles", "10000", "--kill-articles", "2000"],
    ),
    "merge": ("Merging event mentions across reports (issue 14)", "merge_scale.py", ["--json"]),
    "negotiations": (
        "Building negotiations against coding the articles (issue 17)",
        "negotiations_cost.py",
        ["--articles", "10000"],
    ),
}


def run(script: str, args: list[str], shared: str) -> tuple[str, float, int]:
    """The script's stdout, its wall time and exit status."""
    cmd = [sys.executable, str(HERE / script), *args]
    if script != "merge_scale.py":
        cmd += ["--shared", shared]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    out = done.stdout.strip() or done.stderr.strip()[-2000:]
    return out, time.perf_counter() - t0, done.returncode


def as_markdown(out: str) -> str:
    """A JSON answer becomes a fenced, indented block; Markdown is kept as printed."""
    try:
        return "```json\n" + json.dumps(json.loads(out), indent=1) + "\n```"
    except ValueError:
        return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    parts = []
    for key, (heading, script, extra) in SECTIONS.items():
        if only and key not in only:
            continue
        out, seconds, rc = run(script, extra, args.shared)
        status = "" if rc == 0 else f" (exit status {rc}: the figures are incomplete)"
        parts += [
            f"## {heading}",
            "",
            f"`python benchmarks/{script} {' '.join(extra)}`, {seconds:.0f} s wall{status}:",
            "",
            as_markdown(out),
            "",
        ]
        print(f"{script}: {seconds:.0f} s, exit {rc}", flush=True)
    models = sorted(
        p
        for p in (HERE.parent / "src" / "eventwire" / "data").rglob("*")
        if p.suffix in (".crfsuite", ".npz", ".joblib", ".pkl")
    )
    if models and not only:
        parts += ["## Shipped model files", "", "| file | size |", "|---|---|"]
        parts += [
            f"| `{m.relative_to(HERE.parent)}` | {m.stat().st_size / 1e6:.2f} MB |" for m in models
        ]
        parts.append("")
    path = Path(args.out)
    path.write_text(path.read_text().rstrip() + "\n\n" + "\n".join(parts))


if __name__ == "__main__":
    main()
