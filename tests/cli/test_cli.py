"""The command line: exit codes, formats, ingest idempotency and recorded failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
GOOD = "Rebel leaders met government envoys in Nairobi on Monday. The army attacked the rebels."


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("---\npublished: 2024-05-01\n---\n" + GOOD)
    (d / "b.jsonl").write_text(
        json.dumps({"text": "Police arrested ten protesters in Lagos.", "published": "2024-05-02"})
        + "\n{broken\n"
    )
    (d / "empty.txt").write_text("")
    (d / "blob.txt").write_bytes(b"\x00\xff\x00binary" * 10)
    return d


def test_cli_ingest_twice_keeps_counts_and_lists_three_failures(corpus, tmp_path, nlp):
    db = tmp_path / "s.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 1, first.output
    assert "2 articles" in first.output and "3 failures" in first.output
    stats1 = json.loads(runner.invoke(app, ["stats", "--db", str(db)]).output)
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    stats2 = json.loads(runner.invoke(app, ["stats", "--db", str(db)]).output)
    assert stats1["rows"] == stats2["rows"]
    assert stats1["rows"]["articles"] == 2 and stats1["rows"]["failures"] == 3


def test_cli_ingest_to_parquet_then_from_parquet_stores_the_same_rows(corpus, tmp_path, nlp):
    direct, loaded, shards = tmp_path / "d.duckdb", tmp_path / "l.duckdb", tmp_path / "shards"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(direct), "--workers", "1"])
    out = runner.invoke(
        app, ["ingest", str(corpus), "--out-parquet", str(shards), "--workers", "1"]
    )
    assert out.exit_code == 1 and str(shards) in out.output  # the three bad inputs
    back = runner.invoke(app, ["ingest", "--from-parquet", str(shards), "--db", str(loaded)])
    assert back.exit_code == 0, back.output
    rows = [
        json.loads(runner.invoke(app, ["stats", "--db", str(d)]).output)["rows"]
        for d in (direct, loaded)
    ]
    assert rows[0] == rows[1] and rows[1]["articles"] == 2 and rows[1]["failures"] == 3


def test_cli_ingest_needs_paths_or_shards(tmp_path):
    assert runner.invoke(app, ["ingest", "--db", str(tmp_path / "s.duckdb")]).exit_code == 2


def test_cli_code_jsonl_prints_one_object_per_line(tmp_path, nlp):
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    res = runner.invoke(app, ["code", str(p), "--published", "2024-05-01", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    for line in res.output.splitlines():
        assert json.loads(line)["article_id"]


def test_cli_code_bad_date_is_a_usage_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(GOOD)
    res = runner.invoke(app, ["code", str(p), "--published", "23/02/2024"])
    assert res.exit_code == 2


def test_cli_schema_is_json():
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0 and json.loads(res.output)["title"] == "EventOut"


def test_cli_export_unknown_table_is_an_error(tmp_path, corpus, nlp):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    res = runner.invoke(app, ["export", "--db", str(db), "--table", "nope"])
    assert res.exit_code == 2 and "unknown table" in res.output


def test_cli_eval_unknown_task_is_an_error(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("{}\n")
    res = runner.invoke(app, ["eval", str(gold), "--task", "nope"])
    assert res.exit_code == 2 and "unknown task" in res.output


def test_cli_export_plover_and_gdelt_have_one_row_per_stored_event(tmp_path, corpus, nlp):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    ours = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    plover = runner.invoke(app, ["export", "--db", str(db), "--format", "plover"]).output
    gdelt = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt"]).output
    ids = [json.loads(line)["id"] for line in ours]
    assert ids and [json.loads(line)["event_id"] for line in plover.splitlines()] == ids
    assert [row.split("\t")[0] for row in gdelt.splitlines()[1:]] == ids
