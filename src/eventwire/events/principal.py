"""The principal event of a text: the one the scorers compare with a single gold label."""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.model import Event

STATEMENT = "STATEMENT"
# Events that did not (yet) happen: a statement about them is the better single label.
WEAK_STATUS = frozenset({"hypothetical", "threatened", "planned", "expected", "negated"})


def tier(event: Event) -> int:
    """2: an act that happened; 1: a reporting statement; 0: an act that did not happen."""
    if event.plover.type == STATEMENT:
        # an explicit speech act ("delivered remarks", "issued a statement") is an act itself
        return 2 if ":light:" in event.provenance.rule else 1
    return 0 if event.status in WEAK_STATUS else 2


def principal_key(event: Event) -> tuple[int, int, float, int]:
    """Sort key, best first when sorted descending: tier, earliest sentence, confidence, earliest."""
    return (tier(event), -event.sentence, event.confidence, -event.trigger.start)


def principal_event(events: Iterable[Event]) -> Event | None:
    """Pick the event a one-label gold item is about: main-clause, by rule confidence.

    Acts that happened beat reporting statements ("X said"), which beat acts that are only
    planned, hypothetical or negated; among equals the earliest event wins. A promise stays
    the event ("X will send aid" is AGREE beside a planned AID): PLOVER's AGREE holds CAMEO's
    intents (03), so the promised act does not take the promise's place (issue 13).
    """
    items = list(events)
    return max(items, key=principal_key) if items else None
