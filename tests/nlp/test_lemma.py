"""The lemmatizer by look-up sets the lemmas spaCy's own rule lemmatizer sets, token for token."""

from __future__ import annotations

from collections.abc import Callable

import numpy
import pytest
from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.lemma import CachedLemmatizer

Before = Callable[[str, str], Doc]
TEXTS = (
    "The envoys were meeting in Cairo; talks went on and the mediators said they'd met twice.",
    "Hamas's leaders rejected the better offers, calling them worse than the earliest drafts.",
    "LONDON (Reuters) - Troops fired on crowds.\n\nThree were killed, officials said on Friday.",
)


def test_lemmatizer_is_the_lookup_and_matches_spacy_token_for_token(
    nlp: Language, before: Before
) -> None:
    fast = nlp.get_pipe("lemmatizer")
    assert isinstance(fast, CachedLemmatizer)
    for text in TEXTS * 2:  # the second time from the cache
        doc = before("lemmatizer", text)
        ours, theirs = fast(doc.copy()), fast.lemmatizer(doc.copy())
        assert numpy.array_equal(ours.to_array([LEMMA]), theirs.to_array([LEMMA]))
    lemmas = [t.lemma_ for t in fast(before("lemmatizer", TEXTS[0]))]
    assert "meet" in lemmas and "envoy" in lemmas and "talk" in lemmas


def test_lemmatizer_keeps_at_most_its_bound(
    nlp: Language, before: Before, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.nlp.lemma as lemma_module

    monkeypatch.setattr(lemma_module, "SEEN", 3)
    fast = nlp.get_pipe("lemmatizer")
    assert isinstance(fast, CachedLemmatizer)
    fresh = CachedLemmatizer(fast.lemmatizer)
    for text in TEXTS:
        doc = before("lemmatizer", text)
        ours, theirs = fresh(doc.copy()), fast.lemmatizer(doc.copy())
        assert numpy.array_equal(ours.to_array([LEMMA]), theirs.to_array([LEMMA]))
    assert len(fresh._seen) <= 3
