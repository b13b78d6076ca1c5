"""One action, one event: a clause or noun restating an act is not a second event (issue 13).

Probe sentences written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.events import find_events
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def events_of(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def view(evs: list[Event]) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.plover.type) for e in evs]


def test_purpose_clause_of_an_eventive_object_is_its_theme(parse: Parse) -> None:
    evs = events_of(parse, "A deputy began a hunger strike on Monday to protest the arrests.")
    protests = [e for e in evs if e.plover.type == "PROTEST"]
    assert len(protests) == 1, view(evs)
    assert protests[0].theme is not None and "arrests" in protests[0].theme.text


def test_noun_of_the_same_type_in_an_in_phrase_is_the_same_act(parse: Parse) -> None:
    evs = events_of(parse, "Gunmen killed nine villagers in an attack on a market.")
    assaults = [e for e in evs if e.plover.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].trigger.text == "killed", view(evs)
    assert assaults[0].theme is not None and "market" in assaults[0].theme.text


def test_noun_of_another_type_in_an_in_phrase_stays(parse: Parse) -> None:
    evs = events_of(parse, "Police arrested forty students in a protest outside parliament.")
    assert {"COERCE", "PROTEST"} <= {e.plover.type for e in evs}, view(evs)


def test_an_earlier_act_after_a_preposition_of_time_stays(parse: Parse) -> None:
    evs = events_of(parse, "The army retook the town after heavy fighting with the rebels.")
    assert len([e for e in evs if e.plover.type == "ASSAULT"]) == 2, view(evs)


def test_meeting_at_a_summit_is_one_meeting(parse: Parse) -> None:
    evs = events_of(parse, "The foreign ministers met at a summit organised by the regional bloc.")
    assert [e.plover.type for e in evs].count("CONSULT") == 1, view(evs)


def test_participle_of_the_place_of_a_meeting_restates_it(parse: Parse) -> None:
    text = "The envoys held talks with the premier at a dinner hosted by the ambassador."
    evs = events_of(parse, text)
    assert [e.plover.type for e in evs].count("CONSULT") == 1, view(evs)


def test_receiving_a_thing_is_no_visit(parse: Parse) -> None:
    text = "Dozens of children received medical treatment after the shelling of the camp."
    evs = events_of(parse, text)
    assert "CONSULT" not in [e.plover.type for e in evs], view(evs)


def test_receiving_a_visitor_is_a_visit(parse: Parse) -> None:
    evs = events_of(parse, "The king received the ambassador at the palace on Monday.")
    assert "CONSULT" in [e.plover.type for e in evs], view(evs)
