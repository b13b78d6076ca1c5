"""A bad input fails only itself: the batch goes on, is stored, and the failure is recorded."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
GOOD = "Rebel leaders met government envoys in Nairobi on Monday."


def test_cli_ingest_bad_front_matter_date_is_recorded_and_the_rest_stored(tmp_path: Path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad.txt").write_text("---\npublished: 2024-13-45\n---\n" + GOOD)
    (src / "good.txt").write_text("---\npublished: 2024-05-01\n---\n" + GOOD)
    os.mkfifo(src / "pipe.txt")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 1, result.output  # 1: some inputs failed, each recorded
    assert "Traceback" not in result.output
    assert "EW105" in result.output and "2024-13-45" in result.output and "EW107" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db)]).output)
    assert stats["rows"]["articles"] == 1 and stats["rows"]["failures"] == 2


def test_cli_code_fifo_on_the_command_line_is_reported_not_awaited(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["code", str(fifo), "--format", "jsonl"])
    assert result.exit_code == 1 and "EW107" in result.output
