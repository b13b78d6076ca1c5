"""find_attributions: per sentence, each cue with its source and content; quotes continued.

Order of the parts does not matter ("X said Y", "Y, X said", "Y, according to X",
"X said: '...'"); a quotation that runs over sentences stays one content span, and a
sentence that is only a quotation continues the attribution of the sentence before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.attribution.colon import colon_lines
from eventwire.attribution.content import (
    Run,
    content_runs,
    inverted_runs,
    is_quote,
    to_spans,
    token_runs,
)
from eventwire.attribution.cues import Cue, find_cues
from eventwire.attribution.headline import title_sentences
from eventwire.attribution.lexicon import LEXICON_VERSION
from eventwire.attribution.quotes import QuoteIndex
from eventwire.attribution.sourceless import Sourceless, sourceless_cue
from eventwire.attribution.sources import source_kind, source_token, source_tokens
from eventwire.model import ActorMention, Attribution, Provenance, SourceKind, Span, Speaker
from eventwire.nlp.parse import Parsed

_GAP = " \t\n,;:—–-"
_CLOSING = frozenset("\"'”’»")
_NOT_SOURCES = frozenset({"what", "whatever", "there"})  # "what appears to be", "there seems"
_OPENING_MARKS = frozenset("\"'“‘«")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})


@dataclass
class _Draft:
    """An attribution being built (content may still grow by quote continuation)."""

    cue: Span
    speaker: Speaker | None
    kind: SourceKind
    content: list[Run]
    rule: str
    sentences: set[int] = field(default_factory=set)
    stance: bool = False
    reporting: bool = False  # a verb of saying with a clause ("said", "told"), may nest
    head: Token | None = None  # the cue's head token, to tell which of two cues governs


class _Article:
    """What the finder needs about one article: text, quotes, sentence starts, actors."""

    def __init__(self, parsed: Parsed, actors: list[ActorMention]) -> None:
        self.parsed = parsed
        self.text = parsed.article.text
        self.quotes = QuoteIndex(self.text)
        self.starts = [s.start for s in parsed.sentences]
        self.actors = sorted(actors, key=lambda a: a.start)
        self._actor_starts = [a.start for a in self.actors]

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding a character offset (bisect; -1 before the first)."""
        return bisect_right(self.starts, char) - 1

    def span(self, start: int, end: int) -> Span:
        return Span(text=self.text[start:end], start=start, end=end)

    def actor_at(self, char: int) -> ActorMention | None:
        """The narrowest actor mention covering a character offset."""
        upto = bisect_right(self._actor_starts, char)  # mentions starting after cannot cover
        hits = [a for a in self.actors[:upto] if char < a.end]
        return min(hits, key=lambda a: a.end - a.start) if hits else None


def _speaker(art: _Article, cue: Cue) -> tuple[Speaker | None, SourceKind, set[int]]:
    """The speaker of a cue, its kind and the token ids it covers."""
    head = source_token(cue)
    if head is None or head.lower_ in _NOT_SOURCES:
        return None, "named", set()
    toks = source_tokens(head, cue)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    mention = art.actor_at(head.idx)
    sent = head.sent  # its text sliced from the article: `Span.text` builds every token
    kind = source_kind(
        head, art.text[start:end], art.text[sent.start_char : sent.end_char], mention
    )
    actor = mention.actor if mention is not None else None
    return (
        Speaker(text=art.text[start:end], start=start, end=end, actor=actor),
        kind,
        {t.i for t in toks},
    )


def _quote_content(art: _Article, cue: Cue, sent: SpacySpan, speaker: Speaker | None) -> list[Run]:
    """A quotation beside a speech cue with no parsed content ("X said: '...'", "'...' X said")."""
    if cue.sense is None or cue.sense.cls != "speech":
        return []
    first = min(cue.tokens[0].idx, speaker.start if speaker else cue.tokens[0].idx)
    before = art.quotes.ending_before(first)
    if (
        before is not None
        and not art.text[before.end : first].strip(_GAP)
        and "\n" not in art.text[before.end : first]
    ):
        return [(before.start, before.end)]
    after = art.quotes.starting_in(cue.tokens[-1].idx, sent.end_char)
    if after is not None and not art.text[cue.tokens[-1].idx : after.start].count(" ") > 4:
        return [(after.start, after.end)]
    return []


def _content(
    art: _Article, cue: Cue, sent: SpacySpan, speaker: Speaker, exclude: set[int]
) -> list[Run]:
    """Content spans in the cue's paragraph: parsed dependents, else a quotation, else inverted."""
    para = art.text.rfind("\n", 0, cue.head.idx)
    tail = _tail_content(art, cue, sent, speaker)
    if tail:
        return tail
    for step in range(4):
        if step == 0:
            spans = to_spans(content_runs(cue, exclude), art.quotes, art.text)
        elif step == 1:
            spans = _quote_content(art, cue, sent, speaker)
        elif step == 2:
            spans = to_spans(inverted_runs(cue, exclude), art.quotes, art.text)
        else:
            runs = content_runs(cue, exclude, fallback=True)
            spans = to_spans(runs, art.quotes, art.text)
        spans = [sp for sp in spans if art.text.rfind("\n", 0, sp[0]) == para]
        if spans:
            return spans
    return _next_paragraph_quote(art, cue)


