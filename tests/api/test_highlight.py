"""Highlight segments: overlapping spans cut the text once, no text is lost or repeated."""

from __future__ import annotations

import pytest

from eventwire.api.highlight import by_sentence, segments
from eventwire.store.export import event_out


def test_highlight_segments_cover_the_text_exactly(sample):
    coded = sample
    segs = segments(coded.article.text, [event_out(e) for e in coded.events])
    assert "".join(s.text for s in segs) == coded.article.text
    assert all(s.text for s in segs)


@pytest.mark.parametrize(
    "start, end, kinds",
    [
        (0, 6, ["source"]),  # "Kenyan"
        (14, 17, ["trigger"]),  # "met"
        (17, 18, []),
    ],
)
def test_highlight_kinds_at_offsets(start, end, kinds, sample):
    coded = sample
    segs = segments(coded.article.text, [event_out(e) for e in coded.events])
    pos = 0
    for s in segs:
        if pos <= start < pos + len(s.text):
            assert s.kinds == kinds and pos + len(s.text) >= end
        pos += len(s.text)


def test_highlight_overlaps_and_out_of_text_spans(sample):
    coded = sample
    ev = event_out(coded.events[0])
    # a trigger inside the source span: one segment carries both kinds
    inner = ev.model_copy(
        update={
            "trigger": ev.participants[0].model_copy(
                update={"start": 7, "end": 13, "text": "envoys"}
            ),
            "location": None,
            "date": None,
        }
    )
    bad = ev.model_copy(
        update={
            "id": "bad",
            "participants": [],
            "location": None,
            "date": None,
            "trigger": ev.trigger.model_copy(update={"start": 900, "end": 905}),
        }
    )
    segs = segments(coded.article.text, [inner, bad])
    both = [s for s in segs if s.kinds == ["source", "trigger"]]
    assert [s.text for s in both] == ["envoys"]
    assert all("bad" not in s.events for s in segs)


def test_highlight_sentence_offset_shifts_spans(sample):
    coded = sample
    s1 = coded.sentences[1]
    segs = segments(s1.text, [event_out(e) for e in coded.events], offset=s1.start)
    assert "".join(s.text for s in segs) == s1.text
    assert [s.text for s in segs if "trigger" in s.kinds] == ["shelled"]


def test_highlight_by_sentence_keeps_each_sentence_whole_and_in_order(sample):
    coded = sample
    evs = [event_out(e) for e in coded.events]
    blocks = by_sentence(coded.article.text, coded.sentences, evs)
    assert "".join(s.text for b in blocks for s in b.segments) == coded.article.text
    texts = {b.index: "".join(s.text for s in b.segments) for b in blocks if b.index is not None}
    assert texts == {s.index: s.text for s in coded.sentences}
    assert [b.index for b in blocks] == [0, None, 1]  # the space between them belongs to neither


def test_highlight_by_sentence_cuts_a_span_at_the_sentence_end(sample):
    coded = sample
    ev = event_out(coded.events[0])
    s0 = coded.sentences[0]
    # a (wrong) place span running past the end of the first sentence into the second
    wide = ev.model_copy(
        update={"location": ev.location.model_copy(update={"start": s0.end - 3, "end": s0.end + 5})}
    )
    blocks = by_sentence(coded.article.text, coded.sentences, [wide])
    first = [b for b in blocks if b.index == 0][0]
    assert "".join(s.text for s in first.segments) == s0.text
    assert first.segments[-1].kinds == ["place"]
