"""The content of a cue: its clause, object or quotation, as character spans.

Content follows the cue's dependents (ccomp, xcomp, dobj, "call for" + pobj), the clause an
"according to" phrase modifies, or a quotation next to the cue; spans are snapped to the
quotation marks around them so a quote keeps its marks and inner punctuation.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.attribution.cues import Cue
from eventwire.attribution.quotes import QuoteIndex

_QUOTE_CHARS = frozenset("\"'“”‘’«»„`")
_MARKS_AND_SPACE = "".join(_QUOTE_CHARS) + " "
Run = tuple[int, int]
_SIDE_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
_FALLBACK_DEPS = ("ccomp", "dobj", "xcomp")
_ADDRESSEES = frozenset({"reporter", "journalist", "audience", "crowd", "supporter", "viewer"})
_OBJECT_PREPS = frozenset({"for", "of", "over", "as"})


def _child(tok: Token, deps: tuple[str, ...], prep: str) -> Token | None:
    """The first dependent of a cue verb holding content, in the lexicon's order of deps."""
    for dep in deps:
        if dep == "pobj":
            p = next(
                (c for c in tok.children if c.lower_ == prep and c.dep_ in {"prep", "prt"}), None
            )
            obj = next((c for c in p.children if c.dep_ in {"pobj", "pcomp"}), None) if p else None
            if obj is not None:
                return obj
            continue
        found = [c for c in tok.children if c.dep_ == dep]
        if found:  # '"A," she said, but "B," said X': X's clause is the nearer one
            return min(found, key=lambda c: abs(c.i - tok.i))
    return None


def _passive_subject(tok: Token) -> Token | None:
    """ "Y was reported by X": the passive subject is the content when an agent is present."""
    if not any(c.dep_ == "agent" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


def token_runs(tokens: list[Token], exclude: set[int]) -> list[list[Token]]:
    """Contiguous runs of tokens (by index) not in `exclude`, in text order."""
    runs: list[list[Token]] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        if tok.i in exclude or "\n" in tok.text:
            continue
        if runs and runs[-1][-1].i == tok.i - 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def content_runs(cue: Cue, exclude: set[int], *, fallback: bool = False) -> list[list[Token]]:
    """Token runs of a cue's content from the parse (empty when the parse shows none).

    With `fallback`, a lexicon verb may take any clause or object it has, not only its
    listed frame (tried after the quotation and inverted readings).
    """
    if cue.sense is None:  # "according to X": the clause the phrase modifies
        base = cue.head.head
        skip = exclude | {t.i for t in cue.head.subtree}
        return token_runs(list(base.subtree), skip)
    holder = cue.content_head if cue.content_head is not None else cue.head
    child = _child(holder, cue.sense.deps, cue.sense.prep) or _passive_subject(cue.head)
    if child is None and "ccomp" in cue.sense.deps:
        child = _adjunct_clause(holder)
    if child is None and fallback:
        child = _fallback(cue)
    if child is None:
        return []
    toks = list(child.subtree)
    if child.dep_ == "dobj":
        toks += [t for c in _object_extras(cue.head, child) for t in c.subtree]
    return token_runs(toks, exclude)


def _adjunct_clause(verb: Token) -> Token | None:
    """ "said in a statement that Y", "predicted at the debate that Y": the parser hangs the
    that-clause on the noun of a phrase after the cue; it is still the cue's content."""
    for prep in (c for c in verb.rights if c.dep_ == "prep"):
        for tok in prep.subtree:
            if tok.dep_ in {"acl", "relcl", "ccomp"} and _that_clause(tok):
                return tok
    return None


def _that_clause(tok: Token) -> bool:
    """A clause opened by "that" with a subject of its own (not a relative "that was...")."""
    first = tok.left_edge
    return (
        first.lower_ == "that"
        and first.i < tok.i
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i != first.i for c in tok.children)
    )


def _fallback(cue: Cue) -> Token | None:
    """A lexicon verb used with another frame than its listed one ("conceded his bid",
    "polls show Clinton ahead"): any clause or object it has holds the content."""
    if cue.content_head is not None or cue.sense is None or cue.sense.prep:
        return None
    child = _child(cue.head, _FALLBACK_DEPS, "")
    if child is not None and child.dep_ == "dobj" and _addressee(child):
        return None  # "told reporters", "assured them": the object is who was spoken to
    if child is None:  # "most delegates said yes"
        child = next((c for c in cue.head.children if c.lower_ in {"yes", "no"}), None)
    return child


def _addressee(tok: Token) -> bool:
    """Does an object name people (a pronoun, a person, a group) rather than a proposition?"""
    return tok.lemma_.lower() in _ADDRESSEES or tok.pos_ == "PRON" and tok.lower_ != "it"


def _object_extras(verb: Token, obj: Token) -> list[Token]:
    """What completes an object content: "called X 'Y'", "accused X of Y", "mocked X for Y"."""
    return [
        c
        for c in verb.rights
        if c.i > obj.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
    ]


def inverted_runs(cue: Cue, exclude: set[int]) -> list[list[Token]]:
    """Cue as a side clause ("Y, X said", "Y, X said, Z"): content is the rest of its clause."""
    head = cue.head.head
    if cue.head.dep_ not in _SIDE_DEPS or head.i == cue.head.i:
        return []
    if cue.sense is None or cue.sense.cls != "speech":
        return []
    skip = exclude | {t.i for t in cue.head.subtree}
    return token_runs(list(head.subtree), skip)


def _trim(run: list[Token]) -> list[Token]:
    """Drop edge punctuation other than quote marks."""
    lo, hi = 0, len(run)
    while lo < hi and run[lo].is_punct and run[lo].text[0] not in _QUOTE_CHARS:
        lo += 1
    while (
        hi > lo
        and (run[hi - 1].is_punct or run[hi - 1].is_space)
        and run[hi - 1].text[0] not in _QUOTE_CHARS
    ):
        hi -= 1
    return run[lo:hi]


def to_spans(runs: list[list[Token]], quotes: QuoteIndex, text: str) -> list[Run]:
    """Character spans of token runs, trimmed and snapped to surrounding quotation marks."""
    out: list[Run] = []
    for run in runs:
        run = _trim(run)
        if not run or all(t.is_punct for t in run):
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        out.append(snap(start, end, quotes, text))
    return out


def snap(start: int, end: int, quotes: QuoteIndex, text: str) -> Run:
    """Widen a span to the quotation it opens or closes inside of (keeping marks, inner commas)."""
    q = quotes.containing(start, start + 1)
    if q is not None and (end <= q.end or not text[q.start : start].strip(_MARKS_AND_SPACE)):
        return q.start, max(end, q.end)
    q = quotes.containing(end - 1, end)
    if q is not None and q.start >= start and end < q.end:
        return start, q.end
    return start, end


def is_quote(spans: list[Run], text: str) -> bool:
    """Direct quotation: content that opens with a quote mark."""
    return bool(spans) and text[spans[0][0]] in _QUOTE_CHARS
