"""The hostile corpus (scripts/make_hostile_corpus.py): every bad input reported with its code,
every good one stored, nothing else lost."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventwire.coding import ingest_paths
from eventwire.store.duck import Store

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_hostile_corpus.py"


def _make(folder: Path) -> dict[str, str | None]:
    spec = importlib.util.spec_from_file_location("make_hostile_corpus", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected: dict[str, str | None] = module.make(folder)
    return expected


@pytest.mark.slow
def test_hostile_corpus_reports_each_bad_input_and_stores_each_good_one(tmp_path, nlp):
    folder = tmp_path / "hostile"
    expected = _make(folder)
    summary = ingest_paths([folder], db=tmp_path / "s.duckdb")
    got = {str(Path(f.input).relative_to(folder)): f.code for f in summary.failure_records}
    assert got == {name: code for name, code in expected.items() if code}
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        inputs = {
            str(Path(r["input"]).relative_to(folder))
            for r in store.query("SELECT input FROM articles")
        }
    assert inputs == {name for name, code in expected.items() if code is None}
