"""Memory per worker on a large batch of mixed sizes, and the work a kill costs (issue 18).

Usage: python benchmarks/survive.py --shared ../shared [--articles 10000] [--kill-articles 2000]
       [--workers 2] [--json]

1. Writes a batch of distinct articles of mixed sizes to a temporary folder: the ngec-synthetic
   train stories (short), the PolNeAR train and dev articles (long), pairs of ngec stories
   joined into one article (medium) until `--articles` is reached, and one 800 kB run-on text
   with no sentence end (the input a bad PDF extraction gives).
2. `eventwire ingest --workers N` of the whole batch into a fresh store, sampling every process
   of the run (the parent, the fork server and the workers, read from /proc) for its peak
   resident memory (VmHWM): the figure the issue bounds is the largest worker's.
3. On the first `--kill-articles` of the batch: a clean ingest, then the same ingest into a
   second store killed with SIGKILL halfway through (by the clean run's wall time), then run
   again: the rerun must skip every article the killed run committed.
   "Redone" is the share of committed articles the rerun coded again; the final store must hold
   what the clean run's does (articles and events), so nothing was lost or duplicated.

Figures are for reading (BENCHMARKS.md); nothing is asserted. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent
PUBLISHED = "2024-03-01"
RUN_ON_BYTES = 800_000


def _texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as rows:
        return [str(json.loads(line)["text"]) for line in rows if line.strip()]


def write_corpus(shared: Path, n: int, folder: Path, run_on: int = RUN_ON_BYTES) -> dict[str, int]:
    """Distinct articles of mixed sizes, one file each; returns how many of each kind."""
    short = _texts(shared / "eval/ngec-synthetic/train.jsonl")
    long_ = _texts(shared / "eval/polnear/train.jsonl") + _texts(shared / "eval/polnear/dev.jsonl")
    kinds = {"run_on": 1, "long": 0, "short": 0, "joined": 0}
    (folder / "000000_run_on.txt").write_bytes(
        (b"the rebels and the army and " * (run_on // 28 + 1))[:run_on]
    )
    made, seen = 1, set()

    def put(kind: str, text: str) -> None:
        nonlocal made
        if made >= n or text in seen:
            return
        seen.add(text)
        (folder / f"{made:06d}_{kind}.txt").write_text(text, encoding="utf-8")
        kinds[kind] += 1
        made += 1

    # interleave, so any prefix of the batch (and every worker's share) mixes the sizes
    for i, text in enumerate(short):
        put("short", text)
        if i < len(long_):
            put("long", long_[i])
    step = 1
    while made < n and step < len(short):
        for i in range(0, len(short) - step, 2):
            put("joined", short[i] + "\n\n" + short[i + step])
        step += 1
    return kinds


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _hwm_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else None


class Sampler(threading.Thread):
    """Peak memory (VmHWM) of a process and all its descendants, sampled until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.done = root, threading.Event()
        self.peaks: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.is_set():
            tree, todo = _children(), [self.root]
            while todo:
                pid = todo.pop()
                todo.extend(tree.get(pid, []))
                hwm = _hwm_mib(pid)
                if hwm is not None:
                    self.peaks[pid] = max(hwm, self.peaks.get(pid, 0.0))
            self.done.wait(0.2)


def ingest(
    folder: Path, db: Path, workers: int, kill_after: float | None = None
) -> dict[str, float]:
    """One `eventwire ingest` run: wall seconds, peak MiB of the parent and the largest child."""
    cmd = [str(BIN / "eventwire"), "ingest", str(folder), "--db", str(db)]
    cmd += ["--workers", str(workers), "--published", PUBLISHED]
    start = time.perf_counter()
    run = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = Sampler(run.pid)
    sampler.start()
    killed = False
    try:
        out, _ = run.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(run.pid, signal.SIGKILL)
        for pid in list(sampler.peaks):  # the fork server and workers die with their parent's pipe,
            if pid != run.pid:  # but do not wait for them to notice
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        out, _ = run.communicate()
        killed = True
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    children = [mib for pid, mib in sampler.peaks.items() if pid != run.pid]
    found = re.search(r"(\d+) articles, (\d+) events, (\d+) failures, (\d+) skipped", out or "")
    articles, events, failures, skipped = (
        (int(g) for g in found.groups()) if found else (0, 0, 0, 0)
    )
    return {
        "wall_s": round(wall, 1),
        "killed": killed,
        "parent_peak_mib": round(sampler.peaks.get(run.pid, 0.0)),
        "largest_child_peak_mib": round(max(children, default=0.0)),
        "processes": len(sampler.peaks),
        "articles": articles,
        "events": events,
        "failures": failures,
        "skipped": skipped,
    }


def stored(db: Path) -> dict[str, int]:
    from eventwire.store.duck import Store

    with Store(db, read_only=True) as store:
        return dict(store.counts())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kill-articles", type=int, default=2_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--run-on-bytes", type=int, default=RUN_ON_BYTES)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        kinds = write_corpus(args.shared, args.articles, folder, args.run_on_bytes)
        size = sum(p.stat().st_size for p in folder.iterdir())
        clean = ingest(folder, Path(tmp) / "all.duckdb", args.workers)
        part = Path(tmp) / "part"
        part.mkdir()
        for path in sorted(folder.iterdir())[: args.kill_articles]:
            (part / path.name).write_bytes(path.read_bytes())
        part_clean = ingest(part, Path(tmp) / "clean.duckdb", args.workers)
        killed_db = Path(tmp) / "killed.duckdb"
        killed = ingest(part, killed_db, args.workers, kill_after=part_clean["wall_s"] / 2)
        at_kill = stored(killed_db) if killed_db.exists() else {}
        rerun = ingest(part, killed_db, args.workers)
        committed = int(at_kill.get("articles", 0))
        result = {
            "articles": sum(kinds.values()),
            "kinds": kinds,
            "megabytes": round(size / 1e6, 1),
            "workers": args.workers,
            "clean": clean,
            "kill_articles": min(args.kill_articles, sum(kinds.values())),
            "part_clean": part_clean,
            "clean_stored": stored(Path(tmp) / "clean.duckdb"),
            "killed": killed,
            "committed_at_kill": committed,
            "rerun": rerun,
            "redone_share": round((committed - rerun["skipped"]) / committed, 4)
            if committed
            else None,
            "after_rerun_stored": stored(killed_db),
        }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    c, r = result["clean"], result["rerun"]
    print(
        f"{result['articles']} articles ({result['megabytes']} MB: {kinds}), --workers {args.workers}\n"
    )
    print(
        f"- clean ingest: {c['wall_s']} s, {c['articles']} articles, {c['events']} events, "
        f"{c['failures']} failures; peak RSS: largest worker {c['largest_child_peak_mib']} MiB, "
        f"parent {c['parent_peak_mib']} MiB (goal: < 1024 per worker)"
    )
    print(
        f"- the first {result['kill_articles']} articles: clean ingest {part_clean['wall_s']} s; "
        f"the same ingest killed (SIGKILL) at {killed['wall_s']} s with {committed} articles committed; rerun: "
        f"{r['articles']} coded, {r['skipped']} skipped, {r['wall_s']} s; "
        f"redone share of the committed work: {result['redone_share']} (goal: < 0.05)"
    )
    same = result["after_rerun_stored"] == result["clean_stored"]
    print(
        f"- store after the rerun {'equals' if same else 'DIFFERS from'} the clean run's: "
        f"{result['after_rerun_stored']} vs {result['clean_stored']}"
    )


if __name__ == "__main__":
    main()
