"""RETREAT and SUPPORT families, filled out (issue 13): leaving a place, winding down or drawing
down forces and operations are withdrawals; embracing a plan is support ("stand with/behind"
stay out: literal as often as not, tests/events/test_plover_families.py).

Probe sentences written for these tests from general English and PLOVER's RETREAT / SUPPORT
definitions. The principal event must have the type.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The militia left the town after two days of shelling.", "RETREAT"),
        ("Foreign fighters departed the capital at dawn.", "RETREAT"),
        ("The coalition wound down its operations in the north.", "RETREAT"),
        ("Regional leaders embraced the new peace plan.", "SUPPORT"),
    ],
)
def test_retreat_support_families_code_the_principal_event(
    parse: Parse, text: str, type_: str
) -> None:
    main = principal_event(find_events(parse(text), []))
    assert main is not None and main.plover.type == type_, text


def test_retreat_family_leaving_a_meeting_is_not_a_withdrawal(parse: Parse) -> None:
    main = principal_event(find_events(parse("The envoy left the meeting early."), []))
    assert main is None or main.plover.type != "RETREAT"
