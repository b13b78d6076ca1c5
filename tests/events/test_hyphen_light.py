"""Light verbs with a hyphenated noun, reversals of restrictions, and abandoned positions (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.triggers import hyphen_word
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def test_a_hyphenated_noun_is_read_as_the_written_word(parse: Parse) -> None:
    doc = parse("Nurses began a sit-in on Monday.").doc
    sit = next(t for t in doc if t.text == "sit")
    assert hyphen_word(sit) == "sit-in"
    assert hyphen_word(doc[0]) == "nurses"


def test_a_spaced_dash_joins_nothing(parse: Parse) -> None:
    doc = parse("They met - and then they left.").doc
    assert hyphen_word(doc[1]) == "met"


@pytest.mark.parametrize(
    "text, type_, root",
    [
        ("Dock workers staged a sit-in at the harbour office.", "PROTEST", "14"),
        ("The assembly repealed the curfew imposed in March.", "CONCEDE", "08"),
        ("A judge quashed the order against the newspaper.", "CONCEDE", "08"),
        ("The militia abandoned its positions around the airport.", "RETREAT", "08"),
        ("Soldiers vacated the checkpoint at the river crossing.", "RETREAT", "08"),
    ],
)
def test_the_family_codes_the_sentence(parse: Parse, text: str, type_: str, root: str) -> None:
    events = find_events(parse(text), [])
    assert any(e.plover.type == type_ and e.cameo.startswith(root) for e in events), [
        (e.plover.type, e.cameo, e.trigger.text) for e in events
    ]


def test_evacuating_people_is_still_not_a_retreat(parse: Parse) -> None:
    events = find_events(parse("Rescuers evacuated hundreds of residents from the valley."), [])
    assert not any(e.plover.type == "RETREAT" for e in events)
