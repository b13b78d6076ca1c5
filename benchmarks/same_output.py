"""Dump every record eventwire makes of a fixed set of articles, to diff before and after.

Usage: python benchmarks/same_output.py --shared ../shared --out before.jsonl [--articles 100]
A speed-up must leave the dump byte for byte the same (`cmp before.jsonl after.jsonl`):
actors, events, dates, places and attributions of PolNeAR dev and ngec-synthetic train texts.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path


def articles(shared: Path, n: int) -> list[tuple[str, date | None]]:
    """`n` PolNeAR dev texts (long news) and `n` ngec-synthetic train texts (short, dated)."""
    out: list[tuple[str, date | None]] = []
    for name, day in (
        ("polnear/dev.jsonl", None),
        ("ngec-synthetic/train.jsonl", date(2024, 1, 15)),
    ):
        with (shared / "eval" / name).open() as rows:
            for i, line in enumerate(rows):
                if i >= n:
                    break
                out.append((json.loads(line)["text"], day))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", required=True)
    ap.add_argument("--articles", type=int, default=100)
    args = ap.parse_args()
    from eventwire.coding import code_articles
    from eventwire.model import Article

    batch = code_articles(
        Article.make(text, published=day)
        for text, day in articles(Path(args.shared), args.articles)
    )
    with Path(args.out).open("w") as fh:
        for coded in batch.coded:
            fh.write(coded.model_dump_json() + "\n")
        for failure in batch.failures:
            fh.write(failure.model_dump_json() + "\n")
    print(f"{len(batch.coded)} coded, {len(batch.failures)} failures, {len(batch.events)} events")


if __name__ == "__main__":
    main()
