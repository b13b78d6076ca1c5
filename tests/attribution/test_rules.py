"""Source boundaries, closing agency cues and appearance/refusal cues (issue 7), own sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution import find_attributions
from eventwire.model import Attribution
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def _by_cue(parse: Parse, text: str, cue: str) -> Attribution:
    found = [a for a in find_attributions(parse(text), []) if a.cue and a.cue.text == cue]
    assert len(found) == 1, [a.cue.text for a in find_attributions(parse(text), []) if a.cue]
    return found[0]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        (
            "The council, which met for six hours on Monday, says it will publish the budget.",
            "says",
            "The council",
        ),
        (
            "The minister, speaking at a rally in the capital, said the tax would fall.",
            "said",
            "The minister",
        ),
        ("The lawyer, clearly angry, said the ruling was unfair.", "said", "The lawyer"),
        (
            "Maria Lopez, who chairs the committee, said the vote would be delayed.",
            "said",
            "Maria Lopez, who chairs the committee,",
        ),
        ("Senator Tom Reed (D-OH) said the bill would pass.", "said", "Senator Tom Reed (D-OH)"),
        (
            "Paul Dorn, the port director, said the cranes were idle.",
            "said",
            "Paul Dorn, the port director,",
        ),
    ],
)
def test_attribution_source_boundaries(parse: Parse, text: str, cue: str, speaker: str) -> None:
    attr = _by_cue(parse, text, cue)
    assert attr.speaker is not None and attr.speaker.text == speaker


def test_attribution_closing_agency_cue_covers_its_sentence(parse: Parse) -> None:
    text = (
        "The army says the road is open, and the rebels claim they hold the bridge, "
        "Reuters reports."
    )
    attr = _by_cue(parse, text, "reports")
    assert attr.kind == "agency"
    assert [c.text for c in attr.content] == [
        "The army says the road is open, and the rebels claim they hold the bridge"
    ]
    assert {a.cue.text for a in find_attributions(parse(text), []) if a.cue} >= {"says", "claim"}


def test_attribution_closing_cue_after_quote_keeps_the_quotation(parse: Parse) -> None:
    attr = _by_cue(parse, "“We will not leave the city,” the commander said.", "said")
    assert [c.text for c in attr.content] == ["“We will not leave the city,”"]


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        (
            "The senator seemed to favour a delay.",
            "seemed to favour",
            "The senator",
            "a delay",
        ),
        (
            "The spokesman declined to discuss the talks.",
            "declined to discuss",
            "The spokesman",
            "the talks",
        ),
        ("The governor advocates a tax on carbon.", "advocates", "The governor", "a tax on carbon"),
        ("The families pleaded for calm.", "pleaded for", "The families", "calm"),
        (
            "The ministry offered its condolences to the families.",
            "offered",
            "The ministry",
            "its condolences",
        ),
    ],
)
def test_attribution_appearance_refusal_and_advocacy_cues(
    parse: Parse, text: str, cue: str, speaker: str, content: str
) -> None:
    attr = _by_cue(parse, text, cue)
    assert attr.speaker is not None and attr.speaker.text == speaker
    assert [c.text for c in attr.content] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The talks produced what appears to be a breakthrough.",
        "There seems to be no way out of the dispute.",
    ],
)
def test_attribution_wh_and_expletive_subjects_are_not_sources(parse: Parse, text: str) -> None:
    speakers = [a.speaker.text.lower() for a in find_attributions(parse(text), []) if a.speaker]
    assert "what" not in speakers and "there" not in speakers


def test_attribution_offer_inside_reported_content_is_not_a_source(parse: Parse) -> None:
    text = "An official said that the group did not offer any new terms in the talks."
    cues = [a.cue.text for a in find_attributions(parse(text), []) if a.cue]
    assert cues == ["said"]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("The union hopes to win the vote.", "hopes", "to win the vote"),
        ("The farmers hoped that the rain would come.", "hoped", "that the rain would come"),
    ],
)
def test_attribution_misread_lemma_still_finds_cue(
    parse: Parse, text: str, cue: str, content: str
) -> None:
    attr = _by_cue(parse, text, cue)
    assert [c.text for c in attr.content] == [content]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The militia burned three villages near the border, a senior police officer told reporters.",
            "a senior police officer",
        ),
        (
            "Troops withdrew from the northern town overnight, two local officials said.",
            "two local officials",
        ),
    ],
)
def test_attribution_inverted_source_after_comma(code, text, speaker):
    coded = code(text)
    assert any(a.speaker and a.speaker.text == speaker for a in coded.attributions)


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            "The talks failed. We will not return to Doha until the shelling stops, said the rebel spokesman.",
            True,
        ),
        ("The talks failed. The rebels will not return to Doha, said the rebel spokesman.", False),
        (
            "The minister said that we must all stay calm.",
            False,
        ),  # content after the cue: paraphrase
    ],
)
def test_attribution_first_person_without_quote_marks_is_direct_speech(code, text, quote):
    coded = code(text)
    (att,) = [
        a
        for a in coded.attributions
        if a.speaker and "spokesman" in a.speaker.text or a.speaker and "minister" in a.speaker.text
    ]
    assert att.quote is quote
