"""The model's rule lemmatizer with its answers looked up by (word, POS, morphology).

spaCy's `Lemmatizer` walks a Doc in Python, making a `Token` for every word, and caches only
the words its rules change: base forms, proper nouns and punctuation (half of news) are worked
out again every time, parsing the morphology into a dict. A lemma depends only on the word,
its POS and its morphology, so here each such triple is lemmatised once (by spaCy's own
`lemmatize`) and the lemmas of a Doc are set in one `from_array`. Same lemmas, token for
token; the last `SEEN` triples are kept, so a worker's memory does not grow with its batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventwire.nlp.swap import DocComponent, swap_pipe

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

FAST_LEMMATIZER = "eventwire_lemmatizer"
SEEN = 1 << 17


class CachedLemmatizer(DocComponent):
    """A pipeline component doing what the model's rule `lemmatizer` does, by look-up."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer  # kept: its tables and `lemmatize` are the definition
        self._seen: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lem = self.lemmatizer
        if not getattr(lem, "_validated", True):
            return lem(doc)  # type: ignore[no-any-return]  # spaCy checks its tables first
        n = len(doc)
        if n == 0:
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        seen, strings, overwrite = self._seen, doc.vocab.strings, lem.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma and not overwrite:
                continue  # set before (the attribute ruler's exceptions): kept, as spaCy does
            key = (orth, pos, morph)
            value = seen.get(key)
            if value is None:
                if len(seen) >= SEEN:
                    seen.clear()
                value = seen[key] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(n, 1).astype(numpy.uint64, copy=False))  # type: ignore[arg-type]
        return doc


def cache_lemmatizer(nlp: Language) -> bool:
    """Put the look-up in place of the model's rule `lemmatizer`; False when it is not one."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    if not isinstance(lem, Lemmatizer) or lem.mode != "rule":
        return False
    swap_pipe(nlp, "lemmatizer", FAST_LEMMATIZER, CachedLemmatizer(lem))
    return True
