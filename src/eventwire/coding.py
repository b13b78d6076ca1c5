"""The library entry points: code text, articles or paths. The CLI and API call these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from eventwire.config import Settings
from eventwire.model import Article, Batch, Coded, Failure
from eventwire.pipeline import default_pipeline


def code_articles(articles: Iterable[Article], settings: Settings | None = None) -> Batch:
    """Code articles with the default pipeline; failures are recorded, not raised.

    Example: `code_articles([Article.make("Hamas met Egyptian mediators.")]).events`
    """
    pipe = default_pipeline(settings)
    coded: list[Coded] = []
    failures: list[Failure] = []
    for item in pipe.run(articles):
        (coded if isinstance(item, Coded) else failures).append(item)  # type: ignore[arg-type]
    return Batch(coded=coded, failures=failures)


def code_text(
    text: str, *, published: date | None = None, settings: Settings | None = None, source: str = ""
) -> Coded:
    """Code one text. Example: `code_text(report, published=date(2024, 2, 23)).events`."""
    article = Article.make(text, published=published, source=source)
    batch = code_articles([article], settings)
    if batch.failures:
        from eventwire.errors import StageError

        raise StageError(batch.failures[0].reason)
    return batch.coded[0]


def _read(
    paths: Iterable[str | Path], published: date | None, source: str, settings: Settings
) -> Iterator[Article | Failure]:
    """Read inputs lazily: one file at a time, never the whole batch in memory."""
    from eventwire.ingest import read_inputs
    from eventwire.ingest.common import ArticleFields
    from eventwire.ingest.language import model_languages

    fields = ArticleFields(
        published=published,
        source=source,
        max_bytes=settings.max_article_bytes,
        languages=model_languages(settings.spacy_model),
    )
    return read_inputs(paths, fields)


def iter_coded(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str = "",
    settings: Settings | None = None,
) -> Iterator[Coded | Failure]:
    """Read and code inputs batch by batch, yielding as it goes (memory stays flat).

    A read failure is yielded when it is met, before the batch it would have joined.
    """
    settings = settings or Settings()
    pipe = default_pipeline(settings)
    batch: list[Article] = []
    for item in _read(paths, published, source, settings):
        if isinstance(item, Failure):
            yield item
            continue
        batch.append(item)
        if len(batch) == settings.batch_size:
            yield from pipe.run(batch)
            batch = []
    if batch:
        yield from pipe.run(batch)


def code_paths(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str = "",
    settings: Settings | None = None,
) -> Batch:
    """Read and code files, directories or '-'; every unreadable input is a recorded failure.

    Example: `code_paths(["samples/"], published=date(2024, 2, 23)).events`
    """
    return collect(iter_coded(paths, published=published, source=source, settings=settings))


def collect(items: Iterable[Coded | Failure]) -> Batch:
    """Gather streamed results into one `Batch`."""
    coded: list[Coded] = []
    failures: list[Failure] = []
    for item in items:
        if isinstance(item, Coded):
            coded.append(item)
        else:
            failures.append(item)
    return Batch(coded=coded, failures=failures)


class IngestSummary(BaseModel):
    articles: int = 0
    events: int = 0
    failures: int = 0
    skipped: int = Field(0, description="Already stored from the same content by this coder.")
    failure_records: list[Failure] = []


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | Path = "eventwire.duckdb",
    published: date | None = None,
    source: str = "",
    settings: Settings | None = None,
    progress: bool = False,
    workers: int = 1,
    recode: bool = False,
    executor: str = "local",
    address: str | None = None,
    out_parquet: str | Path | None = None,
) -> IngestSummary:
    """Read, code and store; re-ingesting the same article replaces its rows (idempotent).

    Articles already stored from the same content by the same coder are skipped (`recode`
    forces them), so a killed run, rerun, codes only the rest. `workers` > 1 codes on a
    process pool; `executor="ray"` on Ray (`scale/`). `out_parquet` writes Parquet shards
    there instead of the store (`store.shards`; load them with `load_parquet`).
    """
    from eventwire.ingest.walk import count_inputs
    from eventwire.scale.run import RunOptions, run_ingest

    settings = settings or Settings()
    paths = list(paths)
    opts = RunOptions(
        db=db,
        settings=settings,
        workers=workers,
        executor=executor,
        address=address,
        recode=recode,
        progress=progress,
        out_parquet=out_parquet,
    )
    total = count_inputs(paths) if progress else None
    tally = run_ingest(_read(paths, published, source, settings), opts, total)
    if out_parquet is None:
        from eventwire.scale.run import finish_store
        from eventwire.store.duck import Store

        with Store(db) as store:
            finish_store(store, tally.written)
    return IngestSummary(
        articles=tally.articles,
        events=tally.events,
        failures=len(tally.failures),
        skipped=tally.skipped,
        failure_records=tally.failures,
    )


def load_parquet(folder: str | Path, *, db: str | Path = "eventwire.duckdb") -> IngestSummary:
    """Load Parquet shards written by `ingest_paths(out_parquet=...)` into a store, then merge."""
    from eventwire.scale.run import finish_store
    from eventwire.store.duck import Store
    from eventwire.store.shards import load_shards

    with Store(db) as store:
        ids = load_shards(store, folder)
        finish_store(store, ids)
        events = store.con.execute(
            "SELECT count(*) FROM events WHERE article_id IN (SELECT unnest(?))", [ids]
        ).fetchone()
    return IngestSummary(articles=len(ids), events=int(events[0]) if events else 0)
