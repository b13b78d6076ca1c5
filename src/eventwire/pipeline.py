"""Stages, their order check, and per-article error handling.

A stage is a small function `Context -> Context` that declares what it needs and makes;
`Pipeline` refuses a bad order when it is built, not halfway through a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from eventwire.config import Settings
from eventwire.errors import EventwireError, PipelineOrderError, StageError
from eventwire.model import (
    ActorMention,
    Article,
    Attribution,
    Coded,
    Event,
    Failure,
    Place,
    Timex,
)
from eventwire.nlp.parse import Parsed, parse_articles


@dataclass(frozen=True)
class Context:
    """What the stages have made so far for one parsed article."""

    parsed: Parsed
    settings: Settings
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)

    def with_(self, **products: object) -> Context:
        return replace(self, **products)  # type: ignore[arg-type]


StageFn = Callable[[Context], Context]


@dataclass(frozen=True)
class Stage:
    name: str
    needs: frozenset[str]
    makes: frozenset[str]
    fn: StageFn


STAGES: dict[str, Stage] = {}


def stage(name: str, *, needs: set[str], makes: set[str]) -> Callable[[StageFn], StageFn]:
    """Register a stage under `name`, with what it needs and what it makes."""

    def register(fn: StageFn) -> StageFn:
        STAGES[name] = Stage(name, frozenset(needs), frozenset(makes), fn)
        return fn

    return register


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, names: Iterable[str], settings: Settings | None = None) -> None:
        import eventwire.stages  # noqa: F401  (registers the built-in stages)

        self.settings = settings or Settings()
        self.stages = [STAGES[n] for n in names]
        made = {"sentences"}
        for st in self.stages:
            missing = st.needs - made
            if missing:
                raise PipelineOrderError(
                    f"stage {st.name!r} needs {sorted(missing)}, which no earlier stage makes"
                )
            made |= st.makes

    def run_parsed(self, parsed: Parsed) -> Coded:
        """Run every stage on one parsed article and collect the records.

        An unexpected exception inside a stage is re-raised as `StageError` naming the stage
        and the article, so a batch records it as a failure and goes on.
        """
        ctx = Context(parsed=parsed, settings=self.settings)
        for st in self.stages:
            try:
                ctx = st.fn(ctx)
            except EventwireError:
                raise
            except Exception as exc:  # a bug in one stage must not stop a batch (issue 3)
                raise StageError(
                    f"{parsed.article.input or parsed.article.id}: stage {st.name!r} failed "
                    f"({type(exc).__name__}: {exc})"
                ) from exc
        return Coded(
            article=parsed.article,
            sentences=parsed.sentences,
            actors=ctx.actors,
            events=ctx.events,
            timexes=ctx.timexes,
            places=ctx.places,
            attributions=ctx.attributions,
        )

    def run(self, articles: Iterable[Article]) -> Iterator[Coded | Failure]:
        """Code articles; one that fails becomes a `Failure` and the batch goes on."""
        items = list(articles)
        parsed = parse_articles(
            items, model=self.settings.spacy_model, batch_size=self.settings.batch_size
        )
        for article, p in zip(items, parsed, strict=True):
            try:
                yield self.run_parsed(p)
            except EventwireError as exc:
                yield Failure(
                    input=article.input or article.id, stage="code", code=exc.code, reason=str(exc)
                )


DEFAULT_STAGES = ("actors", "events", "dates", "places", "attribution")


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    return Pipeline(DEFAULT_STAGES, settings)
