"""The spaCy `eventwire` component: `nlp.add_pipe("eventwire")` codes each Doc.

Results land on `doc._.eventwire` as a `Coded` record (publication date from
`doc._.published` when set).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.model import Article
from eventwire.nlp.parse import Parsed, sentences_of
from eventwire.nlp.vectors import ROWS, keep_rows, model_key

if not Doc.has_extension("eventwire"):
    Doc.set_extension("eventwire", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


class EventwireComponent:
    """Runs the eventwire stages on an already parsed Doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        from eventwire.pipeline import default_pipeline

        self.name = name
        self.pipeline = default_pipeline(Settings())
        self.key = model_key(nlp)  # whose tensors the events back-off may read

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.published
        article = Article.make(doc.text, published=published)
        if article.text != doc.text:  # offsets must index the Doc's own text
            article = article.model_copy(update={"text": doc.text})
        if ROWS not in doc.user_data:
            keep_rows(doc, self.key)  # as `parse_articles` keeps them (the tensor stays)
        doc._.eventwire = self.pipeline.run_parsed(
            Parsed(article=article, doc=doc, sentences=sentences_of(doc))
        )
        return doc


def make_component(nlp: Language, name: str) -> EventwireComponent:
    return EventwireComponent(nlp, name)


def _factory(nlp: Language, name: str) -> Any:
    return make_component(nlp, name)


Language.factory("eventwire", func=_factory)
