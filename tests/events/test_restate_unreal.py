"""What is prevented, aimed at or set as a condition is not an event (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.events import find_events
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def events_of(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def view(evs: list[Event]) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.cameo) for e in evs]


def test_restate_requested_act_stays_beside_the_request(parse: Parse) -> None:
    evs = events_of(parse, "Congress asked the president to help Ukraine.")
    assert {"REQUEST", "AID"} <= {e.plover.type for e in evs}, view(evs)


def test_restate_prevented_attack_is_not_an_event(parse: Parse) -> None:
    evs = events_of(parse, "The mediators hope to prevent an attack on the city.")
    assert "ASSAULT" not in [e.plover.type for e in evs], view(evs)


def test_restate_goal_of_talks_is_not_an_event(parse: Parse) -> None:
    evs = events_of(parse, "The two sides resumed talks to halt the fighting.")
    assert "RETREAT" not in [e.plover.type for e in evs], view(evs)
    assert "CONSULT" in [e.plover.type for e in evs]


def test_restate_condition_clause_is_not_an_event(parse: Parse) -> None:
    evs = events_of(parse, "The army threatened to strike if a truce is not agreed.")
    assert [e.plover.type for e in evs] == ["THREATEN"], view(evs)


def test_restate_an_attack_that_happened_is_still_coded(parse: Parse) -> None:
    evs = events_of(parse, "Rebels attacked the city after talks to end the war failed.")
    assert "ASSAULT" in [e.plover.type for e in evs], view(evs)


def test_restate_an_act_whose_continuation_is_the_condition_is_kept(parse: Parse) -> None:
    evs = events_of(parse, "Russia threatened to retaliate if drone attacks on Belgorod continue.")
    assert any(e.trigger.text.endswith("attacks") for e in evs), view(evs)


def test_restate_participle_describing_a_noun_is_background(parse: Parse) -> None:
    evs = events_of(parse, "The court freed two officials arrested last year for fraud.")
    assert "COERCE" not in [e.plover.type for e in evs], view(evs)


def test_restate_participle_with_its_agent_is_still_coded(parse: Parse) -> None:
    evs = events_of(parse, "Two villagers wounded by the soldiers were taken to hospital.")
    assert "ASSAULT" in [e.plover.type for e in evs], view(evs)
