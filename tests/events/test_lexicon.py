"""Predicate lexicon: loads, validates, covers every PLOVER type (issue 4)."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.events.lexicon import PLOVER_TYPES, load_lexicon, parse_lexicon

GOOD = "verb\tshell\tASSAULT\theavy-weapons\t194\tobj=target\n"


def test_events_lexicon_covers_every_plover_type() -> None:
    lex = load_lexicon()
    tables = (lex.verbs, lex.phrasal, lex.light, lex.nouns)
    counts = {t: sum(e.type == t for table in tables for e in table.values()) for t in PLOVER_TYPES}
    assert min(counts.values()) >= 10, counts


def test_events_lexicon_modes_and_codes_exist_in_the_ontology() -> None:
    ontology = pytest.importorskip("eventwire.events.ontology")
    lex = load_lexicon()
    for table in (lex.verbs, lex.phrasal, lex.light, lex.nouns, lex.labels):
        for entry in table.values():
            if entry.mode is not None:
                assert entry.mode in ontology.PLOVER_TYPES[entry.type], entry
            assert ontology.cameo_entry(entry.cameo).code, entry


@pytest.mark.parametrize(
    "row, message",
    [
        ("verb\tshell\tASSAULT\t-\t194\n", "6 tab-separated columns"),
        ("verbs\tshell\tASSAULT\t-\t194\t-\n", "unknown kind"),
        ("verb\tshell\tSHELLING\t-\t194\t-\n", "unknown PLOVER type"),
        ("verb\tshell\tASSAULT\t-\t19a\t-\n", "bad CAMEO code"),
        ("verb\tshell\tASSAULT\t-\t194\tobj=victim\n", "bad frame item"),
        ("light\thold\tCONSULT\t-\t040\t-\n", "bad pattern"),
        (GOOD + GOOD, "duplicate verb entry"),
    ],
)
def test_events_lexicon_rejects_malformed_rows_naming_file_and_line(row: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message) as info:
        parse_lexicon("# comment\n" + row, "test.tsv")
    assert "test.tsv:" in str(info.value)


def test_events_lexicon_light_rows_expand_per_noun() -> None:
    lex = parse_lexicon("light\thold talks|meeting\tCONSULT\t-\t040\twith=target\n", "t.tsv")
    assert set(lex.light) == {("hold", "talks"), ("hold", "meeting")}
    assert lex.light[("hold", "talks")].frame == {"with": "target"}
