"""The store: migrations, idempotent writes, failures, exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.model import (
    ActorRef,
    Article,
    Coded,
    Event,
    Failure,
    Participant,
    Plover,
    Sentence,
    Span,
)
from eventwire.store.duck import Store
from eventwire.store.queries import export_table, store_stats


def coded(text: str = "Hamas met Egyptian mediators.") -> Coded:
    art = Article.make(text, source="t")
    ev = Event(
        id=f"{art.id}-0",
        article_id=art.id,
        sentence=0,
        text=text,
        trigger=Span(text="met", start=6, end=9),
        plover=Plover(type="CONSULT"),
        cameo="040",
        participants=[
            Participant(
                role="source",
                text="Hamas",
                start=0,
                end=5,
                actor=ActorRef(
                    id="hamas", name="Hamas", country="PSE", sector=["REB"], kind="group"
                ),
            )
        ],
    )
    return Coded(
        article=art, sentences=[Sentence(index=0, start=0, end=len(text), text=text)], events=[ev]
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "t.duckdb"


def test_store_migrations_apply_once(db):
    with Store(db) as s:
        assert s.migrate() == []
        assert s.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] >= 1


def test_store_rewrite_is_idempotent(db):
    with Store(db) as s:
        s.write(coded())
        first = s.counts()
        s.write(coded())
        assert s.counts() == first
        assert first["events"] == 1 and first["participants"] == 1


def test_store_failures_are_kept_once(db):
    f = Failure(input="x.txt", stage="ingest", code="EW102", reason="x.txt: empty")
    with Store(db) as s:
        s.write_failure(f)
        s.write_failure(f)
        assert s.counts()["failures"] == 1


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_store_export_formats(db, tmp_path, fmt):
    with Store(db) as s:
        s.write(coded())
    out = tmp_path / f"e.{fmt}"
    export_table(db, fmt=fmt, output=out)
    assert out.stat().st_size > 0
    if fmt == "jsonl":
        rec = json.loads(out.read_text().splitlines()[0])
        assert (
            rec["plover"]["type"] == "CONSULT"
            and rec["participants"][0]["actor"]["country"] == "PSE"
        )


def test_store_stats_counts_types(db):
    with Store(db) as s:
        s.write(coded())
    assert store_stats(db)["events_by_type"] == {"CONSULT": 1}


def test_store_missing_db_is_a_clear_error(tmp_path):
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="no such store"):
        store_stats(tmp_path / "absent.duckdb")


def test_store_write_many_keeps_the_last_coding_of_an_article_given_twice():
    from eventwire.model import Article, Coded, Sentence

    art = Article.make("Envoys met in Cairo.")
    one = Coded(article=art, sentences=[Sentence(index=0, start=0, end=20, text=art.text)])
    two = Coded(article=art, sentences=[])
    with Store(":memory:") as store:
        store.write_many([one, two])
        assert store.counts()["articles"] == 1 and store.counts()["sentences"] == 0
        store.write_many([one])
        assert store.counts()["sentences"] == 1
