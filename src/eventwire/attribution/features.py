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

from eventwire.attribution.quotes import QuoteIndex
from eventwire.model import Attribution

Runs = list[tuple[int, int]]
_NEAR = (-2, -1, 1, 2)


@dataclass
class RuleMarks:
    """Where the rules put cues, sources and contents, by token index of the doc."""

    cue: dict[int, str] = field(default_factory=dict)  # token -> "B" / "I"
    source: set[int] = field(default_factory=set)
    content: set[int] = field(default_factory=set)
    by_cue: dict[int, Attribution] = field(default_factory=dict)  # cue token -> attribution


class Columns:
    """Per-token attributes of a doc read in one pass into lists.

    spaCy builds a Token object at each access; features built column by column from
    these lists make none and cost the tagger a fraction of building them per token.
    """

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        n = len(doc)
        names = (ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE)
        arr = doc.to_array([*names, IDX, HEAD]) if n else None  # uint64 string hashes
        strings = doc.vocab.strings
        memo: dict[int, str] = {0: ""}

        def column(k: int) -> list[str]:
            """Strings of one attribute column, each hash looked up once per doc."""
            out: list[str] = []
            for h in arr[:, k].tolist() if arr is not None else []:
                word = memo.get(h)
                if word is None:
                    word = memo[h] = strings[h]
                out.append(word)
            return out

        self.text, self.lower, lemma, self.pos, self.tag, self.dep, self.ent = (
            column(k) for k in range(len(names))
        )
        lowered: dict[str, str] = {}
        self.lemma = [lowered.get(w) or lowered.setdefault(w, w.lower()) for w in lemma]
        ints = arr[:, len(names) :].astype("int64") if arr is not None else None  # HEAD may be < 0
        self.idx: list[int] = ints[:, 0].tolist() if ints is not None else []
        rel = ints[:, 1].tolist() if ints is not None else []
        self.head: list[int] = [i + r for i, r in enumerate(rel)]  # HEAD is an offset
        self.children: list[list[int]] = [[] for _ in range(n)]
        for k, h in enumerate(self.head):
            if h != k:
                self.children[h].append(k)
        self.sents = [(s.start, s.end) for s in doc.sents] if n else []


def rule_marks(cols: Columns, rules: list[Attribution]) -> RuleMarks:
    """Token-level marks of the rule attributions of one article."""
    marks = RuleMarks()
    starts = cols.idx

    def covered(start: int, end: int) -> range:
        lo = max(bisect_right(starts, start) - 1, 0)
        if lo < len(starts) and starts[lo] + len(cols.text[lo]) <= start:
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


WINDOW = 64  # sentences whose features are built together


def base_features(cols: Columns, quotes: QuoteIndex, window: int = WINDOW) -> BaseFeatures:
    """The features of every token of a doc that do not depend on a cue: the token's word,
    lemma, tags, shape, head and children, whether it is quoted, and the words and tags two
    either side within its sentence (`BaseFeatures`, indexed by token)."""
    return BaseFeatures(cols, quotes, window)


class BaseFeatures:
    """The base features of a doc's tokens, built one window of `window` sentences at a time
    when a token of it is first asked for, and only the last `KEPT_WINDOWS` kept.

    Taggers read a doc sentence by sentence (a cue's role window reaches a sentence or two
    back), so this holds a few windows however long the doc: all at once, an 800 kB run-on
    text's features were 320 MB. A token's features never look past its sentence, so they do
    not depend on the window.
    """

    KEPT_WINDOWS = 4

    def __init__(self, cols: Columns, quotes: QuoteIndex, window: int = WINDOW) -> None:
        self.cols, self.quotes = cols, quotes
        sents = cols.sents
        self.parts = [sents[w : w + max(window, 1)] for w in range(0, len(sents), max(window, 1))]
        self.starts = [part[0][0] for part in self.parts]
        self.kept: dict[int, list[list[str]]] = {}  # window number -> its rows (oldest first)

    def __len__(self) -> int:
        return self.parts[-1][-1][1] if self.parts else 0

    def __getitem__(self, i: int) -> list[str]:
        if not 0 <= i < len(self):
            raise IndexError(i)
        w = bisect_right(self.starts, i) - 1
        rows = self.kept.pop(w, None)
        if rows is None:
            part = self.parts[w]
            rows = _window_features(self.cols, self.quotes, part[0][0], part[-1][1], part)
            if len(self.kept) >= self.KEPT_WINDOWS:
                del self.kept[next(iter(self.kept))]
        self.kept[w] = rows  # the most recent last
        return rows[i - self.starts[w]]


