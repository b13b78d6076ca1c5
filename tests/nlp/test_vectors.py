"""The tok2vec rows the parse keeps for the events back-off (`nlp.vectors`)."""

from __future__ import annotations

import numpy as np
from spacy.language import Language

import eventwire
from eventwire.nlp.bounds import join_docs
from eventwire.nlp.parse import parse_articles
from eventwire.nlp.vectors import ROWS, keep_rows, model_key, row

TEXT = "Rebel fighters vacated the hilltop positions on Sunday, a spokesman said."


def test_vectors_parse_keeps_verb_and_object_rows_under_the_model_key(nlp: Language) -> None:
    doc = next(parse_articles([eventwire.Article.make(TEXT)])).doc
    assert doc.tensor.size == 0  # the tensor itself is dropped
    key = model_key(nlp)
    verb = next(t for t in doc if t.lower_ == "vacated")
    obj = next(t for t in doc if t.lower_ == "positions")
    fresh = nlp(TEXT).tensor
    for tok in (verb, obj):
        kept = row(tok, key)
        assert kept is not None and kept.dtype == np.float32
        assert np.allclose(kept, fresh[tok.i], atol=1e-2)  # float16 of the same row
    the = next(t for t in doc if t.lower_ == "the")
    assert row(the, key) is None  # not a verb or an object: not kept
    assert row(verb, "en_some_other_model-1.0") is None  # another build's weights never read it


def test_vectors_doc_without_tensor_keeps_nothing(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)  # not run through tok2vec
    keep_rows(doc, model_key(nlp))
    assert ROWS not in doc.user_data


def test_vectors_joined_chunks_keep_their_rows_at_shifted_offsets(nlp: Language) -> None:
    key = model_key(nlp)
    first, second = nlp("Talks stalled in Cairo. "), nlp(TEXT)
    want = second.tensor[next(t.i for t in second if t.lower_ == "vacated")].copy()
    for doc in (first, second):
        keep_rows(doc, key)
    joined = join_docs([first, second])
    verb = next(t for t in joined if t.lower_ == "vacated")
    assert verb.i == len(first) + 2
    kept = row(verb, key)
    assert kept is not None and np.allclose(kept, want, atol=1e-2)
