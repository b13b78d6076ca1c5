"""The dates lexicon loads, and a malformed row names file and line."""

from __future__ import annotations

import pytest

from eventwire.dates.lexicon import lexicon, parse_lexicon
from eventwire.errors import DataFileError


def test_dates_lexicon_has_every_category():
    lex = lexicon()
    assert lex["month"]["sept"] == "9" and lex["weekday"]["friday"] == "4"
    assert all(lex[c] for c in ("unit", "season", "ref", "set_adverb", "holiday"))


@pytest.mark.parametrize(
    "text, message",
    [
        ("month\tjanuary", "lexicon.tsv:1: expected 3"),
        ("# header\nmonth\tjanuary\t13", "lexicon.tsv:2: bad value '13'"),
        ("colour\tred\t1", "lexicon.tsv:1: unknown category 'colour'"),
        ("season\tmonsoon\tMO", "bad value 'MO' for season"),
    ],
)
def test_dates_lexicon_rejects_malformed_rows(text, message):
    with pytest.raises(DataFileError, match=message):
        parse_lexicon(text)
