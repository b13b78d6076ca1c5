"""The library entry points: code text, articles or paths. The CLI and API call these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from pydantic import BaseModel

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
) -> tuple[list[Article], list[Failure]]:
    from eventwire.ingest import read_inputs
    from eventwire.ingest.common import ArticleFields

    fields = ArticleFields(published=published, source=source, max_bytes=settings.max_article_bytes)
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in read_inputs(paths, fields):
        (articles if isinstance(item, Article) else failures).append(item)  # type: ignore[arg-type]
    return articles, failures


def iter_coded(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    source: str = "",
    settings: Settings | None = None,
) -> Iterator[Coded | Failure]:
    """Read and code inputs batch by batch, yielding as it goes (memory stays flat)."""
    settings = settings or Settings()
    articles, failures = _read(paths, published, source, settings)
    yield from failures
    pipe = default_pipeline(settings)
    size = settings.batch_size
    for i in range(0, len(articles), size):
        yield from pipe.run(articles[i : i + size])


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
    failure_records: list[Failure] = []


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | Path = "eventwire.duckdb",
    published: date | None = None,
    source: str = "",
    settings: Settings | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Read, code and store; re-ingesting the same article replaces its rows (idempotent)."""
    from eventwire.store.duck import Store

    settings = settings or Settings()
    articles, failures = _read(paths, published, source, settings)
    summary = IngestSummary()
    written: list[str] = []
    with Store(db) as store:
        chunks = [
            articles[i : i + settings.batch_size]
            for i in range(0, len(articles), settings.batch_size)
        ]
        for batch in _progress(chunks, len(articles), progress):
            coded = code_articles(batch, settings)
            for c in coded.coded:
                store.write(c)
                written.append(c.article.id)
                summary.articles += 1
                summary.events += len(c.events)
            failures.extend(coded.failures)
        for f in failures:
            store.write_failure(f)
        if written:
            from eventwire.merge.store import merge_store

            merge_store(store, written)  # incremental: only the new articles' events
    summary.failures = len(failures)
    summary.failure_records = failures
    return summary


def _progress(chunks: list[list[Article]], total: int, show: bool) -> Iterator[list[Article]]:
    if not show:
        yield from chunks
        return
    from rich.progress import Progress

    with Progress(transient=False) as bar:
        task = bar.add_task("coding articles", total=total)
        for chunk in chunks:
            yield chunk
            bar.advance(task, len(chunk))
