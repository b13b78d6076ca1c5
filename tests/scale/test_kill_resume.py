"""kill -9 during an ingest, then rerun: nothing lost, nothing duplicated, little redone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.coding import ingest_paths
from eventwire.config import Settings
from eventwire.store.duck import Store

CITIES = ["Cairo", "Doha", "Nairobi", "Geneva", "Oslo", "Muscat", "Amman", "Lima", "Quito", "Baku"]
# Runs an ingest that says when each batch is committed, so the test kills it at a known point.
RUNNER = """
import sys
from eventwire.coding import ingest_paths
from eventwire.config import Settings
from eventwire.store.duck import Store

write_rows = Store.write_rows
def announce(self, batch):
    write_rows(self, batch)
    print("committed", flush=True)
Store.write_rows = announce
ingest_paths([sys.argv[1]], db=sys.argv[2], settings=Settings(batch_size=4))
"""


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        return store.counts()


@pytest.mark.slow
def test_kill_mid_batch_then_rerun_redoes_only_the_uncommitted(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        city = CITIES[n % len(CITIES)]
        (folder / f"{n:02d}.txt").write_text(f"Envoys met rebel leaders in {city} on day {n}.")
    clean, db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    ingest_paths([folder], db=clean, settings=Settings(batch_size=4))
    run = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(folder), str(db)], stdout=subprocess.PIPE, text=True
    )
    assert run.stdout is not None
    for _ in range(3):
        assert run.stdout.readline().strip() == "committed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    run.stdout.close()
    again = ingest_paths([folder], db=db, settings=Settings(batch_size=4))
    assert again.skipped >= 12 and again.articles + again.skipped == 40
    assert again.articles <= 40 - 12
    assert _counts(db) == _counts(clean)
