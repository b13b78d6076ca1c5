"""Phrase matching of KB names, aliases, demonyms and capitals over a parsed doc.

The `PhraseMatcher` is built once per spaCy vocab (cached) and matches on exact token text;
each hit says what it names: an actor id, a country, a demonym or a capital.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.kb import KB, load_kb

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Hit kinds: A actor id, C country name, D demonym adjective, P demonym plural, K capital.
HIT_KINDS = ("A", "C", "D", "P", "K")


@dataclass(frozen=True)
class Hit:
    """A KB phrase found at tokens [start, end): `keys` like ('C', 'EGY') or ('A', 'hamas')."""

    start: int
    end: int
    keys: tuple[tuple[str, str], ...]

    def first(self, kind: str) -> str | None:
        """The first value of this hit kind, if any."""
        return next((v for k, v in self.keys if k == kind), None)

    @property
    def country(self) -> str | None:
        """The ISO-3 code a country-like hit names (name, demonym or capital)."""
        return next((v for k, v in self.keys if k in "CDPK"), None)


def _variants(alias: str) -> set[str]:
    """An alias with straight and curly apostrophes, and without a leading 'the '."""
    out = {alias, alias.replace("'", "\u2019")}
    if alias.lower().startswith("the "):
        out |= {a[4:] for a in list(out)}
    if len(alias) > 3:
        out |= {a.upper() for a in list(out)}  # headlines: "ISRAEL AND HAMAS AGREE TRUCE"
    return {a for a in out if a}


def alias_table(kb: KB) -> dict[str, set[tuple[str, str]]]:
    """Every surface string the matcher looks for, with what it names."""
    table: dict[str, set[tuple[str, str]]] = {}

    def add(alias: str, key: tuple[str, str]) -> None:
        """Register an alias and its variants."""
        for a in _variants(alias):
            table.setdefault(a, set()).add(key)

    for iso, c in kb.countries.items():
        for kind, names in (
            ("C", c.names),
            ("D", c.adjectives),
            ("P", c.plurals),
            ("K", c.capitals),
        ):
            for n in names:
                add(n, (kind, iso))
    for a in kb.actors.values():
        for n in (a.name, *a.aliases):
            add(n, ("A", a.id))
    return table


_CACHE: dict[int, tuple[Vocab, PhraseMatcher, dict[str, tuple[tuple[str, str], ...]]]] = {}


def matcher_for(vocab: Vocab) -> tuple[PhraseMatcher, dict[str, tuple[tuple[str, str], ...]]]:
    """The KB phrase matcher for this vocab, built on first use and cached."""
    cached = _CACHE.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1], cached[2]
    import spacy
    from spacy.matcher import PhraseMatcher

    table = alias_table(load_kb())
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="ORTH")
    labels: dict[str, tuple[tuple[str, str], ...]] = {}
    for i, (alias, keys) in enumerate(sorted(table.items())):
        label = f"kb{i}"
        labels[label] = tuple(sorted(keys))
        matcher.add(label, [tokenizer(alias)])
    _CACHE[id(vocab)] = (vocab, matcher, labels)
    return matcher, labels


def find_hits(doc: Doc) -> list[Hit]:
    """Longest non-overlapping KB hits in the doc, in order."""
    matcher, labels = matcher_for(doc.vocab)
    found: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for match_id, start, end in matcher(doc):
        found.setdefault((start, end), set()).update(labels[doc.vocab.strings[match_id]])
    hits: list[Hit] = []
    taken: set[int] = set()
    for (start, end), keys in sorted(found.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            hits.append(Hit(start, end, tuple(sorted(keys))))
    return sorted(hits, key=lambda h: h.start)
