"""The learned back-off (issue 13): a model codes the content verb the lexicon does not know."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pytest

import eventwire.events.backoff as backoff
from eventwire.events import find_events
from eventwire.events.lexicon import PLOVER_TYPES, load_lexicon
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def stub_model() -> backoff.Model:
    """Four classes; the verb 'pulverise' points hard at ASSAULT, other words nowhere."""
    coef = np.zeros((4, 2), dtype=np.float32)
    coef[1, 0] = 20.0
    classes = ["AID", "ASSAULT", "PROTEST", "REJECT"]
    return backoff.Model({"v=pulverise": 0, "s=bridge": 1}, coef, np.zeros(4), classes)


def test_events_backoff_shipped_weights_load_with_plover_classes() -> None:
    model = backoff.load_model()
    assert set(model.classes) <= PLOVER_TYPES and len(model.classes) >= 10


def test_events_backoff_candidate_is_the_reported_content_verb(parse: Parse) -> None:
    sent = next(parse("The minister said the army had pulverised the camps.").doc.sents)
    tok = backoff.candidate(sent, set(load_lexicon().report))
    assert tok is not None and tok.lower_ == "pulverised"
    assert "o=camp" in backoff.features(tok)


def test_events_backoff_codes_an_unknown_verb_with_model_rule(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("The army pulverised the rebel camps overnight."), [])
    (ev,) = evs
    assert (ev.plover.type, ev.cameo[:2], ev.trigger.text) == ("ASSAULT", "19", "pulverised")
    assert re.fullmatch(r"events\.backoff:model:trigger-lr:[01]\.\d\d", ev.provenance.rule)
    assert ev.provenance.lexicon == backoff.WEIGHTS


def test_events_backoff_stays_silent_below_its_threshold(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    assert find_events(parse("The villagers admired the old bridge."), []) == []


def test_events_backoff_leaves_a_lexicon_event_alone(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("Rebels shelled the town on Monday."), [])
    assert [e.provenance.rule.split(":")[0] for e in evs] == ["events.triggers"]
