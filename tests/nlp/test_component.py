"""The spaCy component: `nlp.add_pipe("eventwire")` codes each Doc onto `doc._.eventwire`."""

from __future__ import annotations

from datetime import date

import spacy

from eventwire.model import Coded
from eventwire.nlp.parse import parse_text, sentences_of


def test_component_codes_doc_with_publication_date(nlp):
    local = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    local.add_pipe("eventwire", last=True)
    doc = local.make_doc("Rebels attacked an army base on Monday.")
    doc._.published = date(2024, 3, 6)
    for _, proc in local.pipeline:
        doc = proc(doc)
    coded = doc._.eventwire
    assert isinstance(coded, Coded)
    assert coded.article.published == date(2024, 3, 6)
    assert coded.article.text == doc.text
    # the back-off reads the verbs' tok2vec rows as on the CLI's docs, keyed on this model
    from eventwire.nlp.vectors import ROWS, model_key

    assert doc.user_data[ROWS][0] == model_key(local)
    assert doc.tensor.shape == (len(doc), 96)  # the user's tensor is left in place


def test_parse_sentences_point_into_the_text(nlp):
    parsed = parse_text("  Talks ended.\n\nTroops withdrew on Friday.  ")
    for s in parsed.sentences:
        assert parsed.article.text[s.start : s.end] == s.text
    assert [s.index for s in sentences_of(parsed.doc)] == [0, 1]
