"""attach_attributions: events inside a content span get the innermost attribution (issue 7)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution import attach_attributions, find_attributions
from eventwire.model import Event, Plover, Span
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def _event(text: str, word: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    trigger = Span(text=word, start=start, end=start + len(word))
    return Event(
        id=f"e-{word}-{nth}",
        article_id="a",
        sentence=0,
        text=text,
        trigger=trigger,
        plover=Plover(type="ASSAULT"),
        cameo="190",
    )


def _linked(parse: Parse, text: str, word: str, nth: int = 0) -> str | None:
    parsed = parse(text)
    attrs = find_attributions(parsed, [])
    (event,) = attach_attributions(parsed, [_event(text, word, nth)], attrs)
    if event.attribution is None:
        return None
    assert event.attribution.cue is not None
    return event.attribution.cue.text


@pytest.mark.parametrize(
    "text, word, nth, cue",
    [
        ("The army said rebels shelled the town.", "shelled", 0, "said"),
        ("Rebels shelled the town, the army said.", "shelled", 0, "said"),
        ("Rebels shelled the town, according to witnesses.", "shelled", 0, "according to"),
        ("Rebels shelled the town overnight.", "shelled", 0, None),
        (
            "“Rebels shelled the town,” the colonel said. “They struck the school.”",
            "struck",
            0,
            "said",
        ),
        ("The army denied it had shelled the town.", "denied", 0, None),
        ("Israeli jets struck Rafah overnight, Reuters reports.", "struck", 0, "reports"),
    ],
)
def test_attribution_link_events_in_content(
    parse: Parse, text: str, word: str, nth: int, cue: str | None
) -> None:
    assert _linked(parse, text, word, nth) == cue


def test_attribution_link_nested_takes_innermost_and_statement_takes_outer(parse: Parse) -> None:
    text = "The minister said the general told him that troops attacked the camp."
    assert _linked(parse, text, "attacked") == "told"
    assert _linked(parse, text, "told") == "said"  # the statement itself: the outer attribution
    assert _linked(parse, text, "said") is None


def test_attribution_link_agency_sign_off_covers_only_its_sentence(parse: Parse) -> None:
    text = "Troops entered the city on Monday. Fighting continued near the port, Reuters reports."
    assert _linked(parse, text, "entered") is None
    assert _linked(parse, text, "Fighting") == "reports"


def test_attribution_link_returns_new_records(parse: Parse) -> None:
    text = "Officials said rebels attacked the base."
    parsed = parse(text)
    original = _event(text, "attacked")
    (linked,) = attach_attributions(parsed, [original], find_attributions(parsed, []))
    assert original.attribution is None and linked.attribution is not None
    assert linked.attribution.kind == "anonymous"


def test_attribution_first_person_in_reported_speech_is_the_speaker(code):
    coded = code('"We will not accept this plan," the Houthi spokesman said on Monday.')
    events = [e for e in coded.events if any(p.text.lower() == "we" for p in e.participants)]
    assert events
    for ev in events:
        (we,) = [p for p in ev.participants if p.text.lower() == "we"]
        assert we.actor is not None and we.actor.country == "YEM"
