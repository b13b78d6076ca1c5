"""Whole series through the pipeline: ingest, build, score with the shared scorer (slow)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from eventwire.coding import ingest_paths
from eventwire.negotiations import build
from eventwire.store.duck import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
SERIES = SHARED / "eval" / "negotiations"

pytestmark = pytest.mark.slow


def _scorer() -> ModuleType:
    path = SERIES / "score_negotiations.py"
    if not path.exists():
        pytest.skip("../shared/eval/negotiations is not here")
    spec = importlib.util.spec_from_file_location("score_negotiations", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _store(tmp_path: Path, *paths: Path) -> Store:
    db = tmp_path / "s.duckdb"
    ingest_paths([str(p) for p in paths], db=db)
    return Store(db, read_only=True)


@pytest.mark.parametrize(
    "series",
    [
        HERE / "series" / "congo-truce",
        HERE / "series" / "yemen-truce",
        HERE / "series" / "colombia-talks",
    ],
)
def test_negotiations_own_series_scores_well(tmp_path, series):
    scorer = _scorer()
    with _store(tmp_path, *sorted(series.glob("*.txt"))) as store:
        out = [n.model_dump(mode="json") for n in build(store)]
    result = scorer.score(json.loads((series / "expected.json").read_text()), out)
    assert result["score"] >= 0.9, [c for c in result["checks"] if not c["met"]]


def test_negotiations_mixed_store_keeps_one_negotiation_per_series(tmp_path):
    if not SERIES.exists():
        pytest.skip("../shared/eval/negotiations is not here")
    gaza = sorted((SERIES / "gaza-2024").glob("*.txt"))
    grain = sorted((SERIES / "black-sea-grain-2022").glob("*.txt"))
    extra = [ROOT / "samples", SHARED / "examples"]
    with _store(tmp_path, *gaza, *grain, *extra) as store:
        ids = {
            str(r[0]): str(r[1])
            for r in store.con.execute("SELECT id, input FROM articles").fetchall()
        }
        negs = build(store)
    by_input = {n.id: sorted(ids[a] for a in n.articles) for n in negs}
    holding = [n for n, inputs in by_input.items() if any("gaza-2024" in i for i in inputs)]
    assert len(holding) == 1 and all(
        "gaza-2024" in i or "examples" in i for i in by_input[holding[0]]
    )
    holding = [n for n, inputs in by_input.items() if any("black-sea" in i for i in inputs)]
    assert len(holding) == 1 and all("black-sea" in i for i in by_input[holding[0]])
    # reports that hold no talks (a threat, an attack) are in no negotiation
    everywhere = [i for inputs in by_input.values() for i in inputs]
    assert not [i for i in everywhere if "02_ukraine_threat" in i or "03_sahel_attack" in i]
