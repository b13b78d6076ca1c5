"""`eventwire eval --task coref` on a tiny topic written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.eval import evaluate

DOCS = {
    "a.xml": "Rebels attacked the northern town of Kora on Monday.\nThe army said it would respond.",
    "b.xml": "The attack on Kora by rebels killed four people, officials said.",
}


def mention(doc: str, word: str, chain: str, sentence: int = 0) -> dict[str, object]:
    start = DOCS[doc].index(word)
    return {
        "doc_id": doc,
        "m_id": word,
        "start": start,
        "end": start + len(word),
        "text": word,
        "type": "ACTION_OCCURRENCE",
        "sentence": sentence,
        "in_coref_sentence": True,
        "chain": chain,
    }


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    item = {
        "id": "toy:1",
        "documents": [{"doc_id": d, "text": t, "coref_sentences": [0]} for d, t in DOCS.items()],
        "event_mentions": [
            mention("a.xml", "attacked", "1/attack"),
            mention("b.xml", "attack", "1/attack"),
            mention("b.xml", "killed", "b.xml/single/killed"),
        ],
    }
    path = tmp_path / "toy.jsonl"
    path.write_text(json.dumps(item) + "\n")
    return path


def test_coref_scores_pooled_topics_and_writes_predictions(gold: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    report = evaluate(gold, "coref", predictions=out)
    assert report.n_items == 1
    assert report.metrics["n_mentions"] == 3
    assert report.extra["used_subtopic"] is False
    line = json.loads(out.read_text())
    assert line["id"] == "toy:1"
    assert sorted(k for c in line["clusters"] for k in c) == sorted(
        f"{m}" for m in ("a.xml:7:15", "b.xml:4:10", "b.xml:29:35")
    )


def test_only_coref_writes_predictions(gold: Path, tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="does not write predictions"):
        evaluate(gold, "plover", predictions=tmp_path / "x.jsonl")


def test_predicted_mentions_match_gold_by_exact_offsets(gold: Path) -> None:
    report = evaluate(gold, "coref-predicted")
    assert report.extra["mentions"] == "predicted"
    # at least one gold trigger ("attacked", "attack", "killed") is found at its exact offsets
    assert report.metrics["mention_recall_all"] >= 1 / 3
    assert report.metrics["n_predicted_all"] >= 1


def test_gold_mentions_carry_the_trigger_relation_and_status(tmp_path: Path) -> None:
    from eventwire.config import Settings
    from eventwire.eval.coref import topics

    item = {
        "id": "toy:2",
        "documents": [{"doc_id": "a.xml", "text": DOCS["a.xml"], "coref_sentences": [0, 1]}],
        "event_mentions": [
            mention("a.xml", "attacked", "1/attack"),
            mention("a.xml", "respond", "a.xml/single/respond", sentence=1),
        ],
    }
    path = tmp_path / "toy2.jsonl"
    path.write_text(json.dumps(item) + "\n")
    (topic,) = topics(path, Settings())
    attacked, respond = topic.records
    assert (attacked.dep, attacked.status) == ("ROOT", "occurred")
    assert respond.status in ("planned", "hypothetical")
