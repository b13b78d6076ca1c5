"""Fixtures of the parse tests: a text run through the model up to (not into) one component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture
def before(nlp: Language) -> Callable[[str, str], Doc]:
    """before(component, text): the Doc as that component of the pipeline receives it."""

    def run(component: str, text: str) -> Doc:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == component:
                return doc
            doc = proc(doc)
        raise AssertionError(f"no {component} in the pipeline")

    return run
