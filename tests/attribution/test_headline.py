"""Title Case headlines are re-cased before cue finding (issue 7)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution import find_attributions
from eventwire.attribution.headline import sentence_case
from eventwire.nlp.parse import Parsed

BODY = (
    "\n\nThe mayor of Riverton, Ana Costa, said on Monday that the Harbor Union deal was "
    "dead. Senator Hale agreed."
)


def test_title_case_words_lose_their_capitals_unless_the_body_capitalises_them() -> None:
    line = "Riverton Mayor Rejects Harbor Union Deal"
    assert sentence_case(line, BODY) == "Riverton mayor rejects Harbor Union deal"


def test_sentence_case_titles_are_left_alone() -> None:
    assert sentence_case("Riverton mayor rejects the port deal", BODY) is None
    assert sentence_case("Deal Off", BODY) is None


def test_offsets_survive_recasing() -> None:
    line = "Costa Says Port Deal Is Dead"
    recased = sentence_case(line, BODY)
    assert recased is not None and len(recased) == len(line)


@pytest.mark.parametrize(
    "title, cue, speaker",
    [
        ("Senator Hale Blasts Harbor Union Deal", "Blasts", "Senator Hale"),
        ("Costa Refuses To Back Harbor Union Deal", "Refuses To Back", "Costa"),
    ],
)
def test_cue_in_title_case_headline_is_found(
    parse: Callable[..., Parsed], title: str, cue: str, speaker: str
) -> None:
    text = title + BODY
    found = [a for a in find_attributions(parse(text), []) if a.cue and a.cue.end <= len(title)]
    assert [
        (a.speaker.text if a.speaker else None, a.cue.text if a.cue else None) for a in found
    ] == [(speaker, cue)]
