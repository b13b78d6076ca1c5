"""Random front matter and JSONL records: each bad field fails its own article, never the file."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_inputs
from eventwire.model import Article, Failure

FIELDS = st.sampled_from(["title", "published", "date", "source", "url", "text", "other"])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.dates().map(str),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.text(max_size=5), SCALARS, max_size=2),
)
LENIENT = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@LENIENT
@given(meta=st.dictionaries(FIELDS, VALUES, max_size=5))
def test_property_front_matter_gives_one_article_or_one_failure(tmp_path: Path, meta: dict) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\n" + yaml.safe_dump(meta) + "---\nEnvoys met in Doha.\n", encoding="utf-8")
    (item,) = read_inputs([path])
    assert isinstance(item, (Article, Failure)) and item.input == str(path)
    if isinstance(item, Failure):
        assert item.code.startswith("EW1")


@LENIENT
@given(records=st.lists(st.dictionaries(FIELDS, VALUES, max_size=5), min_size=1, max_size=6))
def test_property_each_jsonl_record_is_an_article_or_its_own_failure(
    tmp_path: Path, records: list[dict]
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = list(read_inputs([path]))
    assert [i.input for i in items] == [f"{path}:{n}" for n in range(1, len(records) + 1)]
    for record, item in zip(records, items, strict=True):
        good_text = isinstance(record.get("text"), str) and record["text"].strip()
        if not good_text:
            assert isinstance(item, Failure)
