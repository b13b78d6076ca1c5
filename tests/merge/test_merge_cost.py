"""What keeps a large merge cheap: small records, pairs scored in index order, no cycle
collection during a merge (and the collector as it was afterwards), and the benchmark's feed
of fixed density."""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.merge.engine import score_pairs
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import Context, load_weights
from eventwire.merge.store import merge_db
from eventwire.store.duck import Store

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "merge_scale.py"


def test_a_record_has_no_attribute_dict_and_cannot_be_changed() -> None:
    r = MentionRecord(id="e1", doc="a1", trigger="met", actors={"source": ("EGY",)})
    assert not hasattr(r, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.trigger = "talks"  # type: ignore[misc]
    assert r == MentionRecord(id="e1", doc="a1", trigger="met", actors={"source": ("EGY",)})
    assert MentionRecord(id="e2", doc="a2").actors == {}


def test_pairs_are_scored_in_index_order_and_each_pair_once() -> None:
    records = [
        MentionRecord(id=f"e{n}", doc=f"a{n}", trigger="met", lemma="met", plover_type="CONSULT")
        for n in range(6)
    ]
    pairs = {(4, 5), (0, 3), (1, 2), (0, 1), (2, 5)}
    edges = score_pairs(records, pairs, Context(), load_weights("store_weights.json"))
    assert list(edges) == sorted(pairs)
    assert all(0.0 < p < 1.0 for p in edges.values())
    assert len({edges[p] for p in pairs}) == 1  # the same evidence on every pair: one score


@pytest.mark.parametrize("enabled", [True, False])
def test_a_merge_leaves_the_cycle_collector_as_it_found_it(
    tmp_path: Path, add: Callable[..., Any], enabled: bool
) -> None:
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        add(store, "e1", "a1", "Outlet One")
        add(store, "e2", "a2", "Outlet Two")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        merge_db(db)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("merge_scale", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("merge_scale", module)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_feed_keeps_its_density_as_the_store_grows() -> None:
    bench = _bench()
    assert bench.span_days(100_000) == 730
    assert bench.span_days(10_000) == 73  # ten times fewer events: ten times fewer days
    assert bench.span_days(10) == 7  # at least a week
