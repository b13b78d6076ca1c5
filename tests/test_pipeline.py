"""The pipeline: order checked when built; a failing stage becomes a Failure, the batch goes on."""

from __future__ import annotations

import pytest

from eventwire.errors import PipelineOrderError, StageError
from eventwire.model import Article, Coded, Failure
from eventwire.pipeline import DEFAULT_STAGES, STAGES, Context, Pipeline, stage


def test_pipeline_refuses_a_stage_before_what_it_needs():
    with pytest.raises(PipelineOrderError, match="'events' needs \\['actors'\\]"):
        Pipeline(["events", "actors"])


def test_pipeline_default_order_is_valid():
    assert [s.name for s in Pipeline(DEFAULT_STAGES).stages] == list(DEFAULT_STAGES)


def test_pipeline_failing_article_is_recorded_and_batch_goes_on(nlp):
    @stage("explode-on-boom", needs={"sentences"}, makes=set())
    def explode(ctx: Context) -> Context:
        if "boom" in ctx.parsed.article.text:
            raise StageError(f"{ctx.parsed.article.id}: boom")
        return ctx

    try:
        pipe = Pipeline(["explode-on-boom"])
        out = list(
            pipe.run(
                [
                    Article.make("Talks went well.", input="a"),
                    Article.make("boom", input="b"),
                    Article.make("Troops left.", input="c"),
                ]
            )
        )
    finally:
        STAGES.pop("explode-on-boom")
    assert [type(o) for o in out] == [Coded, Failure, Coded]
    assert out[1].input == "b" and out[1].code == "EW301"


def test_pipeline_unexpected_exception_names_the_stage(nlp):
    @stage("buggy", needs={"sentences"}, makes=set())
    def buggy(ctx: Context) -> Context:
        raise KeyError("oops")

    try:
        (out,) = list(Pipeline(["buggy"]).run([Article.make("Talks went well.", input="x.txt")]))
    finally:
        STAGES.pop("buggy")
    assert (
        isinstance(out, Failure) and "stage 'buggy' failed" in out.reason and "x.txt" in out.reason
    )