def _tail_content(art: _Article, cue: Cue, sent: SpacySpan, speaker: Speaker) -> list[Run]:
    """ "A, and B, Reuters reports." / "A, said X, a Y.": a closing source and cue take the
    whole sentence before them, whatever the parse made of it (either order, any cue class)."""
    cue_start = cue.tokens[0].idx
    cue_end = cue.tokens[-1].idx + len(cue.tokens[-1].text)
    first, last = min(speaker.start, cue_start), max(speaker.end, cue_end)
    gap = art.text[speaker.end : cue_start] if speaker.end <= cue_start else ""
    gap += art.text[cue_end : speaker.start]  # empty unless the cue comes first
    if art.text[last : sent.end_char].strip(" .\n") or gap.strip():
        return []
    raw = art.text[sent.start_char : sent.end_char]
    start = sent.start_char + len(raw) - len(raw.lstrip())
    lead = art.text[start:first].rstrip()
    if not lead.endswith(",") or art.text[start] in _OPENING_MARKS or len(lead) < 12:
        return []
    return [(start, start + len(lead) - 1)]


def _next_paragraph_quote(art: _Article, cue: Cue) -> list[Run]:
    """ "X said:" closing a paragraph introduces the quotation that opens the next one."""
    end = cue.tokens[-1].idx + len(cue.tokens[-1].text)
    if not art.text[:end].endswith(":"):
        return []
    newline = art.text.find("\n", end)
    if newline < 0 or art.text[end:newline].strip():
        return []
    start = newline + len(art.text[newline:]) - len(art.text[newline:].lstrip())
    q = art.quotes.starting_in(start, start + 1)
    return [(q.start, q.end)] if q is not None else []


def _draft(art: _Article, cue: Cue, sent: SpacySpan) -> _Draft | None:
    """One attribution for one cue, or None when it has no content or no source."""
    speaker, kind, source_ids = _speaker(art, cue)
    cue_ids = {t.i for t in cue.tokens}
    if speaker is None:
        return None
    spans = _content(art, cue, sent, speaker, cue_ids | source_ids)
    if not spans:
        return None
    start, end = cue.tokens[0].idx, cue.tokens[-1].idx + len(cue.tokens[-1].text)
    rule = f"cue:{cue.sense.lemma}" if cue.sense else f"phrase:{cue.head.lower_}"
    draft = _Draft(art.span(start, end), speaker, kind, spans, rule, head=cue.head)
    draft.sentences = _covered(art, draft)
    draft.stance = cue.sense is not None and cue.sense.cls != "speech"
    draft.reporting = (  # "said"-like verbs and "according to" may nest in other content
        cue.sense is None or cue.sense.cls == "speech" and "ccomp" in cue.sense.deps
    )
    return draft


def _covered(art: _Article, d: _Draft) -> set[int]:
    """Sentence indices a draft touches (cue, speaker, every content span)."""
    edges = [(d.cue.start, d.cue.end), *d.content]
    if d.speaker is not None:
        edges.append((d.speaker.start, d.speaker.end))
    out: set[int] = set()
    for start, end in edges:
        out.update(range(max(art.sentence_of(start), 0), max(art.sentence_of(end - 1), 0) + 1))
    return out


def _drop_overlapping_cues(drafts: list[_Draft]) -> list[_Draft]:
    """Of drafts whose cues overlap ("refused" and "refused to say"), keep the longer cue."""
    out: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: d.cue.start - d.cue.end):
        if not any(d.cue.start < o.cue.end and o.cue.start < d.cue.end for o in out):
            out.append(d)
    return out


def _drop_nested(drafts: list[_Draft]) -> list[_Draft]:
    """Inside reported content only a verb of saying with a named source opens a second
    attribution.

    "X says she plans Y" and "X said the group supports Y" report X's words about a plan
    or a stance, not a second source; "X said he had told them Z" is X again; "X said Y
    told him Z" nests a real one.
    """
    return [d for d in drafts if d.reporting and not _pronoun(d) or not _contained(d, drafts)]


def _contained(d: _Draft, drafts: list[_Draft]) -> bool:
    """Is the draft's cue inside another's content (a verb of saying is not inside a cue it
    governs)?

    "Y charged X with Z, she said": the fallback content of "charged" runs over "she said",
    but "said" heads the sentence, so it is the outer attribution, not a nested one.
    """
    return any(
        o is not d and _inside(d.cue.start, o.content) and not (d.reporting and _governs(d, o))
        for o in drafts
    )


def _governs(d: _Draft, o: _Draft) -> bool:
    """Is d's cue verb above o's in the parse?"""
    if d.head is None or o.head is None or d.head.doc is not o.head.doc:
        return False
    return any(a.i == d.head.i for a in o.head.ancestors)


def _pronoun(d: _Draft) -> bool:
    """Is the draft's source a bare personal pronoun?"""
    return d.speaker is not None and d.speaker.text.lower() in _PRONOUNS


