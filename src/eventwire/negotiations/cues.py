"""Cue words of the tracker, read once from `data/negotiations/cues.tsv`, and matching them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from eventwire.errors import EventwireError

WORD = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Token:
    text: str  # lowercased
    start: int  # absolute offsets in the article text
    end: int


@dataclass(frozen=True)
class Cue:
    group: str
    label: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    group: str
    label: str
    first: int  # token indexes, end exclusive
    last: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Lowercased words with absolute character offsets."""
    return [
        Token(m.group().lower(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)
    ]


@cache
def load() -> dict[str, tuple[Cue, ...]]:
    """All cues by group; a malformed line is an error naming the line."""
    path = resources.files("eventwire.data") / "negotiations" / "cues.tsv"
    groups: dict[str, list[Cue]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            raise EventwireError(f"data/negotiations/cues.tsv line {n}: want group, label, phrase")
        g, label, phrase = parts
        groups.setdefault(g, []).append(Cue(g, label, tuple(phrase.lower().split())))
    return {g: tuple(cs) for g, cs in groups.items()}


def _word_ok(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


@cache
def _index(
    group: str,
) -> tuple[dict[str, tuple[Cue, ...]], tuple[tuple[str, tuple[Cue, ...]], ...]]:
    """Cues by exact first word, and by first-word prefix ('negotiat*'), longest first."""
    exact: dict[str, list[Cue]] = {}
    prefix: dict[str, list[Cue]] = {}
    for c in load().get(group, ()):
        first = c.words[0]
        if first.endswith("*"):
            prefix.setdefault(first[:-1], []).append(c)
        else:
            exact.setdefault(first, []).append(c)

    def longest(cs: list[Cue]) -> tuple[Cue, ...]:
        return tuple(sorted(cs, key=lambda c: -len(c.words)))

    return (
        {w: longest(cs) for w, cs in exact.items()},
        tuple((p, longest(cs)) for p, cs in prefix.items()),
    )


@lru_cache(maxsize=1 << 16)
def _candidates(group: str, word: str) -> tuple[Cue, ...]:
    """The group's cues that may start at `word`, longest first (exact ones first on a tie)."""
    exact, prefix = _index(group)
    cands = list(exact.get(word, ()))
    cands += [c for p, cs in prefix if word.startswith(p) for c in cs]
    cands.sort(key=lambda c: -len(c.words))
    return tuple(cands)


@cache
def _starts(group: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words and prefixes a cue of the group can start with: most words start none."""
    exact, prefix = _index(group)
    return frozenset(exact), tuple(p for p, _ in prefix)


def find(toks: list[Token], group: str) -> list[Hit]:
    """Every cue of the group in the tokens, longest first at each position, no overlaps."""
    hits: list[Hit] = []
    exact, prefixes = _starts(group)
    i = 0
    while i < len(toks):
        word = toks[i].text
        if word not in exact and not (prefixes and word.startswith(prefixes)):
            i += 1
            continue
        for c in _candidates(group, word):
            n = len(c.words)
            if i + n <= len(toks) and all(
                _word_ok(p, toks[i + k].text) for k, p in enumerate(c.words)
            ):
                hits.append(Hit(group, c.label, i, i + n))
                i += n - 1
                break
        i += 1
    return hits


def preceded_by(toks: list[Token], index: int, group: str, window: int = 3) -> bool:
    """Whether a cue of the group ends within `window` words before token `index`."""
    lo = max(0, index - window)
    return any(h.last <= index for h in find(toks[lo:index], group))
