"""The back-off's context vectors (issue 13): the model with tok2vec rows types a content verb
only on docs parsed by the model build its weights were trained on."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

import eventwire.events.backoff as backoff
from eventwire.nlp.parse import Parsed, load_nlp
from eventwire.nlp.vectors import model_key

Parse = Callable[..., Parsed]
CLASSES = ["AID", "ASSAULT", "PROTEST", "RETREAT"]


def sparse_stub() -> backoff.Model:
    """Sure of ASSAULT for the verb 'vacate'."""
    coef = np.zeros((4, 1), dtype=np.float32)
    coef[1, 0] = 20.0
    return backoff.Model({"v=vacate": 0}, coef, np.zeros(4, dtype=np.float32), CLASSES)


def vector_stub(key: str) -> backoff.Model:
    """No parse features; any context vector points hard at RETREAT."""
    coef = np.zeros((4, 0), dtype=np.float32)
    dense_coef = np.zeros((4, 192), dtype=np.float32)
    dense_coef[3, :] = 1.0
    mean = np.full(192, -100.0, dtype=np.float32)  # every standardised value is large
    dense = backoff.Dense(key, dense_coef, mean, np.ones(192, dtype=np.float32), 1.0)
    return backoff.Model({}, coef, np.zeros(4, dtype=np.float32), CLASSES, dense)


def _verb(parse: Parse) -> object:
    doc = parse("Rebel fighters vacated the hilltop positions on Sunday.").doc
    return next(t for t in doc if t.lower_ == "vacated")


def test_backoff_vectors_type_comes_from_the_vector_model_on_its_own_build(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", sparse_stub)
    monkeypatch.setattr(backoff, "load_vector_model", lambda: vector_stub(model_key(load_nlp())))
    ptype, prob = backoff.classify(_verb(parse))  # type: ignore[arg-type]
    assert ptype == "RETREAT"
    assert prob > 0.99  # the parse features' probability: the thresholds were measured on it


def test_backoff_vectors_other_model_build_falls_back_to_parse_features(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", sparse_stub)
    monkeypatch.setattr(backoff, "load_vector_model", lambda: vector_stub("en_other-9.9"))
    assert backoff.classify(_verb(parse))[0] == "ASSAULT"  # type: ignore[arg-type]


def test_backoff_vectors_shipped_weights_name_the_default_model_build() -> None:
    model = backoff.load_vector_model()
    assert model.dense is not None
    assert model.dense.key == model_key(load_nlp())
    assert model.dense.coef.shape == (len(model.classes), 192)
    assert model.classes == backoff.load_model().classes


def test_backoff_vectors_context_vector_is_verb_then_object(parse: Parse) -> None:
    verb = _verb(parse)
    vec = backoff.context_vector(verb, model_key(load_nlp()))  # type: ignore[arg-type]
    assert vec is not None and vec.shape == (192,)
    assert np.any(vec[96:] != 0)  # "positions" is the object
    assert backoff.context_vector(verb, "en_other-9.9") is None  # type: ignore[arg-type]
