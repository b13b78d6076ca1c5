"""Every installed executor codes like the local one (local always; ray when installed)."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.scale import available_executors, code_batch, get_executor

TEXTS = [
    "Government envoys met rebel leaders in Nairobi on Monday.",
    "Police arrested dozens of protesters in the capital.",
    "The army shelled villages near the border, officials said.",
]


def _ids(batches):  # type: ignore[no-untyped-def]
    return [(c.article.id, [e.id for e in c.events]) for b in batches for c in b.coded]


@pytest.mark.parametrize(
    "name",
    [n if n == "local" else pytest.param(n, marks=pytest.mark.ray) for n in available_executors()],
)
def test_scale_executor_matches_local(name, nlp):
    articles = [Article.make(t) for t in TEXTS]
    batches = [articles[:2], articles[2:]]
    expected = _ids(get_executor("local").map_batches(code_batch, batches))
    assert _ids(get_executor(name).map_batches(code_batch, batches)) == expected
    assert len(expected) == 3


def test_scale_unknown_executor_is_refused():
    with pytest.raises(ValueError, match="unknown executor"):
        get_executor("spark")
