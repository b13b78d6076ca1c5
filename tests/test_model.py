"""The data model: ids, spans, frozen records, the printed event shape and its schema."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from eventwire.model import Article, Event, Plover, Span, article_id
from eventwire.store.export import event_json_schema, event_record


def test_model_article_id_is_stable_over_whitespace_and_newlines():
    a = Article.make("Talks resumed.\r\nMediators met.  ", source="wire")
    b = Article.make("Talks resumed.\nMediators met.", source="wire")
    assert a.id == b.id


def test_model_article_id_depends_on_source():
    assert article_id("Talks resumed.", "a") != article_id("Talks resumed.", "b")


def test_model_records_are_frozen():
    span = Span(text="met", start=0, end=3)
    with pytest.raises(ValidationError):
        span.start = 2  # type: ignore[misc]


def test_model_rejects_unknown_fields():
    with pytest.raises(ValidationError):
        Span(text="met", start=0, end=3, colour="red")  # type: ignore[call-arg]


def _event() -> Event:
    return Event(
        id="e1",
        article_id="a1",
        sentence=0,
        text="Hamas met mediators.",
        trigger=Span(text="met", start=6, end=9),
        plover=Plover(type="CONSULT"),
        cameo="040",
    )


def test_model_event_record_has_the_documented_keys():
    rec = event_record(_event())
    for key in (
        "id",
        "article_id",
        "sentence",
        "text",
        "trigger",
        "plover",
        "cameo",
        "quad",
        "goldstein",
        "participants",
        "location",
        "date",
        "status",
        "attribution",
        "confidence",
    ):
        assert key in rec
    assert rec["trigger"] == {"text": "met", "start": 6, "end": 9}


def test_model_schema_lists_every_printed_key():
    schema = event_json_schema()
    assert set(event_record(_event())) <= set(schema["properties"])
    assert set(schema["required"]) >= {"id", "trigger", "plover", "cameo", "status"}


def test_model_published_is_a_date():
    a = Article.make("x", published=date(2024, 2, 23))
    assert a.published == date(2024, 2, 23)


@pytest.mark.parametrize(
    "raw", ["Plain text.", "Line one.   \nLine two.\r\nEnd.  ", "  Lead.\n\n\nTrail.\n"]
)
def test_model_article_keeps_text_as_given_so_gold_offsets_index_it(raw):
    """Scorers use gold offsets as they are: the article text is never rewritten."""
    art = Article.make(raw)
    assert art.text == raw
    assert art.id == Article.make(raw.strip()).id  # the id still ignores such whitespace
