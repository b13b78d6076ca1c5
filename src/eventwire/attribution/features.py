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


def _base(tok: Token, quotes: QuoteIndex) -> list[str]:
    """Features of a token on its own."""
    lower = tok.lower_
    head = tok.head
    feats = [
        "w=" + lower,
        "lem=" + tok.lemma_.lower(),
        "pos=" + tok.pos_,
        "tag=" + tok.tag_,
        "dep=" + tok.dep_,
        "shape=" + _shape(tok.text),
        "suf=" + lower[-3:],
        "hl=" + head.lemma_.lower(),
        "hp=" + head.pos_,
        "dephl=" + tok.dep_ + "|" + head.lemma_.lower(),
        "ent=" + (tok.ent_type_ or "-"),
    ]
    feats += ["ch=" + c.dep_ for c in tok.children]
    if quotes.containing(tok.idx, tok.idx + 1) is not None:
        feats.append("inq")
    if tok.is_sent_start:
        feats.append("first")
    return feats


def _window(toks: Sequence[Token], i: int) -> list[str]:
    """Words and tags around a token."""
    out = []
    for d in (-2, -1, 1, 2):
        j = i + d
        if 0 <= j < len(toks):
            out += [f"w[{d}]=" + toks[j].lower_, f"pos[{d}]=" + toks[j].pos_]
        else:
            out.append(f"edge[{d}]")
    if i + 1 < len(toks):
        out.append("bi=" + toks[i].lower_ + "|" + toks[i + 1].lower_)
    return out


def base_features(doc: Doc, quotes: QuoteIndex) -> list[list[str]]:
    """The features of every token of a doc that do not depend on a cue, computed once."""
    out = []
    for sent in doc.sents:
        toks = list(sent)
        out += [_base(tok, quotes) + _window(toks, i) for i, tok in enumerate(toks)]
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


def _branch(tok: Token, cue_ids: set[int], head: Token) -> str:
    """How a token hangs from the cue: the dependency of the cue child above it, 'anc' when
    it is above the cue, or 'out'."""
    if tok.i in cue_ids:
        return "cue"
    node = tok
    for _ in range(40):
        if node.head.i in cue_ids and node.head is not node:
            return node.dep_
        if node.head is node:
            break
        node = node.head
    if any(a.i == tok.i for a in head.ancestors):
        return "anc"
    return "out"


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
    for i, tok in enumerate(toks):
        branch = _branch(tok, cue_ids, head)
        side = "C" if tok.i in cue_ids else "L" if tok.i < first else "R"
        dist = first - tok.i if side == "L" else tok.i - last if side == "R" else 0
        feats = base[tok.i] + [
            "side=" + side,
            "dist=" + side + _bucket(dist),
            "br=" + branch,
            "brs=" + branch + side,
            "cl=" + lemma,
            "clbr=" + lemma + "|" + branch,
            "samesent" if tok.sent.start == head.sent.start else "othersent",
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
