"""Render events for the terminal and for scripts: table, json, jsonl, csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum

from eventwire.model import Event
from eventwire.store.export import event_jsonl, event_record


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


CSV_COLUMNS = [
    "article_id",
    "sentence",
    "source",
    "event",
    "cameo",
    "target",
    "third_party",
    "where",
    "when",
    "status",
    "according_to",
    "trigger",
    "confidence",
]


def _who(ev: Event, role: str) -> str:
    return "; ".join(
        p.text + (f" [{p.actor.country or '?'}{''.join(p.actor.sector)}]" if p.actor else "")
        for p in ev.participants
        if p.role == role
    )


def summary_row(ev: Event) -> dict[str, str]:
    """One line per event: who did what to whom, where, when, whether, on whose word."""
    att = ev.attribution
    speaker = att.speaker.text if att and att.speaker else ""
    return {
        "article_id": ev.article_id,
        "sentence": str(ev.sentence),
        "source": _who(ev, "source"),
        "event": f"{ev.plover.type}{'/' + ev.plover.mode if ev.plover.mode else ''}",
        "cameo": ev.cameo,
        "target": _who(ev, "target"),
        "third_party": _who(ev, "third_party"),
        "where": (ev.location.name or ev.location.text) if ev.location else "",
        "when": (ev.date.value + ("*" if ev.date.source == "publication" else ""))
        if ev.date
        else "",
        "status": ev.status,
        "according_to": f"{speaker} ({att.kind})" if att else "",
        "trigger": ev.trigger.text,
        "confidence": f"{ev.confidence:.2f}",
    }


def render_events(events: Iterable[Event], fmt: Format, *, header: bool = True) -> str:
    """Text for the chosen format (the table is rendered by `print_table`)."""
    events = list(events)
    if fmt is Format.jsonl:
        return "".join(event_jsonl(e) + "\n" for e in events)
    if fmt is Format.json:
        return json.dumps([event_record(e) for e in events], ensure_ascii=False, indent=2) + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    if header:
        writer.writeheader()
    for e in events:
        writer.writerow(summary_row(e))
    return buf.getvalue()


def print_table(events: Iterable[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="eventwire events", show_lines=False, expand=True)
    columns = [
        ("sentence", "#"),
        ("source", "who"),
        ("event", "did what"),
        ("cameo", "CAMEO"),
        ("target", "to whom"),
        ("third_party", "mediators/3rd"),
        ("where", "where"),
        ("when", "when"),
        ("status", "status"),
        ("according_to", "according to"),
    ]
    for _, label in columns:
        table.add_column(label, overflow="fold")
    for e in events:
        row = summary_row(e)
        table.add_row(*(row[key] for key, _ in columns))
    import shutil

    Console(width=max(shutil.get_terminal_size((160, 40)).columns, 160)).print(table)
