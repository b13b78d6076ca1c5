"""The optional learned fallback: sentence -> PLOVER type, mode, and a fallback Event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.errors import DataFileError
from eventwire.events import classify
from eventwire.events.classify import RULE, classify_mode, classify_sentence, fallback_event
from eventwire.events.ontology import PLOVER_TYPES, cameo_entry
from eventwire.nlp.parse import Parsed


@pytest.mark.parametrize(
    ("text", "ptype"),
    [
        ("Warplanes bombed the northern town overnight, killing twelve civilians.", "ASSAULT"),
        ("The foreign minister will travel to Oslo for talks with his counterpart.", "CONSULT"),
        ("The rebels rejected the government's offer outright.", "REJECT"),
        ("Police arrested twenty opposition activists.", "COERCE"),
        ("Thousands of workers went on strike to demand higher wages.", "PROTEST"),
    ],
)
def test_classify_sentence_gives_type_and_probability(text: str, ptype: str) -> None:
    got, prob = classify_sentence(text)
    assert got == ptype
    assert 1 / 16 < prob <= 1.0


@pytest.mark.parametrize("ptype", ["ASSAULT", "PROTEST", "AGREE"])
def test_classify_mode_is_a_mode_of_the_type(ptype: str) -> None:
    mode, share = classify_mode("Protesters and police clashed after the strike began.", ptype)
    assert mode is None or mode in PLOVER_TYPES[ptype]
    assert 0.0 <= share <= 1.0


def test_classify_fallback_event_builds_event_on_root_verb(parse: Callable[..., Parsed]) -> None:
    parsed = parse(
        "It rained. Warplanes bombed the northern town overnight, killing twelve civilians."
    )
    event = fallback_event(parsed, 1)
    assert event is not None
    assert (event.trigger.text, event.plover.type, event.sentence) == ("bombed", "ASSAULT", 1)
    assert parsed.article.text[event.trigger.start : event.trigger.end] == "bombed"
    assert event.provenance.rule == RULE
    entry = cameo_entry(event.cameo)
    assert (entry.plover_type, event.quad, event.goldstein) == (
        "ASSAULT",
        entry.quad,
        entry.goldstein,
    )
    assert event.confidence >= 0.5


def test_classify_fallback_event_respects_threshold_and_index(parse: Callable[..., Parsed]) -> None:
    parsed = parse("Warplanes bombed the northern town overnight.")
    assert fallback_event(parsed, 0, min_prob=1.01) is None
    assert fallback_event(parsed, 7) is None


def test_classify_missing_weights_raise_data_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(classify, "WEIGHTS", "no_such_weights.npz")
    classify._models.cache_clear()
    try:
        with pytest.raises(DataFileError, match="no_such_weights.npz"):
            classify_sentence("anything")
    finally:
        classify._models.cache_clear()
