"""The executor contract: the same `code_batch` function runs locally and on Ray."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from eventwire.config import Settings
from eventwire.model import Article, Batch


class Executor(Protocol):
    """Maps a batch function over batches of articles, yielding results in order."""

    name: str

    def map_batches(
        self, fn: Callable[[list[Article]], Batch], batches: Iterable[list[Article]]
    ) -> Iterator[Batch]: ...


def code_batch(articles: list[Article], settings: Settings | None = None) -> Batch:
    """Code one batch; the unit of work every executor ships (records pickle, Docs never do)."""
    from eventwire.coding import code_articles

    return code_articles(articles, settings)


def available_executors() -> list[str]:
    """Executors usable in this environment: local and pool always, ray when installed."""
    names = ["local", "pool"]
    try:
        import ray  # noqa: F401
    except ImportError:
        return names
    return [*names, "ray"]


def get_executor(name: str = "local", **options: object) -> Executor:
    if name == "local":
        from eventwire.scale.local import LocalExecutor

        return LocalExecutor()
    if name == "pool":
        from eventwire.scale.pool import PoolExecutor

        return PoolExecutor(**options)  # type: ignore[arg-type]
    if name == "ray":
        from eventwire.scale.ray import RayExecutor

        return RayExecutor(**options)  # type: ignore[arg-type]
    raise ValueError(f"unknown executor {name!r}; choose one of {available_executors()}")
