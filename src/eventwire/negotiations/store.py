"""Negotiations kept up to date on ingest: each article's digest is stored once.

A new or re-coded report adds (or replaces) one digest; building the negotiations then
groups the stored digests, which is cheap next to reading every article again. A digest is
stale when its article was re-coded or the cue lists changed (`version`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import duckdb
from pydantic import TypeAdapter

from eventwire.negotiations.build import assemble
from eventwire.negotiations.digest import READING, Digest, digest
from eventwire.negotiations.facts import ArticleFacts, facts_of_rows, load_articles
from eventwire.negotiations.model import Negotiation
from eventwire.store.duck import Store

_ADAPTER: TypeAdapter[Digest] = TypeAdapter(Digest)


@cache
def version() -> str:
    """Changes when the cue lists or the way digests are read change, so stored digests are
    rebuilt."""
    cues = resources.files("eventwire.data") / "negotiations" / "cues.tsv"
    return hashlib.sha1(cues.read_bytes() + READING.encode()).hexdigest()[:12]


def _has_table(store: Store) -> bool:
    try:
        store.con.execute("SELECT 1 FROM negotiation_digests LIMIT 0")
    except duckdb.Error:
        return False
    return True


def _stored(store: Store) -> dict[str, Digest]:
    if not _has_table(store):
        return {}
    rows = store.con.execute(
        "SELECT d.article_id, d.digest FROM negotiation_digests d JOIN articles a "
        "ON a.id = d.article_id AND a.coded_at = d.coded_at WHERE d.version = ?",
        [version()],
    ).fetchall()
    return {str(aid): _ADAPTER.validate_json(str(js)) for aid, js in rows}


def _fresh_ids(store: Store) -> set[str]:
    """The articles whose stored digest is fresh: ids only, since refreshing needs no digest."""
    if not _has_table(store):
        return set()
    rows = store.con.execute(
        "SELECT d.article_id FROM negotiation_digests d JOIN articles a "
        "ON a.id = d.article_id AND a.coded_at = d.coded_at WHERE d.version = ?",
        [version()],
    ).fetchall()
    return {str(r[0]) for r in rows}


def _coded_at(store: Store) -> dict[str, Any]:
    return {
        str(r[0]): r[1] for r in store.con.execute("SELECT id, coded_at FROM articles").fetchall()
    }


def refresh(store: Store) -> int:
    """Digest the articles that have no fresh stored digest; returns how many were made."""
    have = _fresh_ids(store)
    coded_at = _coded_at(store)
    todo = [a for a in coded_at if a not in have]
    made = [digest(a) for a in load_articles(store, todo)] if todo else []
    if made:
        store.con.execute(
            "DELETE FROM negotiation_digests WHERE article_id IN (SELECT id FROM _neg_ids)"
        )
        store.insert_rows(
            "negotiation_digests",
            ("article_id", "coded_at", "version", "digest"),
            [
                [d.article_id, coded_at[d.article_id], version(), _ADAPTER.dump_json(d).decode()]
                for d in made
            ],
        )
    return len(made)


def digest_rows(tables: Mapping[str, Sequence[Sequence[Any]]]) -> list[tuple[str, str]]:
    """(article id, digest JSON) of the articles of these store rows, as `refresh` stores them.

    Run where the batch was coded (a worker), so the ingest's writer only inserts them and
    `refresh` at the end finds them fresh. An article whose digest fails is left out: `refresh`
    digests it from the store, as it would have anyway.
    """
    out = []
    for facts in facts_of_rows(tables):
        made = _digest_or_none(facts)
        if made is not None:
            out.append((made.article_id, _ADAPTER.dump_json(made).decode()))
    return out


def _digest_or_none(facts: ArticleFacts) -> Digest | None:
    try:
        return digest(facts)
    except Exception:  # noqa: BLE001 - refresh digests it again, and reports what fails
        return None


def load_or_build(store: Store) -> list[Negotiation]:
    """The negotiations from stored digests, digesting in memory what is missing."""
    have = _stored(store)
    missing = [a for a in _coded_at(store) if a not in have]
    fresh = (
        {d.article_id: d for d in (digest(a) for a in load_articles(store, missing))}
        if missing
        else {}
    )
    everything = {**have, **fresh}
    ordered = sorted(
        everything.values(),
        key=lambda d: (
            d.published is None,
            d.published.isoformat() if d.published else "",
            d.article_id,
        ),
    )
    return assemble(ordered)
