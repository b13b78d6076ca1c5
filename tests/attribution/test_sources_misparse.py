"""Sources when the parser hangs the speaker on the quotation before the cue.

The parses here are written out by hand (as the small English model produces them for some
sentences), so the rule is tested whatever a given model version does with our wording.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.attribution.cues import Cue
from eventwire.attribution.sources import source_token

# ''Partners, but rivals,'' Ana Ruiz, the head of staff, said.
WORDS = ["''", "Partners", ",", "but", "rivals", ",", "''", "Ana", "Ruiz", ",", "the", "head"]
WORDS += ["of", "staff", ",", "said", "."]
HEADS = [1, 15, 1, 1, 1, 4, 4, 8, 4, 8, 11, 8, 11, 12, 4, 15, 15]
DEPS = ["punct", "ccomp", "punct", "cc", "conj", "punct", "punct", "compound", "appos"]
DEPS += ["punct", "det", "appos", "prep", "pobj", "punct", "ROOT", "punct"]
POS = ["PUNCT", "NOUN", "PUNCT", "CCONJ", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT"]
POS += ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "VERB", "PUNCT"]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS)


def test_speaker_hung_on_the_quote_climbs_out_of_its_of_phrase() -> None:
    doc = _doc()
    said = doc[15]
    head = source_token(Cue(head=said, tokens=(said,), sense=None))
    assert head is not None and head.text == "Ruiz"


def test_speaker_never_reaches_into_the_quotation() -> None:
    doc = _doc()
    said = doc[15]
    head = source_token(Cue(head=said, tokens=(said,), sense=None))
    assert head is not None and head.i > 6
