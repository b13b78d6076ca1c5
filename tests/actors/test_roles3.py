"""Target roles on unseen news (issue 13): a region where a coercive act happens is its people."""

from __future__ import annotations

import pytest


def targets(coded, trigger: str) -> list[tuple[str | None, list[str]]]:  # type: ignore[no-untyped-def]
    events = [e for e in coded.events if trigger in e.trigger.text]
    assert events, f"no event {trigger!r} in {[e.trigger.text for e in coded.events]}"
    return [
        (p.actor.country, list(p.actor.sector))
        for p in events[0].participants
        if p.role == "target" and p.actor is not None
    ]


@pytest.mark.parametrize(
    "text, trigger, country",
    [
        # a region of a country: its residents, not its state
        ("Rival militias clashed in eastern Kazakhstan on Sunday.", "clashed", "KAZ"),
    ],
)
def test_place_of_a_coercive_act_is_its_people(code, text: str, trigger: str, country: str) -> None:  # type: ignore[no-untyped-def]
    got = targets(code(text), trigger)
    assert (country, ["CVL"]) in got, got


def test_a_state_acted_on_stays_the_state(code) -> None:  # type: ignore[no-untyped-def]
    got = targets(code("Japan halted economic aid to Serbia."), "halted")
    assert ("SRB", ["GOV"]) in got, got


def test_government_property_in_a_region_keeps_the_state(code) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels threatened to shell government offices in northern Kenya."
    assert ("KEN", ["GOV"]) in targets(code(text), "threatened")
