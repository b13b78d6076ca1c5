"""The library entry points: code text, articles or paths. The CLI and API call these."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
