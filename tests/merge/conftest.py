"""Fixtures of the merge tests: a helper writing hand-made rows into a store, and one reading
the merged events back as groups of mention ids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.store.duck import Store


@pytest.fixture
def groups() -> Callable[[Path], list[list[str]]]:
    """groups(db): the mention ids of each merged event, sorted, in sorted order."""
    return _groups


def _groups(path: Path) -> list[list[str]]:
    with Store(path) as store:
        rows = store.con.execute(
            "SELECT list(event_id ORDER BY event_id) FROM merged_mentions GROUP BY merged_id"
        ).fetchall()
    return sorted(r[0] for r in rows)


@pytest.fixture
def add() -> Callable[..., None]:
    """add(store, event_id, article_id, outlet, **columns): one article with one event."""
    return _add


def _add(store: Store, eid: str, article: str, outlet: str, **cols: object) -> None:
    """One article with one event; actors as (role, actor id) or (role, actor id, country)."""
    actors = cols.pop("actors", (("source", "EGY"), ("target", "QAT")))
    store.con.execute(
        "INSERT OR IGNORE INTO articles (id, source, published, text) VALUES (?,?,?,?)",
        [article, outlet, cols.pop("published", "2024-03-05"), "text"],
    )
    row = {
        "id": eid,
        "article_id": article,
        "sentence": 0,
        "sentence_text": "Egyptian and Qatari mediators met in Cairo on Tuesday.",
        "trigger_text": "met",
        "trigger_start": 0,
        "trigger_end": 3,
        "plover_type": "CONSULT",
        "cameo": "040",
        "status": "occurred",
        "date_value": "2024-03-05",
        "location_name": "Cairo",
        "lat": 30.04,
        "lon": 31.24,
        "attribution_kind": "named",
        **cols,
    }
    names = ", ".join(f'"{k}"' for k in row)
    store.con.execute(
        f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    for i, (role, actor, *country) in enumerate(actors):  # type: ignore[attr-defined]
        store.con.execute(
            "INSERT INTO participants (event_id, article_id, idx, role, actor_id, country) "
            "VALUES (?,?,?,?,?,?)",
            [eid, article, i, role, actor, country[0] if country else None],
        )
