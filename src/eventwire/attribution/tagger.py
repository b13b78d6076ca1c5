"""The trained attribution tagger (issue 15): two CRFs on top of the rules.

The cue CRF marks cue tokens in each sentence; for each cue the rules missed, the role CRF
marks its source and content in the cue's sentence. Both read the rules' findings as
features. The rules keep every attribution they find, so what PolNeAR's training articles
hardly hold (transcript lines, unsourced "reportedly", anonymous and agency sources,
re-cased headlines) still comes from them. Weights are CRFsuite files in data/attribution/,
rebuilt by `make train-attribution`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc, Token

from eventwire.attribution.content import is_quote
from eventwire.attribution.features import (
    Columns,
    RuleMarks,
    base_features,
    cue_features,
    role_features,
    rule_marks,
)
from eventwire.attribution.find import find_attributions
from eventwire.attribution.lexicon import LEXICON_VERSION
from eventwire.attribution.quotes import QuoteIndex
from eventwire.attribution.sources import source_kind
from eventwire.errors import ModelNotFoundError
from eventwire.model import ActorMention, Attribution, Provenance, SourceKind, Span, Speaker
from eventwire.nlp.parse import Parsed

CUE_MODEL = "cue_crf.crfsuite"
ROLE_MODEL = "role_crf.crfsuite"
CUE_MARGINAL = 0.4


def role_window(doc: Doc, cue: list[Token]) -> list[Token]:
    """Tokens a cue's source and content are looked for in: its sentence."""
    return list(cue[0].sent)


@lru_cache(maxsize=4)
def load_tagger(name: str) -> pycrfsuite.Tagger:
    """One CRFsuite model from data/attribution/, opened once per process."""
    path = Path(str(resources.files("eventwire") / "data" / "attribution" / name))
    if not path.is_file():
        raise ModelNotFoundError(
            f"attribution model {path} is missing; rebuild it with `make train-attribution`"
        )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def runs(tags: list[str], label: str) -> list[tuple[int, int]]:
    """(first, last) positions of each B/I run of one label in a tag sequence."""
    out: list[tuple[int, int]] = []
    for i, tag in enumerate(tags):
        if tag == "I-" + label and out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        elif tag in ("B-" + label, "I-" + label):
            out.append((i, i))
    return out


def _likely(tagger: pycrfsuite.Tagger, tags: list[str]) -> list[str]:
    """The best path, with a token made a cue where its cue marginal reaches CUE_MARGINAL
    (more cues found for fewer wrong ones than the best path alone, on polnear dev tune)."""
    out = list(tags)
    for i, tag in enumerate(tags):
        if tag != "O" or 1.0 - tagger.marginal("O", i) < CUE_MARGINAL:
            continue  # the labels are B-CUE, I-CUE and O: one marginal call settles most
        begin, inside = tagger.marginal("B-CUE", i), tagger.marginal("I-CUE", i)
        out[i] = "B-CUE" if begin >= inside else "I-CUE"
    return out


def _chars(toks: list[Token], first: int, last: int) -> tuple[int, int]:
    return toks[first].idx, toks[last].idx + len(toks[last].text)


