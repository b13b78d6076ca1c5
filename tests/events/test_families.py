"""Predicate families (issue 13): the verb and noun family of each type, beyond the dev sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.errors import DataFileError
from eventwire.events import find_events
from eventwire.events.lexicon import _index, load_lexicon, parse_entries
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def types_of(parse: Parse, text: str) -> list[tuple[str, str, str]]:
    events: list[Event] = find_events(parse(text), [])
    return [(e.plover.type, e.cameo, e.provenance.lexicon) for e in events]


@pytest.mark.parametrize(
    "text, type_, root",
    [
        ("The two envoys hammered out a deal over the weekend.", "AGREE", "05"),
        ("The ministers exchanged views on the dispute.", "CONSULT", "04"),
        ("The governor paid tribute to the firefighters.", "SUPPORT", "05"),
        ("The donors disbursed the first tranche to the ministry.", "AID", "07"),
        ("The prime minister tendered his resignation.", "RETREAT", "08"),
        ("The junta loosened its grip on the press.", "CONCEDE", "08"),
        ("The senator lobbied for a new inquiry.", "REQUEST", "02"),
        ("The bishop castigated the provincial authorities.", "ACCUSE", "11"),
        ("The court overruled the electoral commission.", "REJECT", "12"),
        ("The commander gave the garrison an ultimatum.", "THREATEN", "13"),
        ("Dock workers walked off the job in the port.", "PROTEST", "14"),
        ("Riot police cordoned off the main square.", "MOBILIZE", "15"),
        ("The navy sent an aircraft carrier and two submarines to the strait.", "MOBILIZE", "15"),
        ("The government rushed paratroopers to the border.", "MOBILIZE", "15"),
        ("The government froze the group's assets.", "SANCTION", "16"),
        ("Officers hauled in three suspected smugglers.", "COERCE", "17"),
        ("The insurgents laid siege to the garrison town.", "ASSAULT", "19"),
    ],
)
def test_events_family_words_code_their_type(
    parse: Parse, text: str, type_: str, root: str
) -> None:
    got = types_of(parse, text)
    assert any(t == type_ and c[:1] == root[:1] for t, c, _ in got), got
    assert any(lex == "families@1" for t, _, lex in got if t == type_), got


def test_events_families_extend_predicates_without_shadowing() -> None:
    lex = load_lexicon()
    files = {
        e.file for table in (lex.verbs, lex.light, lex.nouns, lex.phrasal) for e in table.values()
    }
    assert files == {"predicates.tsv", "families.tsv"}


def test_events_key_in_two_lexicon_files_names_both() -> None:
    row = "verb\tshell\tASSAULT\t-\t194\t-\n"
    entries = parse_entries(row, "predicates.tsv") + parse_entries("\n" + row, "families.tsv")
    with pytest.raises(DataFileError, match=r"families.tsv:2.*predicates.tsv:1"):
        _index(entries, "both")


@pytest.mark.parametrize(
    "text, code",
    [
        ("The regime carried out a poison gas attack on the suburb.", "204"),
        ("Jets launched an air strike on the fuel depot.", "195"),
    ],
)
def test_events_light_verb_takes_the_compound_nouns_finer_code(
    parse: Parse, text: str, code: str
) -> None:
    assert [c for t, c, _ in types_of(parse, text) if t == "ASSAULT"] == [code]


def test_events_claim_of_responsibility_is_coded_as_such(parse: Parse) -> None:
    got = types_of(parse, "The little-known group claimed responsibility for the ambush.")
    assert ("CONCEDE", "015", "families@1") in got


def test_events_no_subject_negates_the_act(parse: Parse) -> None:
    evs = find_events(parse("No faction has claimed responsibility for the ambush."), [])
    assert [e.status for e in evs if e.plover.type == "CONCEDE"] == ["negated"]


def test_events_widening_freedoms_is_an_easing_of_restrictions(parse: Parse) -> None:
    got = types_of(parse, "The council moved to broaden press freedoms in the province.")
    assert ("CONCEDE", "0811", "families@1") in got


@pytest.mark.parametrize(
    "text",
    [
        "A power plant was hit by a cyber attack on Wednesday.",
        "Unknown assailants attacked the ministry's servers overnight.",
    ],
)
def test_events_an_attack_on_computers_is_cyber_coercion(parse: Parse, text: str) -> None:
    events = find_events(parse(text), [])
    assert [(e.plover.type, e.plover.mode) for e in events] == [("COERCE", "cyber")]


def test_events_a_computer_word_near_an_attack_does_not_make_it_cyber(parse: Parse) -> None:
    events = find_events(parse("Rebels attacked a convoy near the computer factory."), [])
    assert [e.plover.type for e in events] == ["ASSAULT"]
