"""The trained attribution tagger (issue 15): shipped weights, decoding, the merged output."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution.tagger import (
    CUE_MODEL,
    ROLE_MODEL,
    load_tagger,
    runs,
    tag_attributions,
)
from eventwire.errors import ModelNotFoundError
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


@pytest.mark.parametrize(
    ("name", "labels"),
    [(CUE_MODEL, {"B-CUE", "I-CUE", "O"}), (ROLE_MODEL, {"B-SRC", "I-SRC", "B-CON", "O"})],
)
def test_tagger_shipped_weights_load_with_their_labels(name: str, labels: set[str]) -> None:
    assert labels <= set(load_tagger(name).labels())


def test_tagger_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_model.crfsuite"):
        load_tagger("no_such_model.crfsuite")


def test_tagger_runs_split_at_each_begin_and_after_a_gap() -> None:
    tags = ["O", "B-CON", "I-CON", "B-CON", "O", "I-CON", "I-CON", "B-SRC"]
    assert runs(tags, "CON") == [(1, 2), (3, 3), (5, 6)]
    assert runs(tags, "SRC") == [(7, 7)]


def test_tagger_tags_a_reported_statement(parse: Parse) -> None:
    text = (
        "The harbour master said on Monday that the ferry service would resume in March "
        "after the repairs."
    )
    found = tag_attributions(parse(text), [])
    said = [a for a in found if a.cue is not None and "said" in a.cue.text]
    assert len(said) == 1
    a = said[0]
    assert a.speaker is not None and "harbour master" in a.speaker.text
    assert any("ferry service would resume" in c.text for c in a.content)
    assert a.kind == "named"


def test_tagger_keeps_an_anonymous_source_kind(parse: Parse) -> None:
    text = (
        "The convoy was stopped at the border crossing, two officials who asked not to be "
        "named told reporters."
    )
    found = [a for a in tag_attributions(parse(text), []) if a.speaker is not None]
    assert any(a.kind == "anonymous" and "officials" in a.speaker.text for a in found)


def test_tagger_sentence_with_no_report_has_no_attribution(parse: Parse) -> None:
    assert tag_attributions(parse("The river rose by two metres overnight."), []) == []
