"""Bounded cost per input: long texts are parsed in chunks, run-on sentences are cut.

The coding stages look at a sentence's tokens for each of its tokens, so one 800 kB text with
no sentence end (a bad PDF or table extraction) cost minutes and gigabytes. Two caps keep
time and memory linear in the input size and leave ordinary prose untouched:

- a parse call never sees more than `MAX_CHUNK_CHARS` characters: a longer text is cut into
  pieces of about `CHUNK_CHARS` at line breaks (or else at spaces) and the parsed pieces are
  joined back into one Doc with the very same text, so every offset still indexes the article;
- a parse batch holds at most `MAX_BATCH_CHARS` characters (spaCy keeps a whole batch, with
  its tensors, until the batch is done), so many long texts in one batch stay small too;
- no sentence runs longer than `MAX_SENTENCE_TOKENS` tokens without a full stop, nor longer
  than `HARD_SENTENCE_TOKENS` tokens at all: a sentence start is forced there.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_CHUNK_CHARS = 20_000
MAX_BATCH_CHARS = 50_000
CHUNK_CHARS = 5_000
MAX_SENTENCE_TOKENS = 150
HARD_SENTENCE_TOKENS = 600
_ENDS = frozenset({".", "!", "?", "…"})


def text_chunks(text: str, most: int = MAX_CHUNK_CHARS, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` itself up to `most` characters; else pieces of at most `limit` characters whose
    concatenation is `text` exactly.

    Each piece but the last ends after a line break when there is one in its second half,
    else after a space, else (a run of `limit` characters with no space) where the limit falls.
    """
    if len(text) <= most:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    middle = start + (end - start) // 2
    for mark in ("\n", " ", "\t"):
        at = text.rfind(mark, middle, end)
        if at != -1:
            return at + 1
    return end


def cap_sentences(doc: Doc) -> Doc:
    """Force a sentence start where a run-on passes the token caps (a pipeline component).

    Runs before the parser, which keeps the starts it is given.
    """
    since_end = since_start = 0
    for tok in doc:
        if tok.is_sent_start:
            since_end = since_start = 0
        elif tok.is_sent_start is None and (
            since_end >= MAX_SENTENCE_TOKENS or since_start >= HARD_SENTENCE_TOKENS
        ):
            tok.is_sent_start = True
            since_end = since_start = 0
        since_end = 0 if tok.text in _ENDS else since_end + 1
        since_start += 1
    return doc


def join_docs(docs: list[Doc]) -> Doc:
    """One Doc from the parsed chunks of a text; its text is the chunks' concatenation."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    from eventwire.nlp.vectors import join_rows

    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])  # type: ignore[call-arg]
    join_rows(docs, joined)  # spaCy merges only extension data; ours is carried by hand
    return joined


def regroup(sizes: list[int], docs: Iterator[Doc]) -> Iterator[Doc]:
    """Join a flat stream of chunk Docs back into one Doc per text (`sizes[i]` chunks each)."""
    for n in sizes:
        yield join_docs([next(docs) for _ in range(n)])
