"""Roles through clauses (issue 13): the subject of a verb the parser hung on a noun of a
verbless sentence, and the target of an event noun a threat or demand takes through its clause."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Coded, Event

Code = Callable[..., Coded]


def event(coded: Coded, trigger: str) -> Event:
    found = [e for e in coded.events if trigger in e.trigger.text]
    assert found, [e.trigger.text for e in coded.events]
    return found[0]


def countries(ev: Event, role: str) -> set[str | None]:
    return {p.actor.country if p.actor else None for p in ev.participants if p.role == role}


def test_finite_verb_misparsed_as_a_noun_modifier_keeps_the_sentence_subject(code: Code) -> None:
    # the parser reads "donated" as a participle on "groups": the sentence has no verb root
    coded = code(
        "Doctors from a German charity donated and personally delivered generators to a clinic"
        " in Mosul."
    )
    ev = event(coded, "delivered")
    assert countries(ev, "source") == {"DEU"}
    assert countries(ev, "target") == {"IRQ"}


def test_threat_takes_the_target_of_the_event_noun_in_its_clause(code: Code) -> None:
    ev = event(code("The governor threatened to institute a curfew in Mosul."), "threatened")
    assert ev.plover.type == "THREATEN"
    assert countries(ev, "target") == {"IRQ"}
