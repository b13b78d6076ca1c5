"""Sentences never cross a paragraph break (issue 7: a closing quote joined to the next
paragraph lost that paragraph's attribution)."""

from __future__ import annotations

from eventwire.nlp.parse import PARAGRAPHS, load_nlp


def _sents(text: str) -> list[str]:
    return [s.text.strip() for s in load_nlp()(text).sents if s.text.strip()]


def test_component_runs_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


def test_quotation_paragraph_does_not_swallow_the_next_one() -> None:
    text = '"This is personal to me."\n\nHer advisers said on Sunday that they would fight.'
    assert _sents(text) == [
        '"This is personal to me."',
        "Her advisers said on Sunday that they would fight.",
    ]


def test_single_line_breaks_separate_paragraphs() -> None:
    text = "Talks resumed in Cairo\nMediators met both delegations on Friday."
    assert _sents(text)[0] == "Talks resumed in Cairo"


def test_hard_wrapped_sentence_stays_whole() -> None:
    text = "The minister said the\ntalks were over."
    assert _sents(text) == ["The minister said the\ntalks were over."]


def test_wire_dateline_is_not_part_of_the_lead_sentence() -> None:
    text = "NAIROBI (Reuters) - The army said on Monday it had retaken the town."
    assert _sents(text) == [
        "NAIROBI (Reuters) -",
        "The army said on Monday it had retaken the town.",
    ]


def test_dateline_with_date_and_no_agency() -> None:
    assert _sents("Intro line.\n\nKHARTOUM, March 4 — Rebels shelled the airport.")[-1] == (
        "Rebels shelled the airport."
    )
    assert _sents("BAMAKO - Soldiers left.") == ["BAMAKO -", "Soldiers left."]


def test_hyphens_and_asides_are_not_datelines() -> None:
    for text in ("UN-backed forces said the plan failed.", "Mr. Osei - a lawyer - said so."):
        assert _sents(text) == [text]


def test_military_and_official_titles_do_not_end_a_sentence() -> None:
    text = "Brig. Gen. Musa Ali and Lt. Col. Sara Hadi met Pres. Ndayi on Friday."
    assert _sents(text) == [text]
    assert "Brig." in [t.text for t in load_nlp()(text)]
