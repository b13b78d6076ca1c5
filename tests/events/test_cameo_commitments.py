"""CAMEO codes that follow from what a commitment, refusal or vote is about (issue 13).

Probe sentences written for these tests:
- a vow to do something cooperative is a promise (AGREE, CAMEO 03x), a pledge of force a threat
  (THREATEN, 13x); "pledged to expel" stays a promise;
- an offering verb with an infinitive act is AGREE even when the act has no code of its own
  ("promised to hold elections"), but not when it forecasts ("promises to be close");
- refusing to comment is CAMEO 011 (decline comment), a statement, not a rejection (12);
- voting a measure down or against it is a rejection (12).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.coding import commitment_type
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def main_of(parse: Parse, text: str) -> tuple[str, str, str] | None:
    event = principal_event(find_events(parse(text), []))
    return (event.plover.type, event.cameo, event.trigger.text) if event else None


@pytest.mark.parametrize(
    "text, type_, root",
    [
        ("The guerrillas vowed to hand over their weapons before the new year.", "AGREE", "03"),
        ("The insurgents vowed to withdraw from the captured villages.", "AGREE", "03"),
        ("The commander pledged to destroy the insurgents within a month.", "THREATEN", "13"),
        ("The militia vowed to attack the city again.", "THREATEN", "13"),
    ],
)
def test_commitment_codes_by_what_is_committed(
    parse: Parse, text: str, type_: str, root: str
) -> None:
    main = main_of(parse, text)
    assert main is not None and main[0] == type_ and main[1][:2] == root, main


def test_commitment_type_only_moves_commitment_verbs() -> None:
    assert commitment_type("THREATEN", "vow", "RETREAT") == "AGREE"
    assert commitment_type("AGREE", "pledge", "ASSAULT") == "THREATEN"
    assert commitment_type("AGREE", "pledge", "COERCE") == "AGREE"
    assert commitment_type("THREATEN", "warn", "RETREAT") == "THREATEN"
    assert commitment_type("THREATEN", "vow", None) == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        "The junta promised to hold a referendum next spring.",
        "The mayor has offered to step aside for a younger candidate.",
    ],
)
def test_offer_of_an_uncoded_act_is_agree(parse: Parse, text: str) -> None:
    main = main_of(parse, text)
    assert main is not None and main[0] == "AGREE" and main[1].startswith("03"), main


def test_forecast_with_promise_is_no_event(parse: Parse) -> None:
    assert main_of(parse, "The match promises to be a tough contest.") is None


@pytest.mark.parametrize(
    "text",
    [
        "A police spokesman declined to comment on the raid.",
        "The embassy refused to comment on the expulsions.",
    ],
)
def test_refusing_to_comment_is_decline_comment(parse: Parse, text: str) -> None:
    main = main_of(parse, text)
    assert main is not None and main[1] == "011", main


@pytest.mark.parametrize(
    "text",
    [
        "The senate voted down the reform package on Thursday.",
        "The assembly voted against the proposed tax increase.",
    ],
)
def test_voting_down_is_rejection(parse: Parse, text: str) -> None:
    main = main_of(parse, text)
    assert main is not None and main[0] == "REJECT" and main[1].startswith("12"), main
