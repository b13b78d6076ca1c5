"""The model's `attribute_ruler`, applied by table look-up instead of spaCy's `Matcher`.

The English ruler maps each tag to its POS and morphology and holds a hundred word
exceptions: 179 one- or two-token patterns, all plain equalities, `IN` sets and regexes over
TAG, LOWER, DEP and IS_SPACE. spaCy runs them through its `Matcher` and sets each match
through a `Span`: 12% of the parse on short news (as much as the dependency parser). Here a
token's matches depend only on those four values (and its neighbour's, for the few two-token
patterns), so they are found by look-up (most rules name the word they apply to; `_index`)
and the answers for recent tokens are cached, and the attributes are set in one `Doc.from_array`, with spaCy's precedence (later patterns win). Same values, bit for
bit; a ruler with patterns outside that set keeps spaCy's own component (`compile_ruler`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.nlp.swap import DocComponent, swap_pipe

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

FAST_RULER = "eventwire_attribute_ruler"
SEEN = 1 << 16  # token keys whose matches are cached (a few MiB)
Key = tuple[int, ...]


class Unsupported(ValueError):
    """A pattern this look-up cannot match exactly as the `Matcher` does."""


@dataclass(frozen=True)
class _Cond:
    col: int  # index into the token's key (`_Rules.attrs`)
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # a hash, a frozenset of hashes, or a compiled regex

    def holds(self, key: Key, strings: Any) -> bool:
        got = key[self.col]
        if self.kind == "eq":
            return bool(got == self.value)
        if self.kind == "in":
            return got in self.value
        if self.kind == "not_in":
            return got not in self.value
        return bool(self.value.search(strings[got]))


@dataclass(frozen=True)
class _Rule:
    pid: int  # the pattern's position in the ruler: later ones win
    specs: tuple[tuple[_Cond, ...], ...]  # one condition list per token of the pattern
    index: int  # the token of the match that gets the attributes


class _Rules:
    """A ruler's patterns compiled to conditions over token keys (TAG, LOWER, ... hashes)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import IDS

        self.strings = ruler.vocab.strings
        self.attrs: list[int | str] = []  # the key's columns (attribute ids)
        self.rules: list[_Rule] = []
        patterns: list[dict[str, Any]] = list(ruler.patterns)
        for pid, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                specs = tuple(self._spec(tok, IDS) for tok in alternative)
                n, index = len(specs), int(pattern["index"])
                if not 0 <= (index if index >= 0 else index + n) < n:
                    raise Unsupported(f"pattern {pid}: index {index} outside its span")
                self.rules.append(_Rule(pid, specs, index if index >= 0 else index + n))
        self.values = [dict(a) for a in ruler.attrs]  # attr id -> value, as spaCy set them
        if not all(isinstance(a, int) for v in self.values for a in v):
            raise Unsupported("extension attributes")
        self.set_attrs: list[int | str] = sorted({a for v in self.values for a in v})
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        self._index()

    def _index(self) -> None:
        """Sort the rules by how a token's first condition on its word (LOWER, ORTH) finds them.

        A key holds the word, so a cache keyed by it grows with the vocabulary (30k entries on
        300 short articles, each found by testing every rule). Instead: rules that do not
        test the word are matched once per key without it (TAG, DEP, IS_SPACE: a few hundred
        keys); rules testing the word for equality or a set are looked up by the word; the
        rest (a regex over it) are tested on every token.
        """
        from spacy.attrs import IDS

        self.words = [c for c, a in enumerate(self.attrs) if a in (IDS["LOWER"], IDS["ORTH"])]
        self._free: dict[Key, tuple[list[int], list[_Rule]]] = {}
        self._seen: dict[Key, tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}
        self._free_rules: list[_Rule] = []
        self._by_word: list[dict[int, list[_Rule]]] = [{} for _ in self.words]
        self._scanned: list[_Rule] = []
        for rule in self.rules:
            first = [c for c in rule.specs[0] if c.col in self.words]
            hit = next((c for c in first if c.kind in ("eq", "in")), None)
            if hit is not None:
                index = self._by_word[self.words.index(hit.col)]
                for value in (hit.value,) if hit.kind == "eq" else hit.value:
                    index.setdefault(value, []).append(rule)
            elif first:
                self._scanned.append(rule)
            else:
                self._free_rules.append(rule)

    def _spec(self, tok: dict[str, Any], ids: dict[str, int]) -> tuple[_Cond, ...]:
        if not isinstance(tok, dict) or not tok:
            raise Unsupported(f"token pattern {tok!r}")
        conds = []
        for name, value in tok.items():
            attr = ids.get(name.upper()) if isinstance(name, str) else None
            if attr is None or name.upper() not in {"TAG", "LOWER", "DEP", "IS_SPACE", "ORTH"}:
                raise Unsupported(f"attribute {name!r}")
            if attr not in self.attrs:
                self.attrs.append(attr)
            col = self.attrs.index(attr)
            conds.append(self._cond(col, value))
        return tuple(conds)

    def _cond(self, col: int, value: Any) -> _Cond:
        if isinstance(value, bool):
            return _Cond(col, "eq", int(value))
        if isinstance(value, str):
            return _Cond(col, "eq", self.strings.add(value))
        if isinstance(value, dict) and len(value) == 1:
            op, arg = next(iter(value.items()))
            if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                hashes = frozenset(self.strings.add(v) for v in arg)
                return _Cond(col, "in" if op == "IN" else "not_in", hashes)
            if op == "REGEX" and isinstance(arg, str):
                return _Cond(col, "regex", re.compile(arg))
        raise Unsupported(f"condition {value!r}")

    def matches(self, key: Key) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        """Ids of the one-token rules a token with this key matches (sorted), and the longer
        rules whose first token it matches; the last `SEEN` keys' answers are kept."""
        found = self._seen.get(key)
        if found is None:
            if len(self._seen) >= SEEN:
                self._seen.clear()  # bounded: a worker's memory must not grow with its batch
            found = self._seen[key] = self._match(key)
        return found

    def _match(self, key: Key) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        s = self.strings
        blank = list(key)
        for c in self.words:
            blank[c] = 0
        free_key = tuple(blank)
        free = self._free.get(free_key)
        if free is None:
            hits = [r for r in self._free_rules if all(c.holds(key, s) for c in r.specs[0])]
            free = self._free[free_key] = (
                [r.pid for r in hits if len(r.specs) == 1],
                [r for r in hits if len(r.specs) > 1],
            )
        single, longer = list(free[0]), list(free[1])
        candidates = list(self._scanned)
        for index, c in zip(self._by_word, self.words, strict=True):
            candidates += index.get(key[c], ())
        for r in candidates:
            if all(c.holds(key, s) for c in r.specs[0]):
                if len(r.specs) == 1:
                    single.append(r.pid)
                else:
                    longer.append(r)
        return tuple(sorted(set(single))), tuple(longer)

    def merged(self, pids: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(attr id, value) a token ends with after these rules, applied in order."""
        out = self._merged.get(pids)
        if out is None:
            final: dict[int, int] = {}
            for pid in sorted(pids):
                final.update(self.values[pid])
            out = self._merged[pids] = tuple(final.items())
        return out


class FastAttributeRuler(DocComponent):
    """A pipeline component doing what the model's `attribute_ruler` does, by look-up."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler  # kept: the patterns and the vocabulary they were normalised in
        self.rules = _Rules(ruler)

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        rules = self.rules
        n = len(doc)
        if n == 0:
            return doc
        rows: list[list[int]] = doc.to_array(rules.attrs).reshape(n, -1).tolist()  # type: ignore[assignment]
        keys = [tuple(row) for row in rows]
        found = [rules.matches(key) for key in keys]
        extra = self._longer_matches(keys, found)
        cols = rules.set_attrs
        out = doc.to_array(cols).reshape(n, len(cols))
        where = {a: j for j, a in enumerate(cols)}
        for i, (pids, _) in enumerate(found):
            if i in extra:
                pids = (*pids, *extra[i])
            if pids:
                for attr, value in rules.merged(pids):
                    out[i, where[attr]] = value
        doc.from_array(cols, out.astype(numpy.uint64, copy=False))  # type: ignore[arg-type]
        return doc

    def _longer_matches(
        self, keys: list[Key], found: list[tuple[tuple[int, ...], tuple[_Rule, ...]]]
    ) -> dict[int, list[int]]:
        """Token -> ids of the multi-token rules whose match gives it attributes."""
        s = self.rules.strings
        hits: dict[int, list[int]] = {}
        for start, (_, starting) in enumerate(found):
            for rule in starting:
                end = start + len(rule.specs)
                if end <= len(keys) and all(
                    all(c.holds(keys[start + k], s) for c in spec)
                    for k, spec in enumerate(rule.specs[1:], 1)
                ):
                    hits.setdefault(start + rule.index, []).append(rule.pid)
        return hits


def compile_ruler(nlp: Language) -> bool:
    """Put the look-up in place of the model's `attribute_ruler`; False when it cannot be."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        fast = FastAttributeRuler(ruler)  # type: ignore[arg-type]
    except Unsupported:
        return False
    swap_pipe(nlp, "attribute_ruler", FAST_RULER, fast)
    return True
