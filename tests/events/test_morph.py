"""Lemma back-off for verbs the lemmatizer mangles (issue 13)."""

from __future__ import annotations

import pytest

from eventwire.events.morph import deinflect, known_lemma


@pytest.mark.parametrize(
    "word, base",
    [("cordoned", "cordon"), ("lobbied", "lobby"), ("shipped", "ship"), ("bulldozing", "bulldoze")],
)
def test_events_deinflect_finds_the_regular_base(word: str, base: str) -> None:
    assert base in deinflect(word)


def test_events_known_lemma_keeps_a_known_lemma_and_repairs_an_unknown_one() -> None:
    known = frozenset({"cordon", "shell"})
    assert known_lemma("shell", "shelled", known) == "shell"
    assert known_lemma("cordone", "cordoned", known) == "cordon"
    assert known_lemma("ponder", "pondered", known) == "ponder"