def _window_features(
    cols: Columns, quotes: QuoteIndex, lo: int, hi: int, sents: list[tuple[int, int]]
) -> list[list[str]]:
    """The base features of tokens [lo, hi), which are whole sentences `sents`.

    Each feature is built once per token as a column (one list per kind), then the columns
    are zipped into rows in a fixed order: far fewer string joins than per-token lookups.
    Heads and children may lie outside the window; they are read from the doc's columns.
    """
    lower, lemma, pos, dep = cols.lower[lo:hi], cols.lemma[lo:hi], cols.pos[lo:hi], cols.dep[lo:hi]
    text, head = cols.text[lo:hi], cols.head[lo:hi]
    shapes = {t: _shape(t) for t in set(text)}
    head_lemma = [cols.lemma[h] for h in head]
    columns = (
        ["w=" + w for w in lower],
        ["lem=" + w for w in lemma],
        ["pos=" + p for p in pos],
        ["tag=" + t for t in cols.tag[lo:hi]],
        ["dep=" + d for d in dep],
        ["shape=" + shapes[t] for t in text],
        ["suf=" + w[-3:] for w in lower],
        ["hl=" + h for h in head_lemma],
        ["hp=" + cols.pos[h] for h in head],
        ["dephl=" + d + "|" + h for d, h in zip(dep, head_lemma, strict=True)],
        ["ent=" + (e or "-") for e in cols.ent[lo:hi]],
    )
    own = [list(row) for row in zip(*columns, strict=True)]
    for n, kids in enumerate(cols.children[lo:hi]):
        if kids:
            own[n] += ["ch=" + cols.dep[c] for c in kids]
    for n, i in enumerate(cols.idx[lo:hi]):
        if quotes.containing(i, i + 1) is not None:
            own[n].append("inq")
    words = {d: [f"w[{d}]=" + w for w in lower] for d in _NEAR}
    tags = {d: [f"pos[{d}]=" + p for p in pos] for d in _NEAR}
    pairs = {d: list(zip(words[d], tags[d], strict=True)) for d in _NEAR}
    edges = {d: (f"edge[{d}]",) for d in _NEAR}
    bigram = ["bi=" + a + "|" + b for a, b in zip(lower, lower[1:], strict=False)]
    for start, end in sents:
        start, end = start - lo, end - lo
        own[start].append("first")
        for n in range(start, end):
            feats = own[n]
            for d in _NEAR:
                feats += pairs[d][n + d] if start <= n + d < end else edges[d]
            if n + 1 < end:
                feats.append(bigram[n])
    return own


def cue_features(
    start: int, end: int, cols: Columns, base: BaseFeatures, marks: RuleMarks
) -> list[list[str]]:
    """One feature list per token of the sentence [start, end), for the cue tagger."""
    out = []
    for i in range(start, end):
        feats = [*base[i], "rc=" + marks.cue.get(i, "O")]
        if i in marks.source:
            feats.append("rs")
        if i in marks.content:
            feats.append("rcon")
        if cols.head[i] in marks.cue:
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
    base: BaseFeatures,
    marks: RuleMarks,
    quotes: QuoteIndex,
) -> list[list[str]]:
    """One feature list per token of the cue's window, for the role tagger."""
    cue_ids = {t.i for t in cue}
    head = next((t for t in cue if t.head.i not in cue_ids or t.head.i == t.i), cue[0])
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
