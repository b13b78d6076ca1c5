"""Peak memory and time of each phase of a full merge of an existing store (issue 18).

Usage: python benchmarks/merge_memory.py STORE.duckdb

Copies the store to a temporary file and merges every event there (`merge_db`), printing the
resident memory (now and peak, MiB) and the seconds before and after each phase: records and
TF-IDF context, blocking, pair scoring, clustering, writing. The store to try is one made by
`eventwire ingest` of the batch `benchmarks/survive.py` writes (the end-of-run merge is the
parent's peak). Figures are for reading; nothing is asserted. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.merge import engine
from eventwire.merge.store import merge_db

START = time.perf_counter()


def rss_mib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def log(what: str) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{time.perf_counter() - START:7.1f} s  rss {rss_mib():5d}  peak {peak:5d}  {what}")


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        log(f"before {name}")
        out = fn(*args, **kwargs)
        log(f"after {name}" + (f" ({len(out)})" if hasattr(out, "__len__") else ""))
        return out

    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store", type=Path)
    args = ap.parse_args()
    for name in ("context_of", "candidate_keys", "score_pairs", "average_linkage"):
        setattr(engine, name, timed(name, getattr(engine, name)))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "merge.duckdb"
        shutil.copy(args.store, work)
        log("start")
        summary = merge_db(work)
        log(f"done: {summary}")


if __name__ == "__main__":
    main()
