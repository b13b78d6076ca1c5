"""Lemma candidates for verbs the tagger's lemmatizer gets wrong ('cordoned' -> 'cordone').

The lexicon is keyed by lemma; a rare verb the lemmatizer mangles would never fire, so the
trigger finder also tries the word's regular de-inflections (issue 13: vocabulary that holds up
on unseen news).
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aeiou")


def deinflect(word: str) -> list[str]:
    """Regular base forms of an inflected verb: 'cordoned' -> ['cordon', 'cordone'], 'lobbied' -> ['lobby']."""
    w = word.lower()
    out: list[str] = []
    for suffix in ("ied", "ies"):
        if w.endswith(suffix) and len(w) > 4:
            out.append(w[:-3] + "y")
    for suffix in ("ed", "ing", "es", "s"):
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        stem = w[: -len(suffix)]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS | {"l", "s"}:
            out.append(stem[:-1])  # 'shipped' -> 'ship'
        out.extend((stem, stem + "e"))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def known_lemma(lemma: str, word: str, known: frozenset[str]) -> str:
    """The lemma if the lexicon knows it, else the first known de-inflection of the word
    (cached: asked up to three times for every verb, by the light, phrasal and plain finders)."""
    if lemma in known:
        return lemma
    return next((c for c in deinflect(word) if c in known), lemma)
