"""Parquet shards: what an ingest writes as shards, loaded back, is what it stores directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.coding import ingest_paths, load_parquet
from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.scale.run import PARSE_BATCHES_PER_TASK
from eventwire.store.duck import Store
from eventwire.store.shards import MANIFEST, ShardWriter

TEXTS = [
    "Government envoys met rebel leaders in Nairobi on Monday.",
    "Police arrested dozens of protesters in the capital on Friday.",
    "The army shelled villages near the border, officials said.",
    "Mediators proposed a ceasefire to both delegations in Doha.",
    "Egyptian mediators met Hamas leaders in Cairo to discuss a ceasefire on Tuesday.",
]
TABLES = (
    "articles", "sentences", "actor_mentions", "events", "participants", "timexes", "places",
    "attributions", "failures", "merged_events", "merged_mentions", "negotiation_digests",
)  # fmt: skip
CLOCKS = {"coded_at", "recorded_at", "merged_at"}  # when a row was written, not what it says


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, text in enumerate(TEXTS):
        (folder / f"{n}.txt").write_text(text)
    (folder / "empty.txt").write_text("   \n")
    return folder


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()]
            keep = ", ".join(f'"{c}"' for c in cols if c not in CLOCKS)
            out[table] = sorted(
                store.con.execute(f"SELECT {keep} FROM {table}").fetchall(), key=repr
            )
        return out


def test_shards_loaded_back_equal_the_store_an_ingest_writes(tmp_path, nlp):
    folder, shards = _corpus(tmp_path), tmp_path / "shards"
    settings = Settings(batch_size=2)  # several shards per table
    direct = ingest_paths([folder], db=tmp_path / "direct.duckdb", settings=settings)
    written = ingest_paths([folder], out_parquet=shards, settings=settings)
    loaded = load_parquet(shards, db=tmp_path / "loaded.duckdb")
    assert (written.articles, written.failures) == (direct.articles, direct.failures) == (5, 1)
    assert (loaded.articles, loaded.events) == (direct.articles, direct.events)
    assert not (tmp_path / "eventwire.duckdb").exists()  # the shards were the only output
    got, want = _contents(tmp_path / "loaded.duckdb"), _contents(tmp_path / "direct.duckdb")
    assert got["events"] and got["merged_events"]
    assert got == want


def test_shards_manifest_lists_every_file_and_row(tmp_path, nlp):
    folder, shards = _corpus(tmp_path), tmp_path / "shards"
    ingest_paths([folder], out_parquet=shards, settings=Settings(batch_size=2))
    manifest = json.loads((shards / MANIFEST).read_text())
    articles = manifest["tables"]["articles"]
    per_shard = 2 * PARSE_BATCHES_PER_TASK  # one shard per executor batch
    assert articles["rows"] == 5 and len(articles["files"]) == -(-5 // per_shard) > 1
    assert all((shards / f).is_file() for t in manifest["tables"].values() for f in t["files"])
    assert manifest["tables"]["failures"]["rows"] == 1 and manifest["coder"]


def test_shards_loading_twice_replaces_and_never_duplicates(tmp_path, nlp):
    folder, shards, db = _corpus(tmp_path), tmp_path / "shards", tmp_path / "s.duckdb"
    ingest_paths([folder], out_parquet=shards)
    load_parquet(shards, db=db)
    once = _contents(db)
    load_parquet(shards, db=db)
    assert _contents(db) == once


def test_shards_are_never_written_over(tmp_path):
    ShardWriter(tmp_path / "shards").close()
    with pytest.raises(StoreError, match="already holds shards"):
        ShardWriter(tmp_path / "shards")


def test_shards_folder_without_a_manifest_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no readable shard manifest"):
        load_parquet(tmp_path, db=tmp_path / "s.duckdb")
