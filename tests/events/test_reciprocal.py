"""Target selection: reciprocal objects ("each other") and clauses inside a noun phrase (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Coded, Event

Code = Callable[..., Coded]


def event(coded: Coded, trigger: str) -> Event:
    found = [e for e in coded.events if trigger in e.trigger.text]
    assert found, [e.trigger.text for e in coded.events]
    return found[0]


def countries(ev: Event, role: str) -> set[str | None]:
    return {p.actor.country if p.actor else None for p in ev.participants if p.role == role}


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("Armenia and Azerbaijan accused each other of violating the truce.", "accused"),
        ("Armenia and Azerbaijan blamed one another for the clashes.", "blamed"),
    ],
)
def test_each_other_makes_the_sources_targets(code: Code, text: str, trigger: str) -> None:
    ev = event(code(text), trigger)
    assert countries(ev, "source") == {"ARM", "AZE"}
    assert countries(ev, "target") == {"ARM", "AZE"}


def test_gerund_clause_of_an_agent_is_not_a_source(code: Code) -> None:
    ev = event(
        code("The Chadian army was accused by rights groups of killing civilians."), "accused"
    )
    sources = [p.text for p in ev.participants if p.role == "source"]
    assert sources == ["rights groups"]
    assert countries(ev, "target") == {"TCD"}
