"""Event dates: the trigger's own timex, an enclosing clause's, the sentence's, publication."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import attach_dates, find_timexes
from eventwire.model import Event, Plover, Span

FRIDAY = date(2024, 2, 23)


def _event(parsed, word: str) -> Event:
    """An event whose trigger is the first occurrence of `word` (built by hand)."""
    text = parsed.article.text
    start = text.index(word)
    return Event(
        id=f"e-{start}",
        article_id=parsed.article.id,
        sentence=parsed.sentence_of(start),
        text=text,
        trigger=Span(text=word, start=start, end=start + len(word)),
        plover=Plover(type="CONSULT"),
        cameo="040",
    )


def _dates(parse, text, triggers, published=FRIDAY, *, use_publication=True):
    parsed = parse(text, published)
    events = [_event(parsed, w) for w in triggers]
    out = attach_dates(parsed, events, find_timexes(parsed), use_publication=use_publication)
    return {e.trigger.text: e.date for e in out}


@pytest.mark.parametrize(
    "text, trigger, value, source",
    [
        ("The envoy met rebel leaders in Cairo last week.", "met", "2024-W07", "text"),
        ("Hostages taken in the October 7 attack remain held.", "attack", "2023-10-07", "text"),
        ("Delegates will gather in Paris this weekend for talks.", "gather", "2024-W08-WE", "text"),
        (
            "The group said on Friday that it had completed the negotiations.",
            "completed",
            "2024-02-23",
            "text",
        ),
        (
            "Troops withdrew, and in early February, a new round of shelling began.",
            "began",
            "2024-02",
            "text",
        ),
        (
            "The talks collapsed. Both sides blamed each other.",
            "blamed",
            "2024-02-23",
            "publication",
        ),
    ],
)
def test_dates_attach_prefers_the_parse(parse, text, trigger, value, source):
    got = _dates(parse, text, [trigger])[trigger]
    assert got is not None and (got.value, got.source) == (value, source)


def test_dates_attach_each_event_its_own_date(parse):
    text = "Rebels shelled the town on Monday and the army retaliated on Wednesday."
    got = _dates(parse, text, ["shelled", "retaliated"])
    assert (got["shelled"].value, got["retaliated"].value) == ("2024-02-19", "2024-02-21")


def test_dates_attach_falls_back_to_the_sentence(parse):
    text = "In a statement on Thursday, the mediators' proposal for a truce was welcomed."
    got = _dates(parse, text, ["truce"])["truce"]
    assert got is not None and got.value == "2024-02-22"


def test_dates_attach_skips_durations_and_refs(parse):
    got = _dates(parse, "The army has besieged the city for three weeks now.", ["besieged"])
    assert got["besieged"] is not None and got["besieged"].source == "publication"


def test_dates_attach_without_publication(parse):
    got = _dates(
        parse, "The envoy met rebel leaders last week. Talks stalled.", ["met", "stalled"], None
    )
    assert got["met"] is not None and (got["met"].value, got["met"].granularity) == (
        "",
        "unresolved",
    )
    assert got["stalled"] is None


def test_dates_attach_publication_can_be_turned_off(parse):
    got = _dates(parse, "Both sides blamed each other.", ["blamed"], use_publication=False)
    assert got["blamed"] is None
