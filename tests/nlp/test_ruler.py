"""The attribute ruler by look-up sets what spaCy's own ruler sets, token for token."""

from __future__ import annotations

from collections.abc import Callable

import numpy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.ruler import FastAttributeRuler, Unsupported, _Rules

Before = Callable[[str, str], Doc]
TEXTS = (
    "I ain't gonna lie: y'all got ta see 'em. Let's go, he gets it and she got it.",
    "You saw me, it hit you and I told them. Nothin' doin', somethin' goin' on, c'mon.",
    "'Nuff said, ol' man, we'll see.  The envoys (from Cairo) met on 3 May -- talks went on.",
    "LONDON (Reuters) - Hamas said on Friday it would send a delegation to Cairo.\n\nIt did.",
)
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def test_ruler_is_the_lookup_and_matches_spacy_token_for_token(
    nlp: Language, before: Before
) -> None:
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler)
    changed = 0
    for text in TEXTS:
        doc = before("attribute_ruler", text)
        given = doc.to_array(ATTRS)
        ours, theirs = fast(doc.copy()), fast.ruler(doc.copy())
        assert numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [
            (t.pos_, str(t.morph), t.lemma_) for t in theirs
        ]
        changed += int((ours.to_array(ATTRS) != given).sum())
    assert changed > 0  # the rules did set something


def test_ruler_two_token_exception_reaches_its_indexed_token(nlp: Language, before: Before) -> None:
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler)
    doc = before("attribute_ruler", "We are gonna win and let's see.")
    theirs = fast.ruler(doc.copy())
    ours = fast(doc.copy())
    lemmas = [t.lemma_ for t in ours]
    assert lemmas == [t.lemma_ for t in theirs]
    assert "go" in lemmas and "us" in lemmas  # "gon na" -> go, "let 's" -> us (index 1)


def test_ruler_refuses_patterns_it_cannot_match_exactly(nlp: Language) -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "talks", "OP": "+"}]], {"LEMMA": "talk"})
    with pytest.raises(Unsupported):
        _Rules(ruler)


def test_ruler_gives_the_same_values_when_its_cache_is_tiny(
    nlp: Language, before: Before, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.nlp.ruler as ruler_module

    monkeypatch.setattr(ruler_module, "SEEN", 2)  # cleared again and again
    fast = nlp.get_pipe("attribute_ruler")
    assert isinstance(fast, FastAttributeRuler)
    fresh = FastAttributeRuler(fast.ruler)
    for text in TEXTS:
        doc = before("attribute_ruler", text)
        ours, theirs = fresh(doc.copy()), fast.ruler(doc.copy())
        assert numpy.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
    assert len(fresh.rules._seen) <= 2
