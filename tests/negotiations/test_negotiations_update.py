"""Updates on ingest: stored digests, and a new report extending its negotiation."""

from __future__ import annotations

from eventwire.negotiations import build
from eventwire.negotiations.store import load_or_build, refresh
from tests.negotiations.handmade import store_of, write
from tests.negotiations.test_negotiations_build import EXPIRED, EXTENDED, SIGNED


def test_refresh_digests_only_new_articles():
    store = store_of(SIGNED, EXTENDED)
    assert refresh(store) == 2
    assert refresh(store) == 0
    write(store, [EXPIRED])
    assert refresh(store) == 1


def test_new_report_extends_its_negotiation():
    store = store_of(SIGNED, EXTENDED)
    refresh(store)
    (before,) = load_or_build(store)
    write(store, [EXPIRED])
    refresh(store)
    (after,) = load_or_build(store)
    assert after.id == before.id
    assert after.articles == [*before.articles, "a3"]
    assert (before.status.value, after.status.value) == ("agreement", "collapsed")


def test_stored_digests_build_what_a_full_read_builds():
    store = store_of(SIGNED, EXTENDED, EXPIRED)
    refresh(store)
    assert load_or_build(store) == build(store)


def test_recoded_article_gets_a_fresh_digest():
    store = store_of(SIGNED, EXTENDED)
    refresh(store)
    store.con.execute("UPDATE articles SET coded_at = coded_at + INTERVAL 1 HOUR WHERE id = 'a2'")
    assert refresh(store) == 1


def test_store_without_digests_still_builds():
    store = store_of(SIGNED, EXTENDED)
    assert [n.articles for n in load_or_build(store)] == [["a1", "a2"]]
