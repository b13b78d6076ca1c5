"""Rendering negotiations: the JSON of FORMAT.md, a table, and a readable timeline."""

from __future__ import annotations

import json
from typing import Any

from eventwire.negotiations.model import Mention, NegActor, Negotiation


def to_json(negs: list[Negotiation]) -> str:
    return json.dumps([n.model_dump(mode="json") for n in negs], indent=1, ensure_ascii=False)


def _names(actors: list[NegActor]) -> str:
    return ", ".join(a.name for a in actors) or "-"


def table_rows(negs: list[Negotiation]) -> list[dict[str, Any]]:
    return [
        {
            "id": n.id,
            "parties": _names(n.parties),
            "mediators": _names(n.mediators),
            "from": n.first_date or "",
            "to": n.last_date or "",
            "rounds": len(n.rounds),
            "proposals": len(n.proposals),
            "status": f"{n.status.value} ({n.status.as_of or '?'})",
        }
        for n in negs
    ]


def table(negs: list[Negotiation]) -> str:
    rows = table_rows(negs)
    if not rows:
        return "no negotiations in this store"
    cols = list(rows[0])
    width = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols}
    lines = ["  ".join(c.ljust(width[c]) for c in cols)]
    lines += ["  ".join(str(r[c]).ljust(width[c]) for c in cols) for r in rows]
    return "\n".join(lines)


def _cite(ms: list[Mention]) -> str:
    if not ms:
        return ""
    m = ms[0]
    grade = f", {m.attribution} source" if m.attribution else ""
    return f"  [{m.article_id}#{m.sentence}{grade}]"


def timeline_entries(n: Negotiation) -> list[tuple[str, str, str, list[Mention]]]:
    """(date, kind, what, evidence) for every dated part, in date order."""
    out: list[tuple[str, str, str, list[Mention]]] = []
    for r in n.rounds:
        out.append(
            (
                r.start,
                "round",
                f"talks at {r.venue}" + (f" until {r.end}" if r.end else ""),
                r.evidence,
            )
        )
    for p in n.proposals:
        for h in p.history:
            by = (
                f" (tabled by {_names(p.tabled_by)})"
                if p.tabled_by and h.fate == "proposed"
                else ""
            )
            out.append((h.date or "", "proposal", f"{p.family} {h.fate}{by}", h.evidence))
    for pos in n.positions:
        out.append((pos.date or "", pos.kind, f"{pos.actor.name}: {pos.text}", pos.evidence))
    for t in n.threats:
        out.append((t.date or "", "threat", f"{t.actor.name}: {t.text}", t.evidence))
    for s in n.status_history:
        out.append((s.as_of or "", "status", f"{s.value} ({s.why})", s.evidence))
    return sorted(out, key=lambda e: e[0])


def timeline(n: Negotiation) -> str:
    head = [
        f"negotiation {n.id}: {n.title}",
        f"parties:   {_names(n.parties)}",
        f"mediators: {_names(n.mediators)}",
        f"venues:    {', '.join(v.name for v in n.venues) or '-'}",
        f"status:    {n.status.value} as of {n.status.as_of or '?'} ({n.status.why})",
        "",
    ]
    body = [
        f"{d or '????-??-??'}  {kind:<9} {what}{_cite(ev)}"
        for d, kind, what, ev in timeline_entries(n)
    ]
    return "\n".join(head + body)
