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


@pytest.mark.parametrize(
    "name",
    [n if n == "local" else pytest.param(n, marks=pytest.mark.ray) for n in available_executors()],
)
def test_scale_executor_hands_back_the_rows_of_the_local_one(name, nlp):
    from eventwire.scale import code_for_store

    articles = [Article.make(t) for t in TEXTS]
    batches = [articles[:2], articles[2:]]
    local = list(get_executor("local").map_batches(code_for_store, batches))
    out = list(get_executor(name).map_batches(code_for_store, batches))

    def flat(results, field):  # type: ignore[no-untyped-def]
        return [x for r in results for x in getattr(r, field)]  # Ray may batch otherwise

    assert flat(out, "ids") == flat(local, "ids") and len(flat(local, "ids")) == 3
    assert flat(out, "digests") == flat(local, "digests")
    events = [[row for r in rs for row in r.tables["events"].to_pylist()] for rs in (out, local)]
    assert events[0] == events[1] and events[0]
