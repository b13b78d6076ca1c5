"""What a merged event says: one value per field chosen by evidence, and every variant kept.

A variant's evidence: how many distinct outlets report it, then the best attribution among its
mentions (named > agency > anonymous > unsourced), then the latest report (a later correction
wins a tie). Where mentions disagree, every variant stays with the ids of its mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

ATTRIBUTION_RANK = {"named": 3, "agency": 2, "anonymous": 1, "unsourced": 0}
Row = Mapping[str, Any]

FIELDS: dict[str, Callable[[Row], str | None]] = {
    "type": lambda r: r.get("plover_type"),
    "status": lambda r: r.get("status"),
    "date": lambda r: r.get("date_value"),
    "place": lambda r: r.get("location_name"),
    "source_actors": lambda r: r.get("source_actors") or None,
    "target_actors": lambda r: r.get("target_actors") or None,
}


def _rank(row: Row) -> int:
    kind = row.get("attribution_kind")
    return ATTRIBUTION_RANK.get(str(kind), 0) if kind else 0


def variants(rows: Sequence[Row], field: str) -> list[dict[str, Any]]:
    """Distinct values of one field with their mentions, the best-evidenced first."""
    get = FIELDS[field]
    groups: dict[str, list[Row]] = {}
    for r in rows:
        value = get(r)
        if value is not None and value != "":
            groups.setdefault(str(value), []).append(r)
    out = [
        {
            "value": value,
            "mentions": sorted(str(r["id"]) for r in group),
            "outlets": len({r.get("outlet") or r.get("article_id") for r in group}),
            "best_attribution": max(_rank(r) for r in group),
            "latest": max(str(r.get("published") or "") for r in group),
        }
        for value, group in groups.items()
    ]
    # more outlets, then better attribution, then the later report (a correction wins a tie)
    out.sort(key=lambda v: (v["outlets"], v["best_attribution"], v["latest"]), reverse=True)
    return out


def summarise(rows: Sequence[Row]) -> dict[str, Any]:
    """Chosen value per field, the variants of the fields where reports disagree, and counts."""
    chosen: dict[str, str | None] = {}
    disagreements: dict[str, list[dict[str, Any]]] = {}
    for field in FIELDS:
        vs = variants(rows, field)
        chosen[field] = vs[0]["value"] if vs else None
        if len(vs) > 1:
            disagreements[field] = vs
    published = sorted(str(r["published"]) for r in rows if r.get("published"))
    return {
        "chosen": chosen,
        "disagreements": disagreements,
        "n_mentions": len(rows),
        "n_outlets": len({r.get("outlet") or r.get("article_id") for r in rows}),
        "n_sources": len({r.get("speaker_text") for r in rows if r.get("speaker_text")}),
        "first_report": published[0] if published else None,
        "last_report": published[-1] if published else None,
    }
