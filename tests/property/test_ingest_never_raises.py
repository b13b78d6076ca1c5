"""Ingest never raises on arbitrary bytes: it yields articles or failures."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_inputs
from eventwire.model import Article, Failure


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(max_size=300),
    suffix=st.sampled_from([".txt", ".jsonl", ".html", ".rss", ".bin"]),
)
def test_property_ingest_never_raises(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    for item in read_inputs([path]):
        assert isinstance(item, (Article, Failure))
