"""A promise is PLOVER's AGREE: it stays the principal event beside the promised act (issue 13).

Probe sentences written for these tests. PLOVER's AGREE holds CAMEO's intents (03: "will
send aid", "pledged to release"); the promised act is kept beside it with its own status
(planned), and an act that happened still beats a promise.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def principal_of(parse: Parse, text: str) -> tuple[str, str] | None:
    event = principal_event(find_events(parse(text), []))
    return (event.plover.type, event.trigger.text) if event else None


@pytest.mark.parametrize(
    "text, inner",
    [
        ("Norway will send food aid to the refugees next month.", "AID"),
        ("The government pledged to release the detained journalists.", "RETREAT"),
        ("Syria says it is willing to withdraw its troops from the border.", "RETREAT"),
    ],
)
def test_promise_is_the_principal_and_the_act_stays_beside(
    parse: Parse, text: str, inner: str
) -> None:
    events = find_events(parse(text), [])
    main = principal_event(events)
    assert main is not None and main.plover.type == "AGREE", [
        (e.trigger.text, e.plover.type) for e in events
    ]
    acts = [e for e in events if e.plover.type == inner]
    assert acts and all(e.status == "planned" for e in acts)


def test_a_vow_to_attack_is_a_threat(parse: Parse) -> None:
    found = principal_of(parse, "The militia vowed to attack the capital.")
    assert found is not None and found[0] == "THREATEN", found


def test_an_act_that_happened_beats_a_promise_in_the_same_sentence(parse: Parse) -> None:
    text = "Rebels shelled the town on Sunday, days after they promised to withdraw."
    found = principal_of(parse, text)
    assert found is not None and found[0] == "ASSAULT", found


def test_main_clause_act_beats_its_purpose_clause(parse: Parse) -> None:
    found = principal_of(parse, "The envoy met the rebel leaders in Doha to discuss a truce.")
    assert found is not None and found[0] == "CONSULT", found
