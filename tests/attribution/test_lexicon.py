"""The attribution lexicons load, validate, and name file and line when malformed (issue 7)."""

from __future__ import annotations

import pytest

from eventwire.attribution.lexicon import CONTENT_DEPS, check, lexicon, parse_rows
from eventwire.errors import DataFileError


def test_attribution_lexicon_loads_core_cues() -> None:
    lex = lexicon()
    assert {"say", "tell", "warn", "deny", "confirm"} <= set(lex.verbs)
    assert lex.phrases["according to"] == "source-pobj"
    assert lex.phrases["in a statement"] == "cue-extension"
    assert lex.sources["reuters"] == "agency" and lex.sources["official"] == "anonymous"
    assert all(set(s.deps) <= CONTENT_DEPS for senses in lex.verbs.values() for s in senses)


@pytest.mark.parametrize(
    "text, line",
    [
        ("# comment\nsay\tspeech\n", 2),
        ("say\tspeech\tccomp\n\ntell\t\tccomp\n", 3),
        ("a\tb\tc\td\te\n", 1),
    ],
)
def test_attribution_lexicon_malformed_row_names_file_and_line(text: str, line: int) -> None:
    with pytest.raises(DataFileError, match=rf"cues.tsv:{line}:"):
        parse_rows("cues.tsv", text, (3, 4))


def test_attribution_lexicon_unknown_value_is_an_error() -> None:
    with pytest.raises(DataFileError, match="cues.tsv:7: 'nsubj'"):
        check("cues.tsv", 7, "nsubj", CONTENT_DEPS)


def test_idioms_are_indexed_by_verb_longest_first() -> None:
    idioms = lexicon().idioms
    rests = [rest for rest, _ in idioms["make"]]
    assert rests == sorted(rests, key=len, reverse=True)
    assert (("aim", "at"), "pobj") in idioms["take"]


def test_sourceless_frames_load_with_the_other_lexicons() -> None:
    frames = lexicon().sourceless
    assert frames["reportedly"] == "adverb" and frames["expect"] == "passive"
