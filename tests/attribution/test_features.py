"""Token features of the trained attribution tagger, read column by column from the parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.attribution.features import Columns, base_features, cue_features, rule_marks
from eventwire.attribution.find import find_attributions
from eventwire.attribution.quotes import QuoteIndex
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def test_features_columns_follow_the_parse(parse: Parse) -> None:
    doc = parse("The mayor said the bridge would reopen. Traffic was light.").doc
    cols = Columns(doc)
    assert cols.head == [t.head.i for t in doc]
    assert cols.children == [[c.i for c in t.children] for t in doc]
    assert cols.lemma == [t.lemma_.lower() for t in doc]
    assert cols.sents == [(s.start, s.end) for s in doc.sents]


def test_features_window_stops_at_the_sentence_edge(parse: Parse) -> None:
    doc = parse("The mayor spoke. Traffic was light.").doc
    cols = Columns(doc)
    feats = base_features(cols, QuoteIndex(doc.text))
    second = cols.sents[1][0]
    assert doc[second].text == "Traffic"
    assert "first" in feats[second] and "edge[-1]" in feats[second]
    assert not any(f.startswith("w[-1]=") for f in feats[second])
    assert "w[1]=was" in feats[second] and "lem=traffic" in feats[second]


def test_features_mark_quoted_tokens_and_the_rules_cue(parse: Parse) -> None:
    parsed = parse('"The talks failed," an official said.')
    doc = parsed.doc
    cols = Columns(doc)
    feats = base_features(cols, QuoteIndex(doc.text))
    talks = next(t.i for t in doc if t.text == "talks")
    said = next(t.i for t in doc if t.text == "said")
    assert "inq" in feats[talks] and "inq" not in feats[said]
    marks = rule_marks(cols, find_attributions(parsed, []))
    start, end = next((s, e) for s, e in cols.sents if s <= said < e)
    cue = cue_features(start, end, cols, feats, marks)
    assert "rc=B" in cue[said - start]
    assert all("rc=O" in f for f in cue[: said - start] if "inq" in f)


def test_features_columns_keep_heads_before_and_after_and_entities(parse: Parse) -> None:
    doc = parse('In Lagos, "we will stay," the union leader told Reuters on Friday.').doc
    cols = Columns(doc)
    assert cols.text == [t.text for t in doc]
    assert cols.idx == [t.idx for t in doc]
    assert cols.ent == [t.ent_type_ for t in doc]
    assert cols.dep == [t.dep_ for t in doc] and cols.tag == [t.tag_ for t in doc]
    assert any(h < n for n, h in enumerate(cols.head))  # heads to the left ...
    assert any(h > n for n, h in enumerate(cols.head))  # ... and to the right
    assert "GPE" in cols.ent or "ORG" in cols.ent
    assert Columns(parse("").doc).head == []


def test_features_do_not_depend_on_the_sentence_window(parse: Parse) -> None:
    text = (
        'The minister said on Monday that "nothing has changed." Critics disagreed. '
        "A spokesman for the ministry told reporters the plan would go ahead, "
        "according to a statement. Prices rose."
    )
    doc = parse(text).doc
    cols = Columns(doc)
    quotes = QuoteIndex(doc.text)
    assert len(cols.sents) >= 4
    whole = list(base_features(cols, quotes, window=len(cols.sents)))
    assert len(whole) == len(doc)
    for window in (1, 2, 3):
        assert list(base_features(cols, quotes, window=window)) == whole
    said = next(t.i for t in doc if t.text == "said")
    assert "ch=nsubj" in whole[said] and "w[-1]=minister" in whole[said]
    assert list(base_features(Columns(parse("").doc), quotes)) == []


def test_features_of_a_long_doc_are_held_a_few_windows_at_a_time(parse: Parse) -> None:
    doc = parse(" ".join(f"Officials in town {n} said the road was closed." for n in range(12))).doc
    cols = Columns(doc)
    feats = base_features(cols, QuoteIndex(doc.text), window=1)
    rows = [feats[i] for i in range(len(doc))]  # read front to back, as the taggers do
    assert len(feats.kept) == feats.KEPT_WINDOWS < len(cols.sents)
    assert rows[0] == feats[0]  # a window dropped is built again, the same
    with pytest.raises(IndexError):
        feats[len(doc)]
