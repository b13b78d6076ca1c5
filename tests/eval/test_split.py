"""The tune/check split: fixed by item id, about one third check, and honoured by every scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.eval.base import only_split, read_jsonl, split_of


def test_split_is_a_pure_function_of_the_id() -> None:
    ids = [f"set:{i}" for i in range(3000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    share = first.count("check") / len(first)
    assert 0.30 < share < 0.37
    assert set(first) == {"tune", "check"}


def test_read_jsonl_keeps_only_the_chosen_split(tmp_path: Path) -> None:
    gold = tmp_path / "dev.jsonl"
    gold.write_text("\n".join(json.dumps({"id": f"x:{i}"}) for i in range(300)) + "\n")
    every = [it["id"] for it in read_jsonl(gold)]
    with only_split("tune"):
        tune = [it["id"] for it in read_jsonl(gold)]
    with only_split("check"):
        check = [it["id"] for it in read_jsonl(gold)]
    assert sorted(tune + check) == sorted(every)
    assert not set(tune) & set(check)
    assert all(split_of(i) == "check" for i in check)
    # outside the block every item comes back
    assert len(list(read_jsonl(gold))) == 300


def test_an_unknown_split_is_an_error_naming_it() -> None:
    with pytest.raises(EvalError, match="'dev'"), only_split("dev"):
        pass


def test_events_per_item_counts_every_coded_event_over_the_items() -> None:
    from eventwire.eval.base import events_per_item

    assert events_per_item([["a", "b"], [], ["c"]]) == 1.0
    assert events_per_item([["a", "b", "c"], ["d"]]) == 2.0
    assert events_per_item([]) == 0.0


def test_model_event_share_counts_the_back_off_events_over_all_coded() -> None:
    from types import SimpleNamespace

    from eventwire.eval.base import model_event_share

    def ev(rule: str) -> SimpleNamespace:
        return SimpleNamespace(provenance=SimpleNamespace(rule=rule))

    model = ev("events.backoff:model:trigger-lr:0.61")  # as backoff_drafts writes it
    lexicon = ev("events.triggers:verb:shell")
    assert model_event_share([[model, lexicon], [], [lexicon, lexicon]]) == 0.25  # type: ignore[list-item]
    assert model_event_share([[lexicon]]) == 0.0  # type: ignore[list-item]
    assert model_event_share([]) == 0.0
