"""A Title Case headline is coded like a sentence (issue 13): re-parsed in sentence case, with
the article's own offsets, and without the names Title Case invents. Texts written for the tests."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Coded

Code = Callable[..., Coded]

BODY = "Danish police arrested 20 people in a series of raids on Monday, officials said.\n"


def test_a_title_case_headline_is_coded(code: Code) -> None:
    text = "Denmark Arrests 20 in Regional Crackdown\n" + BODY
    title = [e for e in code(text).events if e.sentence == 0]
    assert [e.plover.type for e in title] == ["COERCE"]
    event = title[0]
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "Arrests"


def test_a_name_holding_the_headline_verb_is_not_an_actor(code: Code) -> None:
    text = "Rebels Quit Peace Talks After Army Shells Villages\n" + BODY
    title = [e for e in code(text).events if e.sentence == 0]
    assert title, "the headline codes an event"
    assert all("Quit" not in p.text for e in title for p in e.participants)


def test_a_sentence_case_first_line_is_coded_as_it_stands(code: Code) -> None:
    text = "Police arrested 20 people in Copenhagen on Monday.\n" + BODY
    first = [e for e in code(text).events if e.sentence == 0]
    assert [e.plover.type for e in first] == ["COERCE"]
    assert first[0].trigger.text == "arrested"


def test_the_body_codes_as_it_does_without_the_headline(code: Code) -> None:
    text = "Denmark Arrests 20 in Regional Crackdown\n" + BODY
    with_title = [(e.plover.type, e.trigger.text) for e in code(text).events if e.sentence == 1]
    alone = [(e.plover.type, e.trigger.text) for e in code(BODY).events]
    assert with_title == alone
