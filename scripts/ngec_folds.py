"""Split ngec-synthetic/train.jsonl into a `study` fold and a `measure` fold (issue 13).

The stories come in groups written from one headline template ("{country_1} pledges to
increase cooperation", about 14 stories each), so a split by story id would put the same
template, with the same wording, on both sides. The split is therefore by a fixed hash of the
headline template: every story of a template is in the same fold. Stories that are also in
ngec-synthetic/dev.jsonl are left out of both folds (dev has its own tune/check split).

    measure: templates whose sha256 (first 8 hex digits, mod 1000) is below MEASURE_BELOW
             (about 970 stories): never read, only scored;
    study:   the other templates (about 2140 stories): read its misses, train on it.

Usage: .venv/bin/python scripts/ngec_folds.py [--shared ../shared] [--out /tmp]
then   eventwire eval /tmp/ngec-measure.jsonl --task plover --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURE_BELOW = 320  # of 1000 template-hash buckets


def bucket(template: str) -> int:
    """The template's fixed hash bucket, 0..999."""
    return int(hashlib.sha256(template.encode("utf-8")).hexdigest()[:8], 16) % 1000


def fold(story: dict[str, object]) -> str:
    """'measure' or 'study' for one train story."""
    template = str(story.get("headline_template") or story.get("headline") or story["id"])
    return "measure" if bucket(template) < MEASURE_BELOW else "study"


def stories(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def split(shared: Path) -> dict[str, list[dict[str, object]]]:
    """The two folds, in train-file order, without the dev stories."""
    base = shared / "eval" / "ngec-synthetic"
    dev = {str(s["id"]) for s in stories(base / "dev.jsonl")}
    out: dict[str, list[dict[str, object]]] = {"study": [], "measure": []}
    for story in stories(base / "train.jsonl"):
        if str(story["id"]) not in dev:
            out[fold(story)].append(story)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("/tmp"))
    args = ap.parse_args()
    for name, rows in split(args.shared).items():
        path = args.out / f"ngec-{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} stories -> {path}")


if __name__ == "__main__":
    main()
