"""The principal event of a text: the one the scorers compare with a single gold label.

The chooser ranks events by tier (an act that happened, then a reporting statement, then an act
that did not happen), then the earliest sentence, then the rule's confidence (which already
falls with each clause boundary between the trigger and its sentence's root, so a main clause
beats its subordinate, complement, purpose and relative clauses), then the earliest trigger.

One structural relation overrides the ranking (issue 13): a promise is a frame, and what is
promised is the event. "The United States will supply arms to Israel" is the supply (AID), not
the promise beside it (AGREE 033) that `events.derived` makes for CAMEO's intent codes; "Qatar
pledged to expel the leaders" is the expulsion. The promised act takes the promise's rank. An
attitude is not a promise: "Syria is willing to withdraw", "X wants to help" stay AGREE, and so
does "agreed to": agreeing is PLOVER's AGREE itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.model import Event

STATEMENT = "STATEMENT"
# Events that did not (yet) happen: a statement about them is the better single label.
WEAK_STATUS = frozenset({"hypothetical", "threatened", "planned", "expected", "negated"})
# An intent derived from a future auxiliary ("will supply"), not from "willing"/"wants".
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Verbs of promising: their complement is the act the text is about.
PROMISE_LEMMAS = frozenset({"pledge", "promise", "vow", "commit", "undertake"})
# What a frame can hold: a promised act is planned or hypothetical, never negated.
PROMISED_STATUS = frozenset({"planned", "hypothetical", "conditional", "expected", "occurred"})
INTENT_RULE = "events.derived:intent"

Key = tuple[int, int, float, int]


def tier(event: Event) -> int:
    """2: an act that happened; 1: a reporting statement; 0: an act that did not happen."""
    if event.plover.type == STATEMENT:
        # an explicit speech act ("delivered remarks", "issued a statement") is an act itself
        return 2 if ":light:" in event.provenance.rule else 1
    return 0 if event.status in WEAK_STATUS else 2


def principal_key(event: Event) -> Key:
    """Sort key, best first when sorted descending: tier, earliest sentence, confidence, earliest."""
    return (tier(event), -event.sentence, event.confidence, -event.trigger.start)


def _rule_lemma(rule: str) -> str:
    """'events.triggers:verb:pledge' -> 'pledge'; 'events.triggers:phrasal:commit-to' -> 'commit'."""
    return rule.rsplit(":", 1)[-1].split("-", 1)[0]


def is_promise(event: Event) -> bool:
    """An AGREE of CAMEO's intent family (03x) made by 'will' or by a verb of promising."""
    if event.plover.type != "AGREE" or not event.cameo.startswith("03"):
        return False
    rule = event.provenance.rule
    if rule == INTENT_RULE:
        first = event.trigger.text.split(maxsplit=1)[0].lower() if event.trigger.text else ""
        return first in FUTURE_AUX
    return rule.startswith("events.triggers:") and _rule_lemma(rule) in PROMISE_LEMMAS


def _inside(event: Event, start: int, end: int) -> bool:
    return start <= event.trigger.start and event.trigger.end <= end


def promised_act(promise: Event, events: list[Event]) -> Event | None:
    """The first act of the promise's sentence inside its trigger or theme (what is promised)."""
    spans = [(promise.trigger.start, promise.trigger.end)]
    if promise.theme is not None:
        spans.append((promise.theme.start, promise.theme.end))
    found = [
        e
        for e in events
        if e is not promise
        and e.sentence == promise.sentence
        and e.plover.type not in (STATEMENT, "AGREE")
        and e.status in PROMISED_STATUS
        and any(_inside(e, s, t) for s, t in spans)
    ]
    return min(found, key=lambda e: e.trigger.start) if found else None


def ranked_keys(events: list[Event]) -> dict[int, Key]:
    """Each event's rank (by `id()`): its own key, or its promise's key if it is what is promised."""
    keys = {id(e): principal_key(e) for e in events}
    for e in events:
        if not is_promise(e):
            continue
        act = promised_act(e, events)
        if act is not None:
            t, s, conf, start = principal_key(e)
            keys[id(act)] = max(keys[id(act)], (t, s, conf + 0.001, start))
    return keys


def principal_event(events: Iterable[Event]) -> Event | None:
    """Pick the event a one-label gold item is about: main-clause, by rule confidence.

    Acts that happened beat reporting statements ("X said"), which beat acts that are only
    planned, hypothetical or negated; among equals the earliest event wins. A promised act
    stands in its promise's place ("will supply arms" is AID).
    """
    items = list(events)
    if not items:
        return None
    keys = ranked_keys(items)
    return max(items, key=lambda e: keys[id(e)])