class _Tagging:
    """What tagging one article needs: its parse, actors, quotes and the rules' marks."""

    def __init__(self, parsed: Parsed, actors: list[ActorMention], rules: list[Attribution]):
        self.parsed = parsed
        self.text = parsed.article.text
        self.doc = parsed.doc
        self.actors = actors
        self.quotes = QuoteIndex(self.text)
        self.cols = Columns(self.doc)
        self.marks: RuleMarks = rule_marks(self.cols, rules)
        self.base = base_features(self.cols, self.quotes)

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.text[start:end], start=start, end=end)

    def cues(self) -> list[list[Token]]:
        """Cue token runs of every sentence."""
        tagger = load_tagger(CUE_MODEL)
        out = []
        for start, end in self.cols.sents:
            if all(self.cols.text[i].isspace() for i in range(start, end)):
                continue
            tags = tagger.tag(cue_features(start, end, self.cols, self.base, self.marks))
            out += [
                list(self.doc[start + a : start + b + 1])
                for a, b in runs(_likely(tagger, tags), "CUE")
            ]
        return out

    def attribution(self, cue: list[Token]) -> Attribution | None:
        """Source and content of one cue, or None when the role tagger finds no content."""
        toks = role_window(self.doc, cue)
        tags = load_tagger(ROLE_MODEL).tag(
            role_features(toks, cue, self.base, self.marks, self.quotes)
        )
        content = [_chars(toks, a, b) for a, b in runs(tags, "CON")]
        if not content:
            return None
        sources = runs(tags, "SRC")
        speaker: Speaker | None = None
        kind: SourceKind = "unsourced"
        if sources:
            first, last = min(sources, key=lambda r: min(abs(r[0] - cue[0].i + toks[0].i), 99))
            speaker, kind = self._speaker(toks[first : last + 1])
        start, end = cue[0].idx, cue[-1].idx + len(cue[-1].text)
        return Attribution(
            article_id=self.parsed.article.id,
            speaker=speaker,
            kind=kind,
            cue=self.span(start, end),
            content=[self.span(s, e) for s, e in content],
            quote=is_quote(content, self.text),
            sentences=self._sentences([(start, end), *content]),
            provenance=Provenance(
                stage="attribution",
                rule=f"attribution.tagger:{cue[0].lemma_.lower()}",
                lexicon=LEXICON_VERSION,
            ),
        )

    def _speaker(self, toks: list[Token]) -> tuple[Speaker, SourceKind]:
        """The speaker record of a source run, with its actor and kind."""
        ids = {t.i for t in toks}
        head = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), toks[0])
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        hits = [a for a in self.actors if a.start <= head.idx < a.end]
        mention = min(hits, key=lambda a: a.end - a.start) if hits else None
        sent = head.sent  # its text sliced from the article, as in `find._speaker`
        kind = source_kind(
            head, self.text[start:end], self.text[sent.start_char : sent.end_char], mention
        )
        actor = mention.actor if mention is not None else None
        return Speaker(text=self.text[start:end], start=start, end=end, actor=actor), kind

    def _sentences(self, edges: list[tuple[int, int]]) -> list[int]:
        out: set[int] = set()
        for start, end in edges:
            for s in self.parsed.sentences:
                if s.start < end and start < s.end:
                    out.add(s.index)
        return sorted(out)


def _overlaps(cue: list[Token], span: Span | None) -> bool:
    end = cue[-1].idx + len(cue[-1].text)
    return span is not None and cue[0].idx < span.end and span.start < end


def _with_cue(rule: Attribution, cues: list[list[Token]], tagging: _Tagging) -> Attribution:
    """A rule attribution with the CRF's cue span, when exactly one CRF cue overlaps it
    (PolNeAR's cue extent: "has said", "is a critic of")."""
    hits = [c for c in cues if _overlaps(c, rule.cue)]
    if len(hits) != 1:
        return rule
    cue = hits[0]
    return rule.model_copy(
        update={"cue": tagging.span(cue[0].idx, cue[-1].idx + len(cue[-1].text))}
    )


def tag_attributions(parsed: Parsed, actors: list[ActorMention]) -> list[Attribution]:
    """Every attribution of an article: the rules' ones (with the CRF's cue extent), plus one
    for each cue the CRF finds where the rules found none, its source and content from the
    role CRF.

    Measured on polnear dev (tune), keeping the rules' source and content where both found
    a cue beats replacing them by the CRF's: the rules follow quotations over sentences,
    the role CRF sees one sentence.
    Example: "The talks failed, officials said." -> speaker "officials", cue "said",
    content ["The talks failed"].
    """
    rules = find_attributions(parsed, actors)
    tagging = _Tagging(parsed, actors, rules)
    cues = tagging.cues()
    extra = [
        a
        for cue in cues
        if not any(_overlaps(cue, r.cue) for r in rules)
        and (a := tagging.attribution(cue)) is not None
    ]
    kept = [_with_cue(r, cues, tagging) for r in rules]
    return sorted([*kept, *extra], key=lambda a: a.cue.start if a.cue else 0)
