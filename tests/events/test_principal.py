"""principal_event: the one event a one-label gold item is compared with (issue 4)."""

from __future__ import annotations

from eventwire.events import principal_event
from eventwire.model import Event, Plover, Span


def make(
    type_: str, start: int, confidence: float, status: str = "occurred", sentence: int = 0
) -> Event:
    return Event(
        id=f"{type_}{start}",
        article_id="a",
        sentence=sentence,
        text="x",
        trigger=Span(text="x", start=start, end=start + 1),
        plover=Plover(type=type_),
        cameo="010" if type_ == "STATEMENT" else "190",
        status=status,  # type: ignore[arg-type]
        confidence=confidence,
    )


def test_events_principal_none_for_no_events() -> None:
    assert principal_event([]) is None


def test_events_principal_statement_comes_last() -> None:
    events = [make("STATEMENT", 0, 0.9), make("ASSAULT", 10, 0.5)]
    assert principal_event(events).plover.type == "ASSAULT"  # type: ignore[union-attr]


def test_events_principal_prefers_main_clause_then_earliest() -> None:
    events = [make("ASSAULT", 5, 0.7), make("COERCE", 1, 0.8), make("PROTEST", 0, 0.8)]
    assert principal_event(events).plover.type == "PROTEST"  # type: ignore[union-attr]


def test_events_principal_avoids_hypothetical_events() -> None:
    events = [make("ASSAULT", 0, 0.9, status="hypothetical"), make("ACCUSE", 5, 0.7)]
    assert principal_event(events).plover.type == "ACCUSE"  # type: ignore[union-attr]


def test_events_principal_prefers_lead_sentence_over_confidence() -> None:
    events = [make("CONSULT", 90, 0.85, sentence=1), make("ASSAULT", 10, 0.65, sentence=0)]
    main = principal_event(events)
    assert main is not None and main.plover.type == "ASSAULT"
