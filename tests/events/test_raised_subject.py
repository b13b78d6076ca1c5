"""An event noun raised out of its infinitive: "talks are expected to resume" (issue 13).

The noun is the event; the raising verb ("expected", "due", "set", "likely") says only
whether it will happen. The noun event is kept as it is after "talks resumed", takes its
status from the infinitive's clause, and the back-off does not code the infinitive or the
raising verb as a second event. Sentences written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


@pytest.mark.parametrize(
    "text, type_, status",
    [
        ("Talks are expected to resume next week in Doha.", "CONSULT", "expected"),
        ("Talks are due to resume on Sunday.", "CONSULT", "planned"),
        ("Talks are set to begin on Monday.", "CONSULT", "planned"),
        ("Fighting is likely to continue.", "ASSAULT", "expected"),
        ("Talks resumed in Doha on Monday.", "CONSULT", "occurred"),
    ],
)
def test_raised_event_noun_is_the_one_event(
    parse: Parse, text: str, type_: str, status: str
) -> None:
    events = find_events(parse(text), [])
    assert [(e.plover.type, e.status) for e in events] == [(type_, status)], text
