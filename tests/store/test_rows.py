"""Prepared rows (`store.rows.store_rows`): what a worker hands the one writer."""

from __future__ import annotations

import pickle
from datetime import date

from eventwire.coding import code_articles
from eventwire.model import Article
from eventwire.negotiations.store import digest_rows, refresh, version
from eventwire.store.duck import Store
from eventwire.store.rows import batch_rows, store_rows

TALKS = [
    "Egyptian and Qatari mediators met Hamas and Israeli negotiators in Cairo on Monday to "
    "discuss a ceasefire proposal. The mediators said a deal was close. Israel rejected the "
    "proposal on Tuesday, officials said.",
    "Government envoys met rebel leaders in Nairobi on Monday for talks on a truce, "
    "Kenyan officials said. The rebels demanded the release of prisoners.",
    "Police arrested dozens of protesters in the capital on Friday.",
]


def _coded():  # type: ignore[no-untyped-def]
    articles = [Article.make(t, published=date(2024, 3, 4), source="Wire") for t in TALKS]
    return code_articles(articles).coded


def _digests(store: Store) -> dict[str, str]:
    rows = store.con.execute("SELECT article_id, digest FROM negotiation_digests").fetchall()
    return {str(a): str(d) for a, d in rows}


def test_rows_write_rows_stores_what_write_many_stores(nlp):
    coded = _coded()
    with Store(":memory:") as one, Store(":memory:") as two:
        one.write_many(coded, "coder-1")
        two.write_rows(pickle.loads(pickle.dumps(store_rows(coded, "coder-1"))))
        assert one.counts() == two.counts() and one.counts()["events"] > 0
        assert one.event_records() == two.event_records()
        sql = "SELECT id, content_hash, coder FROM articles ORDER BY id"
        assert one.query(sql) == two.query(sql)


def test_rows_digests_from_rows_equal_the_digests_refresh_reads_from_the_store(nlp):
    coded = _coded()
    _, tables = batch_rows(coded)
    made = dict(digest_rows(tables))
    with Store(":memory:") as store:
        store.write_many(coded)
        assert refresh(store) == len(coded)
        assert made == _digests(store)
    assert any('"relevant":true' in d for d in made.values())


def test_rows_digests_go_in_with_their_articles_and_refresh_finds_them_fresh(nlp):
    coded = _coded()
    with Store(":memory:") as store:
        store.write_rows(store_rows(coded, digester=digest_rows, digest_version=version()))
        assert set(_digests(store)) == {c.article.id for c in coded}
        assert refresh(store) == 0
        store.write_many(coded[:1])  # coded again: its digest is stale now
        assert refresh(store) == 1


def test_rows_a_batch_given_twice_keeps_its_last_coding(nlp):
    one, two = _coded()[:2]
    again = one.model_copy(update={"events": []})
    rows = store_rows([one, two, again])
    assert rows.ids == [one.article.id, two.article.id]
    assert rows.coded == [one.article.id, two.article.id, one.article.id]
    assert rows.tables["articles"].num_rows == 2
    with Store(":memory:") as store:
        store.write_rows(rows)
        n = store.con.execute(
            "SELECT count(*) FROM events WHERE article_id = ?", [one.article.id]
        ).fetchone()
        assert n == (0,)
