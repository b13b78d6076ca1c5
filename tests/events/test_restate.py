"""One action, one event (issue 13): restating clauses and nouns are themes, not new events."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.events import find_events
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def events_of(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def test_events_purpose_clause_of_a_meeting_is_its_theme(parse: Parse) -> None:
    evs = events_of(
        parse, "The rebel commander met with Kenyan mediators in Nairobi to discuss a truce."
    )
    consult = [e for e in evs if e.plover.type == "CONSULT"]
    assert len(consult) == 1, [(e.trigger.text, e.plover.type) for e in evs]
    assert consult[0].theme is not None and "truce" in consult[0].theme.text


def test_events_whom_a_meeting_verb_meets_is_the_target_even_a_mediator(parse: Parse) -> None:
    (ev,) = [
        e
        for e in events_of(parse, "The rebel commander met with Kenyan mediators in Nairobi.")
        if e.plover.type == "CONSULT"
    ]
    assert [p.text for p in ev.participants if p.role == "target"] == ["Kenyan mediators"]


def test_events_apposition_restating_a_visit_is_not_a_second_event(parse: Parse) -> None:
    evs = events_of(parse, "The premier visited Accra on Monday, his second visit this year.")
    assert [e.plover.type for e in evs].count("CONSULT") == 1


def test_events_purpose_of_another_type_stays_an_event(parse: Parse) -> None:
    evs = events_of(parse, "The two ministers met in Lusaka to sign the border treaty.")
    assert {"CONSULT", "AGREE"} <= {e.plover.type for e in evs}


def test_events_what_an_effort_aims_at_is_no_event(parse: Parse) -> None:
    evs = events_of(parse, "The envoy redoubled his efforts to secure a ceasefire in the valley.")
    assert all(e.plover.type != "RETREAT" for e in evs), [
        (e.trigger.text, e.plover.type) for e in evs
    ]


def test_events_an_activity_that_paused_is_not_going_on(parse: Parse) -> None:
    evs = events_of(parse, "Residents said there was a lull in the shelling of the port.")
    assert all(e.plover.type != "ASSAULT" for e in evs), [
        (e.trigger.text, e.plover.type) for e in evs
    ]
    still = events_of(parse, "The shelling of the port continued for a week.")
    assert "ASSAULT" in {e.plover.type for e in still}
