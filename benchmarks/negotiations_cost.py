"""Cost of building negotiations against the cost of coding the same articles (issue 17).

Usage: python benchmarks/negotiations_cost.py [--shared ../shared] [--articles 10000]

Codes the negotiation series, samples/ and the shared example once (the coding cost per
article, model already loaded), then copies their stored rows under new ids up to --articles articles and times
(a) digesting every article and building the negotiations from scratch, (b) building them
again from the stored digests, (c) adding one report. Coding 10k articles is not repeated:
its cost is the measured per-article coding time times the number of articles. Prints one
JSON object; the ratio build / coding is the figure of the issue (target < 0.10).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from eventwire.coding import ingest_paths
from eventwire.negotiations.store import load_or_build, refresh
from eventwire.store.duck import Store

ROOT = Path(__file__).resolve().parent.parent
CHILD_TABLES = ("sentences", "actor_mentions", "timexes", "places", "events", "participants")


def inputs(shared: Path) -> list[str]:
    series = shared / "eval" / "negotiations"
    files = sorted(series.glob("*/*.txt")) + sorted(
        (ROOT / "tests/negotiations/series").glob("*/*.txt")
    )
    return [str(p) for p in files] + [str(ROOT / "samples"), str(shared / "examples")]


def replicate(store: Store, copies: int) -> None:
    """Copy every stored article `copies` times under ids '<id>~<n>' (rows, not recoding)."""
    con = store.con
    con.execute("CREATE TEMP TABLE n AS SELECT range AS k FROM range(1, ?)", [copies])
    con.execute(
        "INSERT INTO articles SELECT a.id || '~' || n.k AS id, a.* EXCLUDE (id) FROM articles a, n "
        "WHERE a.id NOT LIKE '%~%'"
    )
    for t in CHILD_TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
        sel = ", ".join(
            "x.article_id || '~' || n.k"
            if c == "article_id"
            else (
                "x.event_id || '~' || n.k"
                if c == "event_id"
                else ("x.id || '~' || n.k" if c == "id" else f'x."{c}"')
            )
            for c in cols
        )
        con.execute(f"INSERT INTO {t} SELECT {sel} FROM {t} x, n WHERE x.article_id NOT LIKE '%~%'")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        import eventwire

        eventwire.code_text("Envoys met in Cairo on Friday, officials said.")  # model loaded once
        t0 = time.perf_counter()
        summary = ingest_paths(inputs(args.shared), db=db)
        coding = time.perf_counter() - t0
        per_article = coding / max(summary.articles, 1)
        with Store(db) as store:
            store.con.execute("DELETE FROM negotiation_digests")
            copies = max(1, args.articles // max(summary.articles, 1))
            replicate(store, copies)
            n = int(store.con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
            t0 = time.perf_counter()
            refresh(store)
            negs = load_or_build(store)
            full = time.perf_counter() - t0
            t0 = time.perf_counter()
            load_or_build(store)
            cached = time.perf_counter() - t0
            store.con.execute("DELETE FROM negotiation_digests WHERE article_id LIKE '%~1'")
            t0 = time.perf_counter()
            refresh(store)
            load_or_build(store)
            one_more = time.perf_counter() - t0
    coding_n = per_article * n
    print(json.dumps({
        "articles": n,
        "coding_seconds_per_article": round(per_article, 4),
        "coding_seconds_estimated": round(coding_n, 1),
        "build_from_scratch_seconds": round(full, 2),
        "build_from_stored_digests_seconds": round(cached, 2),
        "refresh_after_new_reports_seconds": round(one_more, 2),
        "ratio_build_to_coding": round(full / coding_n, 4),
        "ratio_cached_build_to_coding": round(cached / coding_n, 4),
        "negotiations": len(negs),
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