def _continue_quotes(art: _Article, drafts: list[_Draft]) -> None:
    """Give a direct quotation the quotations that follow its cue with nothing in between.

    '"A," X said. "B."' and a next paragraph that only continues the quote both belong to X.
    """
    held = sorted(sp for d in drafts for sp in d.content)
    starts = [s for s, _ in held]
    for d in drafts:
        if not any(art.text[e - 1] in _CLOSING for _, e in d.content):
            continue
        pos = max(d.cue.end, d.speaker.end if d.speaker else 0, *(e for _, e in d.content))
        while (q := art.quotes.next_after(pos)) is not None:
            gap = art.text[pos : q.start]
            i = bisect_right(starts, q.start) - 1
            if gap.strip(_GAP + ".") or gap.count("\n") > 2 or (i >= 0 and held[i][1] > q.start):
                break
            d.content.append((q.start, q.end))
            pos = q.end
        d.sentences = _covered(art, d)


def _finish(art: _Article, d: _Draft) -> Attribution:
    """Freeze a draft into an Attribution record."""
    return Attribution(
        article_id=art.parsed.article.id,
        speaker=d.speaker,
        kind=d.kind,
        cue=d.cue,
        content=[art.span(s, e) for s, e in sorted(set(d.content))],
        quote=is_quote(d.content, art.text) or _unmarked_quote(art, d),
        sentences=sorted(d.sentences),
        provenance=Provenance(
            stage="attribution", rule=f"attribution.{d.rule}", lexicon=LEXICON_VERSION
        ),
    )


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|our|Our|my|My|me)\b")


def _unmarked_quote(art: _Article, d: _Draft) -> bool:
    """Direct speech whose quote marks were lost: "We will wait, said the official."

    Content in the first person that opens a sentence and comes before a speech cue whose
    source is not itself first person is the speaker's own words (wire copy often loses
    its quote marks on the way through HTML).
    """
    if d.stance or not d.content or d.speaker is None or _FIRST_PERSON.fullmatch(d.speaker.text):
        return False
    start, end = min(d.content)[0], max(e for _, e in d.content)
    if end > d.cue.start or not _FIRST_PERSON.search(art.text[start:end]):
        return False
    return art.parsed.sentence_of(start) != art.parsed.sentence_of(start - 1) or start == 0


def _colon_drafts(art: _Article) -> list[_Draft]:
    """Drafts for "NAME: text" lines (transcripts, headlines)."""
    out = []
    for (ss, se), (cs, ce), content in colon_lines(art.text):
        mention = art.actor_at(ss)
        actor = mention.actor if mention is not None else None
        speaker = Speaker(text=art.text[ss:se], start=ss, end=se, actor=actor)
        draft = _Draft(art.span(cs, ce), speaker, "named", [content], "colon-line")
        draft.sentences = _covered(art, draft)
        out.append(draft)
    return out


def _unsourced(art: _Article, found: Sourceless) -> _Draft | None:
    """A draft with no speaker ("reportedly", "is expected to"), or None without content."""
    cue_ids = {t.i for t in found.cue}
    spans = to_spans(token_runs(list(found.content), cue_ids), art.quotes, art.text)
    if not spans:
        return None
    first, last = min(found.cue, key=lambda t: t.i), max(found.cue, key=lambda t: t.i)
    cue = art.span(first.idx, last.idx + len(last.text))
    draft = _Draft(cue, None, "unsourced", spans, found.rule)
    draft.sentences = _covered(art, draft)
    draft.stance = True
    return draft


def _inside(start: int, spans: list[Run]) -> bool:
    return any(s <= start < e for s, e in spans)


def find_attributions(parsed: Parsed, actors: list[ActorMention]) -> list[Attribution]:
    """Every attribution of an article: cue, speaker (with actor when known), content.

    Cues inside a quotation or a transcript line belong to the quoted speaker's words and
    are not attributions of the report (PolNeAR's convention).
    Example: "The talks failed, officials said." -> speaker "officials" (anonymous), cue
    "said", content ["The talks failed"].
    """
    art = _Article(parsed, actors)
    drafts = _colon_drafts(art)
    taken = [c for d in drafts for c in d.content]
    title = title_sentences(art.text)
    title_end = title[-1].end_char if title else 0
    sents = [*title, *(s for s in parsed.doc.sents if s.start_char >= title_end)]
    for sent in sents:
        toks: list[Token] = list(sent)
        for cue in find_cues(toks):
            at = cue.head.idx
            if art.quotes.containing(at, at + 1) is not None or _inside(at, taken):
                continue
            draft = _draft(art, cue, sent)
            if draft is not None:
                drafts.append(draft)
        for tok in toks:
            found = sourceless_cue(tok)
            if found is not None and art.quotes.containing(tok.idx, tok.idx + 1) is None:
                unsourced = _unsourced(art, found)
                if unsourced is not None:
                    drafts.append(unsourced)
    drafts = _drop_nested(_drop_overlapping_cues(drafts))
    drafts.sort(key=lambda d: d.cue.start)
    _continue_quotes(art, drafts)
    return [_finish(art, d) for d in drafts]
