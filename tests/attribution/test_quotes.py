"""Quotation finding: every common mark, paragraph-local, unbalanced marks never crash (issue 7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.attribution.quotes import QuoteIndex, find_quotes


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('He said "no deal" today.', ['"no deal"']),
        ("He said “no deal” today.", ["“no deal”"]),
        ("He said «no deal» today.", ["«no deal»"]),
        ("He said ‘no deal’ today.", ["‘no deal’"]),
        ("He said ''no deal'' today.", ["''no deal''"]),
        ("He said “we’re not leaving” today.", ["“we’re not leaving”"]),
        ("He said “we won’t say ‘yes’ today” and left.", ["“we won’t say ‘yes’ today”"]),
        ("The voters’ choice was “clear.”", ["“clear.”"]),
    ],
)
def test_attribution_quotes_marks(text: str, quoted: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_attribution_quotes_unclosed_quote_ends_at_paragraph() -> None:
    text = "“We will stay. We will fight.\n“Nobody leaves,” he said."
    quotes = find_quotes(text)
    assert [(text[q.start : q.end], q.closed) for q in quotes] == [
        ("“We will stay. We will fight.", False),
        ("“Nobody leaves,”", True),
    ]


def test_attribution_quotes_index_lookup() -> None:
    text = 'A "first one" and "second one" end.'
    index = QuoteIndex(text)
    inner = text.index("second")
    found = index.containing(inner, inner + 3)
    assert found is not None and text[found.start : found.end] == '"second one"'
    assert index.containing(0, 1) is None
    before = index.ending_before(text.index(" end"))
    assert before is not None and text[before.start : before.end] == '"second one"'


@given(st.text(alphabet=st.sampled_from(list("ab .\n\"“”‘’«»'`")), max_size=60))
def test_attribution_quotes_never_crash_and_stay_in_text(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
