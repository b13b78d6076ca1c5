"""The executor contract: the same `code_batch` function runs locally and on Ray."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeVar

from eventwire.config import Settings
from eventwire.model import Article, Batch

if TYPE_CHECKING:
    from eventwire.store.rows import StoreRows

R = TypeVar("R")


class Executor(Protocol):
    """Maps a batch function over batches of articles, yielding results in order.

    A batch whose worker died comes back as a `Batch` of failures, whatever `fn` returns.
    """

    name: str

    def map_batches(
        self, fn: Callable[[list[Article]], R], batches: Iterable[list[Article]]
    ) -> Iterator[R | Batch]: ...


def code_batch(articles: list[Article], settings: Settings | None = None) -> Batch:
    """Code one batch; the unit of work every executor ships (records pickle, Docs never do)."""
    from eventwire.coding import code_articles

    return code_articles(articles, settings)


def code_for_store(
    articles: list[Article], settings: Settings | None = None, coder: str = "", digests: bool = True
) -> StoreRows:
    """Code one batch and make what the store writes of it, where it was coded (a worker).

    The rows (Arrow tables) and the negotiation digests are built here, in parallel, so the
    one writer only inserts them and the ingest's end has no digests left to make.
    """
    return rows_for_store(code_batch(articles, settings), coder, digests)


def rows_for_store(batch: Batch, coder: str = "", digests: bool = True) -> StoreRows:
    """What the store writes of a coded batch: its rows and, with `digests`, its negotiation
    digests (made wherever the executor has a core for them: a worker, or the writer)."""
    from eventwire.negotiations.store import digest_rows, version
    from eventwire.store.rows import store_rows

    return store_rows(
        batch.coded,
        coder,
        failures=batch.failures,
        digester=digest_rows if digests else None,
        digest_version=version() if digests else "",
    )


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
