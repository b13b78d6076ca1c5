"""Bounded cost per input: long texts parse in chunks, run-on sentences are cut (issue 18)."""

from __future__ import annotations

from eventwire.model import Article
from eventwire.nlp.bounds import MAX_SENTENCE_TOKENS, text_chunks
from eventwire.nlp.parse import parse_articles, pipe_bounded


def test_bounds_short_text_is_one_chunk():
    text = "Envoys met in Cairo.\n" * 10
    assert text_chunks(text) == [text]


def test_bounds_chunks_join_back_to_the_text_and_cut_after_line_breaks():
    text = "".join(f"Paragraph {n} says the talks went on.\n" for n in range(2000))
    pieces = text_chunks(text, most=1000, limit=500)
    assert "".join(pieces) == text
    assert all(len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])


def test_bounds_text_without_spaces_is_cut_at_the_limit():
    pieces = text_chunks("x" * 1234, most=100, limit=100)
    assert [len(p) for p in pieces] == [100] * 12 + [34]


def test_bounds_run_on_sentence_is_cut_and_offsets_still_index_the_text():
    text = " and ".join(["the rebels shelled the town"] * 400)  # no full stop anywhere
    (parsed,) = parse_articles([Article.make(text)])
    assert parsed.doc.text == text
    assert len(parsed.sentences) > 1
    assert all(len(s) <= MAX_SENTENCE_TOKENS + 1 for s in parsed.doc.sents)
    assert all(text[s.start : s.end] == s.text for s in parsed.sentences)


def test_bounds_long_article_is_parsed_in_chunks_into_one_doc():
    line = "Envoys met in Cairo on Monday, officials said.\n"
    text = line * 600  # about 28 000 characters: over the one-call limit
    (parsed,) = parse_articles([Article.make(text)])
    assert parsed.doc.text == text
    assert [s.text for s in parsed.sentences] == [line.strip()] * 600


def test_bounds_parsed_docs_keep_no_tok2vec_tensor():
    # 96 floats a token that no stage reads: on an 800 kB run-on they were 66 MB, twice over
    line = "Envoys met in Cairo on Monday, officials said.\n"
    short, long_ = parse_articles([Article.make(line), Article.make(line * 600)])
    assert short.doc.tensor.size == 0 and long_.doc.tensor.size == 0
    assert short.doc[3].ent_type_ == "GPE" and long_.doc[-6].ent_type_ == "DATE"  # parse kept


def test_bounds_ordinary_long_sentence_is_left_whole():
    text = (
        "The foreign minister, who had flown in from Geneva late on Sunday after two days of "
        "talks with envoys from both warring parties, told reporters outside the ministry that "
        "a ceasefire could be signed within a week if the rebels agreed to withdraw from the "
        "northern towns they had seized in March."
    )
    (parsed,) = parse_articles([Article.make(text)])
    assert len(parsed.sentences) == 1


class _CountingNlp:
    """Stands in for a pipeline: records the characters of each `pipe` call's batch."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def pipe(self, texts: list[str], batch_size: int) -> list[str]:
        assert batch_size == len(texts)
        self.batches.append(list(texts))
        return [t.upper() for t in texts]


def test_bounds_parse_batches_hold_a_bounded_number_of_characters():
    texts = ["a" * 300, "b" * 300, "c" * 50, "d" * 900, "e" * 10, "f" * 10, "g" * 10]
    nlp = _CountingNlp()
    out = list(pipe_bounded(nlp, texts, batch_size=2, most=600))  # type: ignore[arg-type]
    assert out == [t.upper() for t in texts]  # every text, in order
    assert [len(b) for b in nlp.batches] == [2, 1, 1, 2, 1]
    # a batch passes the budget only when one text alone does
    assert all(sum(map(len, b)) <= 600 or len(b) == 1 for b in nlp.batches)
