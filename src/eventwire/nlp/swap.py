"""Put a component of our own in place of one of the model's, under the same name.

spaCy builds components from registered factories, so a ready-made object is handed to its
factory through a list the factory pops from (`replace_pipe` calls it at once).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_PENDING: list[Any] = []


class DocComponent:
    """A component that works one Doc at a time: `pipe` is its call over a stream."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def swap_pipe(nlp: Language, name: str, factory: str, component: Any) -> None:
    """`component` becomes the pipeline's `name` (registered as `factory` the first time)."""
    from spacy.language import Language as Lang

    if not Lang.has_factory(factory):
        Lang.factory(factory, func=_take)
    _PENDING.append(component)
    nlp.replace_pipe(name, factory)


def _take(nlp: Language, name: str) -> Any:
    return _PENDING.pop()
