"""Ingest runs: resume skips what is stored, a pool codes like one process, one writer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.coding import ingest_paths
from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.model import Article
from eventwire.scale import code_batch, get_executor
from eventwire.store.duck import Store

TEXTS = [
    "Government envoys met rebel leaders in Nairobi on Monday.",
    "Police arrested dozens of protesters in the capital on Friday.",
    "The army shelled villages near the border, officials said.",
    "Mediators proposed a ceasefire to both delegations in Doha.",
    "The ministry denied that troops had crossed the frontier.",
]


def _corpus(tmp_path: Path, texts: list[str] = TEXTS) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(text)
    return folder


def _rows(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


def test_run_rerun_skips_articles_already_coded(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    first = ingest_paths([folder], db=db)
    again = ingest_paths([folder], db=db)
    assert (first.articles, first.skipped) == (5, 0)
    assert (again.articles, again.skipped) == (0, 5)
    assert _rows(db)["articles"] == 5


def test_run_rerun_codes_only_what_changed_or_is_new(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    ingest_paths([folder], db=db)
    (folder / "0.txt").write_text("---\npublished: 2024-03-01\n---\n" + TEXTS[0])  # new date
    (folder / "9.txt").write_text("Rebels freed two hostages in the north on Sunday.")
    again = ingest_paths([folder], db=db)
    assert (again.articles, again.skipped) == (2, 4)
    assert _rows(db)["articles"] == 6


def test_run_recode_forces_every_article(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    ingest_paths([folder], db=db)
    forced = ingest_paths([folder], db=db, recode=True)
    assert (forced.articles, forced.skipped) == (5, 0)


def test_run_a_different_coder_codes_again(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    ingest_paths([folder], db=db)
    other = ingest_paths([folder], db=db, settings=Settings(attach_publication_date=False))
    assert (other.articles, other.skipped) == (5, 0)


def test_run_kill_between_batches_then_rerun_loses_and_duplicates_nothing(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    clean_db = tmp_path / "clean.duckdb"
    ingest_paths([folder], db=clean_db)
    # a run that stored only its first batch of two before it stopped
    partial = Settings(batch_size=2)
    with Store(db) as store:
        from eventwire.store.resume import coder_version

        first = [Article.make(t, input=str(folder / f"{n}.txt")) for n, t in enumerate(TEXTS[:2])]
        store.write_many(code_batch(first, partial).coded, coder_version(partial))
    resumed = ingest_paths([folder], db=db, settings=partial)
    assert (resumed.articles, resumed.skipped) == (3, 2)
    assert _rows(db) == _rows(clean_db)


def _merged(db: Path) -> tuple[int, int]:
    with Store(db, read_only=True) as store:
        return (
            int(store.con.execute("SELECT count(*) FROM merged_mentions").fetchone()[0]),  # type: ignore[index]
            int(store.con.execute("SELECT count(*) FROM merged_events").fetchone()[0]),  # type: ignore[index]
        )


def test_run_rerun_merges_what_a_killed_run_stored_but_did_not_merge(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    clean_db = tmp_path / "clean.duckdb"
    ingest_paths([folder], db=clean_db)
    with Store(db) as store:  # killed after its first batch was committed, before the merge
        from eventwire.store.resume import coder_version

        first = [Article.make(t, input=str(folder / f"{n}.txt")) for n, t in enumerate(TEXTS[:2])]
        store.write_many(code_batch(first).coded, coder_version(Settings()))
    resumed = ingest_paths([folder], db=db)
    assert resumed.skipped == 2
    assert _merged(db) == _merged(clean_db) and _merged(db)[0] > 0


def test_run_pool_codes_like_one_process(tmp_path, nlp):
    articles = [Article.make(t) for t in TEXTS]
    batches = [articles[:2], articles[2:4], articles[4:]]
    local = list(get_executor("local").map_batches(code_batch, batches))
    pooled = list(get_executor("pool", workers=2, in_flight=2).map_batches(code_batch, batches))
    assert [[c.article.id for c in b.coded] for b in pooled] == [
        [c.article.id for c in b.coded] for b in local
    ]
    assert [e.id for b in pooled for e in b.events] == [e.id for b in local for e in b.events]


@pytest.mark.slow
def test_run_ingest_with_two_workers_stores_every_article_once(tmp_path, nlp):
    folder, db = _corpus(tmp_path), tmp_path / "s.duckdb"
    summary = ingest_paths([folder], db=db, workers=2, settings=Settings(batch_size=2))
    assert summary.articles == 5 and _rows(db)["articles"] == 5


def test_run_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys; c=duckdb.connect({str(db)!r}); print('locked', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="another process is using this store"):
            ingest_paths([_corpus(tmp_path)], db=db)
    finally:
        holder.communicate("")


@pytest.mark.ray
def test_run_ingest_on_ray_stores_what_one_process_stores(tmp_path, nlp):
    folder = _corpus(tmp_path)
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    ingest_paths([folder], db=local_db, settings=Settings(batch_size=2))
    on_ray = ingest_paths(
        [folder], db=ray_db, executor="ray", workers=2, settings=Settings(batch_size=2)
    )
    assert on_ray.articles == 5 and _rows(ray_db) == _rows(local_db)


def test_run_ingest_stores_the_digests_made_where_the_batches_were_coded(tmp_path, nlp):
    from eventwire.negotiations.store import refresh
    from eventwire.scale.run import RunOptions, run_ingest

    db = tmp_path / "s.duckdb"
    articles = [Article.make(t, input=f"{n}.txt") for n, t in enumerate(TEXTS)]
    tally = run_ingest(articles, RunOptions(db=db, settings=Settings(batch_size=2)))
    with Store(db) as store:  # before the ingest's end (finish_store): already there
        n = store.con.execute("SELECT count(*) FROM negotiation_digests").fetchone()
        assert tally.articles == 5 and n == (5,)
        assert refresh(store) == 0


def test_run_code_for_store_on_the_pool_gives_the_rows_of_one_process(nlp):
    from eventwire.scale import code_for_store

    articles = [Article.make(t) for t in TEXTS]
    batches = [articles[:2], articles[2:]]
    local = list(get_executor("local").map_batches(code_for_store, batches))
    pooled = list(get_executor("pool", workers=2).map_batches(code_for_store, batches))
    assert [r.ids for r in pooled] == [r.ids for r in local]  # type: ignore[union-attr]
    assert [r.digests for r in pooled] == [r.digests for r in local]  # type: ignore[union-attr]
    assert [r.tables["events"].to_pylist() for r in pooled] == [  # type: ignore[union-attr]
        r.tables["events"].to_pylist()  # type: ignore[union-attr]
        for r in local
    ]


def test_run_one_worker_beside_the_writer_stores_what_one_process_stores(
    tmp_path, nlp, monkeypatch
):
    from eventwire.scale import run

    monkeypatch.setattr(run, "default_workers", lambda: 2)  # a core to spare, whatever runs this
    articles = [Article.make(t, input=f"{n}.txt") for n, t in enumerate(TEXTS)]
    settings = Settings(batch_size=2)
    assert run.rows_here(run.choose_executor(run.RunOptions(settings=settings), len(articles)))
    dbs = {"here": tmp_path / "here.duckdb", "pool": tmp_path / "pool.duckdb"}
    run.run_ingest(articles, run.RunOptions(db=dbs["here"], settings=settings))  # no total: here
    run.run_ingest(articles, run.RunOptions(db=dbs["pool"], settings=settings), len(articles))
    stored = {}
    for name, db in dbs.items():
        with Store(db, read_only=True) as store:
            stored[name] = (
                store.counts(),
                store.con.execute("SELECT id, plover_type FROM events ORDER BY id").fetchall(),
                store.con.execute(
                    "SELECT article_id, digest FROM negotiation_digests ORDER BY article_id"
                ).fetchall(),
            )
    assert stored["pool"] == stored["here"] and len(stored["here"][2]) == len(TEXTS)
