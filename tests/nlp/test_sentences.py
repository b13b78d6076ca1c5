"""Sentence records and the offset -> sentence lookup every stage uses."""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Article, Sentence
from eventwire.nlp.parse import Parsed


def test_sentence_records_are_stripped_substrings_of_the_article(
    parse: Callable[..., Parsed],
) -> None:
    parsed = parse("  Talks resumed in Doha.\n\n  Hamas  said   nothing.  ")
    text = parsed.article.text
    assert [s.text for s in parsed.sentences] == [
        "Talks resumed in Doha.",
        "Hamas  said   nothing.",
    ]
    for s in parsed.sentences:
        assert text[s.start : s.end] == s.text


def test_sentence_of_finds_the_sentence_holding_an_offset(parse: Callable[..., Parsed]) -> None:
    parsed = parse("Talks resumed in Doha. Hamas said nothing.\n\nIsrael struck Rafah.")
    text = parsed.article.text
    for word, index in (("Talks", 0), ("Doha", 0), ("nothing", 1), ("Rafah", 2)):
        assert parsed.sentence_of(text.index(word)) == index
    assert parsed.sentence_of(text.index("\n")) == -1  # between sentences
    assert parsed.sentence_of(len(text) + 5) == -1
    assert parsed.sentence_of(-1) == -1


def test_sentence_of_with_hand_made_sentences_out_of_order(
    parse: Callable[..., Parsed],
) -> None:
    """Records given by hand, not in text order, are still found (by a plain scan)."""
    base = parse("A b c. D e f.")
    sents = [
        Sentence(index=1, start=7, end=13, text="D e f."),
        Sentence(index=0, start=0, end=6, text="A b c."),
    ]
    parsed = Parsed(Article.make(base.article.text), base.doc, sents)
    assert parsed.sentence_of(8) == 1
    assert parsed.sentence_of(2) == 0
    assert parsed.sentence_of(6) == -1


def test_doc_text_is_the_doc_text_joined_once() -> None:
    from eventwire.nlp.parse import doc_text, parse_text

    doc = parse_text("The envoy met both sides. Talks resume on Monday.").doc
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
