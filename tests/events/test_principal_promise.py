"""A promise is a frame: what is promised is the principal event (issue 13).

Probe sentences written for these tests. "X will supply arms" is the supply (AID), not the
promise beside it (AGREE 033); "X pledged to expel Y" is the expulsion. An attitude
("is willing to", "wants to") and agreeing itself ("agreed to") stay AGREE.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import is_promise, principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def principal_of(parse: Parse, text: str) -> tuple[str, str] | None:
    event = principal_event(find_events(parse(text), []))
    return (event.plover.type, event.trigger.text) if event else None


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Norway will send food aid to the refugees next month.", "AID"),
        ("The ministers will meet with the rebel delegation in Geneva on Friday.", "CONSULT"),
        ("The government pledged to release the detained journalists.", "RETREAT"),
        ("The president promised to lift the curfew in the capital.", "CONCEDE"),
        ("The emirate pledged to expel the exiled leaders of the movement.", "COERCE"),
    ],
)
def test_promised_act_is_the_principal_event(parse: Parse, text: str, type_: str) -> None:
    found = principal_of(parse, text)
    assert found is not None and found[0] == type_, found


def test_the_promise_is_still_coded_beside_the_act(parse: Parse) -> None:
    events = find_events(parse("Norway will send food aid to the refugees next month."), [])
    assert any(e.plover.type == "AGREE" and is_promise(e) for e in events)
    main = principal_event(events)
    assert main is not None and main.status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Syria says it is willing to withdraw its troops from the border.",
        "The rebels agreed to release the hostages.",
    ],
)
def test_willingness_and_agreeing_stay_agree(parse: Parse, text: str) -> None:
    found = principal_of(parse, text)
    assert found is not None and found[0] == "AGREE", found


def test_a_promise_without_a_coded_act_is_the_event(parse: Parse) -> None:
    found = principal_of(parse, "The two leaders pledged their friendship.")
    assert found is not None and found[0] != "STATEMENT", found


def test_main_clause_act_beats_its_purpose_clause(parse: Parse) -> None:
    found = principal_of(parse, "The envoy met the rebel leaders in Doha to discuss a truce.")
    assert found is not None and found[0] == "CONSULT", found


def test_a_vow_to_attack_stays_a_threat(parse: Parse) -> None:
    found = principal_of(parse, "The militia vowed to attack the capital.")
    assert found is not None and found[0] == "THREATEN", found
