"""Token features for the trained attribution tagger, shared by training and tagging.

Two sequence labellers read these: the cue tagger (one sequence per sentence, is this token
a cue?) and the role tagger (one sequence per cue, is this token its source or content?).
The rules' own findings are features too, so the model learns when to trust them. Features
are plain strings ("lem=say"), the form CRFsuite takes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.attribution.quotes import QuoteIndex
from eventwire.model import Attribution

Runs = list[tuple[int, int]]


@dataclass
class RuleMarks:
    """Where the rules put cues, sources and contents, by token index of the doc."""

    cue: dict[int, str] = field(default_factory=dict)  # token -> "B" / "I"
    source: set[int] = field(default_factory=set)
    content: set[int] = field(default_factory=set)
    by_cue: dict[int, Attribution] = field(default_factory=dict)  # cue token -> attribution


def rule_marks(doc_tokens: Sequence[Token], rules: list[Attribution]) -> RuleMarks:
    """Token-level marks of the rule attributions of one article."""
    marks = RuleMarks()
    starts = [t.idx for t in doc_tokens]

    def covered(start: int, end: int) -> range:
        lo = max(bisect_right(starts, start) - 1, 0)
        if lo < len(starts) and doc_tokens[lo].idx + len(doc_tokens[lo].text) <= start:
            lo += 1
        hi = bisect_right(starts, end - 1)
        return range(lo, hi)

    for a in rules:
        if a.cue is not None:
            ids = list(covered(a.cue.start, a.cue.end))
            for n, i in enumerate(ids):
                marks.cue.setdefault(i, "B" if n == 0 else "I")
                marks.by_cue.setdefault(i, a)
        if a.speaker is not None:
            marks.source.update(covered(a.speaker.start, a.speaker.end))
        for c in a.content:
            marks.content.update(covered(c.start, c.end))
    return marks


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "AA"
    if text[:1].isupper():
        return "Aa"
    if text.isdigit():
        return "9"
    if text.isalpha():
        return "a"
    return "p"


class _Columns:
    """Per-token attributes of a doc read once into lists (spaCy's token access is slow)."""

    def __init__(self, doc: Doc) -> None:
        self.lower = [t.lower_ for t in doc]
        self.lemma = [t.lemma_.lower() for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.dep = [t.dep_ for t in doc]
        self.head = [t.head.i for t in doc]
        self.children: list[list[int]] = [[] for _ in self.lower]
        for n, h in enumerate(self.head):
            if h != n:
                self.children[h].append(n)


def _base(doc: Doc, n: int, cols: _Columns, quotes: QuoteIndex, first: bool) -> list[str]:
    """Features of a token on its own."""
    tok = doc[n]
    lower, head, dep = cols.lower[n], cols.head[n], cols.dep[n]
    feats = [
        "w=" + lower,
        "lem=" + cols.lemma[n],
        "pos=" + cols.pos[n],
        "tag=" + tok.tag_,
        "dep=" + dep,
        "shape=" + _shape(tok.text),
        "suf=" + lower[-3:],
        "hl=" + cols.lemma[head],
        "hp=" + cols.pos[head],
        "dephl=" + dep + "|" + cols.lemma[head],
        "ent=" + (tok.ent_type_ or "-"),
    ]
    feats += ["ch=" + cols.dep[c] for c in cols.children[n]]
    if quotes.containing(tok.idx, tok.idx + 1) is not None:
        feats.append("inq")
    if first:
        feats.append("first")
    return feats


def _window(cols: _Columns, n: int, start: int, end: int) -> list[str]:
    """Words and tags around a token, within its sentence [start, end)."""
    out = []
    for d in (-2, -1, 1, 2):
        j = n + d
        if start <= j < end:
            out += [f"w[{d}]=" + cols.lower[j], f"pos[{d}]=" + cols.pos[j]]
        else:
            out.append(f"edge[{d}]")
    if n + 1 < end:
        out.append("bi=" + cols.lower[n] + "|" + cols.lower[n + 1])
    return out


def base_features(doc: Doc, quotes: QuoteIndex) -> list[list[str]]:
    """The features of every token of a doc that do not depend on a cue, computed once."""
    cols = _Columns(doc)
    out = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        out += [
            _base(doc, n, cols, quotes, n == start) + _window(cols, n, start, end)
            for n in range(start, end)
        ]
    return out


def cue_features(sent: SpacySpan, base: list[list[str]], marks: RuleMarks) -> list[list[str]]:
    """One feature list per token of a sentence, for the cue tagger."""
    out = []
    for tok in sent:
        feats = list(base[tok.i])
        feats.append("rc=" + marks.cue.get(tok.i, "O"))
        if tok.i in marks.source:
            feats.append("rs")
        if tok.i in marks.content:
            feats.append("rcon")
        if tok.head.i in marks.cue:
            feats.append("rc_head")
        out.append(feats)
    return out


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _branches(toks: Sequence[Token], cue: list[Token], head: Token) -> list[str]:
    """How each token hangs from the cue: the dependency of the cue child above it (the
    nearest cue token's), 'cue', 'anc' when it is above the cue, or 'out'."""
    cue_ids = {t.i for t in cue}
    where: dict[int, str] = {}
    for k in sorted(cue, key=_depth):  # deeper cue tokens overwrite
        for child in k.children:
            if child.i not in cue_ids:
                where.update((t.i, child.dep_) for t in child.subtree)
    above = {a.i for a in head.ancestors}
    return [
        "cue" if t.i in cue_ids else where.get(t.i, "anc" if t.i in above else "out") for t in toks
    ]


def role_features(
    toks: Sequence[Token],
    cue: list[Token],
    base: list[list[str]],
    marks: RuleMarks,
    quotes: QuoteIndex,
) -> list[list[str]]:
    """One feature list per token of the cue's window, for the role tagger."""
    cue_ids = {t.i for t in cue}
    head = next((t for t in cue if t.head.i not in cue_ids or t.head is t), cue[0])
    lemma = head.lemma_.lower()
    rule = next((marks.by_cue[t.i] for t in cue if t.i in marks.by_cue), None)
    rule_src, rule_con = _rule_roles(toks, rule)
    first, last = cue[0].i, cue[-1].i
    cue_quote = quotes.containing(cue[0].idx, cue[0].idx + 1)
    out = []
    branches = _branches(toks, cue, head)
    for i, tok in enumerate(toks):
        branch = branches[i]
        side = "C" if tok.i in cue_ids else "L" if tok.i < first else "R"
        dist = first - tok.i if side == "L" else tok.i - last if side == "R" else 0
        feats = base[tok.i] + [
            "side=" + side,
            "dist=" + side + _bucket(dist),
            "br=" + branch,
            "brs=" + branch + side,
            "cl=" + lemma,
            "clbr=" + lemma + "|" + branch,
            "samesent",  # the window is the cue's sentence
        ]
        if tok.i in cue_ids:
            feats.append("iscue")
        feats.append("rr=" + ("nocue" if rule is None else rule_src.get(i, rule_con.get(i, "o"))))
        q = quotes.containing(tok.idx, tok.idx + 1)
        if q is not None and q is not cue_quote:
            feats.append("inq_other")
        out.append(feats)
    return out


def _rule_roles(
    toks: Sequence[Token], rule: Attribution | None
) -> tuple[dict[int, str], dict[int, str]]:
    """Positions in the window of the rule attribution's source and content tokens."""
    if rule is None:
        return {}, {}
    src: dict[int, str] = {}
    con: dict[int, str] = {}
    for i, t in enumerate(toks):
        end = t.idx + len(t.text)
        if rule.speaker is not None and t.idx < rule.speaker.end and rule.speaker.start < end:
            src[i] = "src"
        if any(t.idx < c.end and c.start < end for c in rule.content):
            con[i] = "con"
    return src, con
