"""Events stage: coding refinements and derived events, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events, principal_event
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def coded(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def main(parse: Parse, text: str) -> Event:
    event = principal_event(coded(parse, text))
    assert event is not None, text
    return event


@pytest.mark.parametrize(
    "text, type_, mode",
    [
        ("Protesters clashed with riot police outside parliament.", "PROTEST", "riot"),
        ("Soldiers fired tear gas at the demonstrators.", "ASSAULT", "crowd-control"),
        ("Customs officers seized a cache of rifles at the port.", "COERCE", "seize"),
        ("Government troops recaptured the town of Kidal.", "ASSAULT", None),
        ("The ministry expelled two foreign journalists.", "COERCE", "deport"),
        ("Volunteers handed over food to the refugees.", "AID", None),
        ("Prosecutors indicted the former governor.", "ACCUSE", "allege"),
    ],
)
def test_events_refined_type_and_mode(
    parse: Parse, text: str, type_: str, mode: str | None
) -> None:
    event = main(parse, text)
    assert (event.plover.type, event.plover.mode) == (type_, mode)


@pytest.mark.parametrize(
    "text, target",
    [
        ("Bolivia rejected Peru's proposal for a joint commission.", "Peru"),
        ("The rebels attacked a convoy in Mogadishu.", "Mogadishu"),
        ("Police imposed a curfew in the city of Aleppo.", "Aleppo"),
        ("Italy halted military aid to Chad.", "Chad"),
    ],
)
def test_events_target_found_inside_theme_or_place(parse: Parse, text: str, target: str) -> None:
    event = main(parse, text)
    assert target in [p.text for p in event.participants if p.role == "target"]


def test_events_attempted_act_is_coded_as_the_act(parse: Parse) -> None:
    event = main(parse, "An attempt to assassinate the mayor failed, police said.")
    assert event.plover.type == "ASSAULT"


def test_events_subjunctive_demand(parse: Parse) -> None:
    event = main(parse, "The council demanded that Rwanda withdraw its troops.")
    assert event.plover.type == "REQUEST"
    assert "Rwanda" in [p.text for p in event.participants if p.role == "target"]


def test_events_passive_reporting_verb_is_no_statement(parse: Parse) -> None:
    types = [e.plover.type for e in coded(parse, "Egypt is expected to host the next round.")]
    assert "STATEMENT" not in types


def test_events_statement_is_principal_when_the_content_did_not_happen(parse: Parse) -> None:
    event = main(parse, "The minister said Japan might send more troops.")
    assert event.plover.type == "STATEMENT" and event.cameo == "010"


def test_events_speech_light_verb_is_a_statement(parse: Parse) -> None:
    assert main(parse, "The president delivered a speech in Lagos.").cameo == "010"


def test_events_failed_agreement_is_a_rejection(parse: Parse) -> None:
    event = main(parse, "The two sides failed to reach an agreement on Sunday.")
    assert event.plover.type == "REJECT" and event.trigger.text.startswith("failed")


def test_events_reported_future_boycott_is_a_threat(parse: Parse) -> None:
    event = main(parse, "The union said it would boycott the election.")
    assert event.plover.type == "THREATEN" and event.cameo.startswith("13")


def test_events_other_reporter_keeps_the_planned_act(parse: Parse) -> None:
    evs = coded(parse, "Officials confirmed that the envoy will visit Khartoum.")
    visit = next(e for e in evs if e.plover.type == "CONSULT")
    assert visit.status == "planned"
    assert not any(e.plover.type == "AGREE" for e in evs)


@pytest.mark.parametrize(
    "text, mode, cameo",
    [
        ("Army tanks pounded rebel positions near the river.", "heavy-weapons", "194"),
        ("Two policemen were killed in a roadside bombing.", "explosives", "183"),
        ("Warplanes attacked a fuel depot outside the capital.", "aerial", "195"),
        ("Gunmen killed the provincial governor on Monday.", "firearms", "193"),
        ("Militants killed the deputy mayor of the town.", "assassinate", "185"),
    ],
)
def test_events_assault_mode_from_means(parse: Parse, text: str, mode: str, cameo: str) -> None:
    event = main(parse, text)
    assert (event.plover.type, event.plover.mode, event.cameo) == ("ASSAULT", mode, cameo)


def test_events_explicit_speech_act_is_kept_and_principal(parse: Parse) -> None:
    evs = coded(parse, "The envoy delivered remarks to the troops during a visit to Goma.")
    assert principal_event(evs).cameo == "010"  # type: ignore[union-attr]
    assert any(e.plover.type == "CONSULT" for e in evs)


def test_events_reminder_that_party_must_act_is_a_demand(parse: Parse) -> None:
    event = main(parse, "Norway issued a reminder to Chad that it must release the prisoners.")
    assert event.plover.type == "REQUEST" and event.cameo.startswith("10")


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        ("The truce will take effect at midnight.", "truce", "planned"),
        ("Negotiations will resume in Oslo next month.", "Negotiations", "planned"),
        ("The clashes killed four people.", "killed", "occurred"),
    ],
)
def test_events_noun_subject_takes_its_clause_future(code, text, trigger, status):
    coded = code(text)
    assert any(e.trigger.text == trigger and e.status == status for e in coded.events), [
        (e.trigger.text, e.status) for e in coded.events
    ]
