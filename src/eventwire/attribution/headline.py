"""Headlines in Title Case parse badly ("Cruz Refuses To Disavow Graham Endorsement" is read
as one long name). Re-parse the title in sentence case, keeping the capitals of words the
article's body also capitalises mid-sentence, so its cues are found like any other.

Only the first letter of a word changes, so every offset of the re-parsed title is an
offset of the article text.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Span

from eventwire.attribution.lexicon import lexicon, stems
from eventwire.nlp.parse import load_nlp

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCE_END = frozenset('.!?"“”:\n')
_MIN_WORDS = 3
_TITLE_SHARE = 0.6


def _names(body: str) -> set[str]:
    """Words the body writes capitalised mid-sentence more often than in lower case."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for m in _WORD.finditer(body):
        word = m.group(0)
        if word[0].islower():
            lower[word] += 1
            continue
        at = m.start()  # the last character before the word that is not a space or tab
        while at > 0 and body[at - 1] in " \t":
            at -= 1
        if at > 0 and body[at - 1] not in _SENTENCE_END:
            upper[word] += 1
    return {w for w, n in upper.items() if n > lower[w[0].lower() + w[1:]]}


def sentence_case(line: str, body: str) -> str | None:
    """The title line in sentence case, or None when it is not in Title Case."""
    words = list(_WORD.finditer(line))
    if len(words) < _MIN_WORDS:
        return None
    if sum(m.group(0)[0].isupper() for m in words) / len(words) < _TITLE_SHARE:
        return None
    names = _names(body)
    out = list(line)
    for m in words[1:]:
        word = m.group(0)
        if word in names or (word.isupper() and len(word) > 1) or not word[0].isupper():
            continue
        out[m.start()] = word[0].lower()
    return "".join(out)


def title_sentences(text: str) -> list[Span]:
    """Sentences of the re-cased title line, when it may hold a cue (else empty)."""
    end = text.find("\n")
    if end <= 0 or not _may_hold_cue(text[:end]):
        return []
    return recased_title(text)


@lru_cache(maxsize=4)
def recased_title(text: str) -> list[Span]:
    """Sentences of the article's first line re-parsed in sentence case (empty when it is not
    a Title Case line). Cached: the events and attribution stages both read the title."""
    end = text.find("\n")
    if end <= 0:
        return []
    recased = sentence_case(text[:end], text[end:])
    if recased is None or recased == text[:end]:
        return []
    return list(load_nlp()(recased, disable=["ner"]).sents)


def _may_hold_cue(line: str) -> bool:
    """Does any word of the line look like a listed cue (so re-parsing can pay off)?"""
    lex = lexicon()
    words = {w.lower() for w in _WORD.findall(line)}
    forms = {f for w in words for f in stems(w)}
    return bool(forms & lex.cue_words) or ":" in line
