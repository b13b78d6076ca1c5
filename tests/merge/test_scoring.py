"""The array form of the pair scores is the per-pair definition in `merge.similarity`."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.merge.engine import context_of
from eventwire.merge.records import MentionRecord
from eventwire.merge.scoring import Table, evidence, probabilities
from eventwire.merge.similarity import EVIDENCE, Weights, features, load_weights

WORDS = ["attack", "attacked", "talks", "met", "meeting", "said", "shelling", "fired", "arrest", ""]
NAMES = ["ISR", "PSE", "EGY:GOV", "hamas", "mediators", "cairo", "friday"]
DOCS = {
    "d1": "Envoys met in Cairo on Friday for talks on a ceasefire.",
    "d2": "Troops fired on a crowd in the north; shelling went on.",
    "d3": "",
}

maybe = st.one_of(st.none(), st.sampled_from(["", "CONSULT", "ASSAULT", "ACCUSE"]))
days = st.one_of(st.none(), st.integers(0, 30).map(lambda k: date(2024, 1, 1) + timedelta(k)))


@st.composite
def record(draw: st.DrawFn, n: int) -> MentionRecord:
    roles = ("source", "target", "participant", "time", "place")
    start = draw(days)
    lat = draw(st.one_of(st.none(), st.floats(-60, 60)))
    return MentionRecord(
        id=f"m{n}",
        doc=draw(st.sampled_from(sorted(DOCS))),
        sentence=draw(st.integers(0, 2)),
        trigger=draw(st.sampled_from(WORDS)),
        lemma=draw(st.sampled_from(WORDS)),
        plover_type=draw(maybe),
        plover_mode=draw(st.one_of(st.none(), st.sampled_from(["", "talks", "visit"]))),
        cameo=draw(st.one_of(st.none(), st.sampled_from(["", "040", "043", "190", "111"]))),
        status=draw(st.one_of(st.none(), st.sampled_from(["occurred", "planned"]))),
        actors={
            r: tuple(draw(st.lists(st.sampled_from(NAMES), max_size=3)))
            for r in draw(st.lists(st.sampled_from(roles), max_size=3, unique=True))
        },
        countries=tuple(draw(st.lists(st.sampled_from(["ISR", "EGY", "QAT"]), max_size=2))),
        arguments=tuple(draw(st.lists(st.sampled_from(NAMES + WORDS), max_size=4))),
        date_start=start,
        date_end=None if start is None else start + timedelta(draw(st.integers(0, 8))),
        country=draw(st.one_of(st.none(), st.sampled_from(["EGY", "ISR"]))),
        lat=lat,
        lon=None if lat is None else draw(st.floats(-60, 60)),
        context=draw(st.sampled_from(["", "Envoys met in Cairo.", "Troops fired on a crowd."])),
        dep=draw(st.sampled_from(["", "ROOT", "dobj", "compound", "amod"])),
    )


@st.composite
def batches(draw: st.DrawFn) -> list[MentionRecord]:
    n = draw(st.integers(2, 8))
    return [draw(record(k)) for k in range(n)]


def _all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(n, k=1)
    return i.astype(np.int64), j.astype(np.int64)


@settings(max_examples=150, deadline=None)
@given(batches())
def test_every_evidence_equals_its_per_pair_definition(records: list[MentionRecord]) -> None:
    ctx = context_of(records, DOCS)
    i, j = _all_pairs(len(records))
    got = evidence(Table(records, ctx), i, j, EVIDENCE)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        for name, fn in EVIDENCE.items():
            want = fn(records[a], records[b], ctx)
            value = float(got[name][k])
            if want is None:
                assert math.isnan(value), (name, a, b, value)
            else:
                assert math.isclose(value, want, rel_tol=1e-9, abs_tol=1e-12), (name, want, value)


@settings(max_examples=60, deadline=None)
@given(batches(), st.dictionaries(st.sampled_from(sorted(EVIDENCE)), st.floats(-4, 4)))
def test_probabilities_are_those_of_the_weighted_evidence(
    records: list[MentionRecord], weights: dict[str, float]
) -> None:
    model = Weights(bias=-1.0, weights=weights)
    ctx = context_of(records, DOCS)
    i, j = _all_pairs(len(records))
    got = probabilities(Table(records, ctx), i, j, model)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        want = model.probability(features(records[a], records[b], ctx, model.used))
        assert math.isclose(float(got[k]), want, rel_tol=1e-9, abs_tol=1e-12)


def test_the_shipped_weights_score_a_pair_of_one_meeting_above_a_pair_of_two_events() -> None:
    meet = dict(trigger="met", lemma="meet", plover_type="CONSULT", context="Envoys met in Cairo.")
    records = [
        MentionRecord(id="a", doc="d1", actors={"place": ("cairo",)}, **meet),  # type: ignore[arg-type]
        MentionRecord(id="b", doc="d2", actors={"place": ("cairo",)}, **meet),  # type: ignore[arg-type]
        MentionRecord(id="c", doc="d2", sentence=1, trigger="fired", lemma="fire"),
    ]
    ctx = context_of(records, DOCS)
    got = probabilities(
        Table(records, ctx), np.array([0, 0]), np.array([1, 2]), load_weights()
    ).tolist()
    assert got[0] > 0.5 > got[1]
