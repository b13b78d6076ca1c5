"""All cores on one machine: a process pool, the model loaded once per worker process.

At most `in_flight` batches are submitted ahead of the one being written, so memory stays
flat however long the input; results come back in input order, for one writer.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from eventwire.model import Article, Batch, Failure


class PoolExecutor:
    name = "pool"

    def __init__(self, workers: int = 2, in_flight: int | None = None) -> None:
        self.workers = max(1, workers)
        self.in_flight = in_flight or 2 * self.workers

    def map_batches(
        self, fn: Callable[[list[Article]], Batch], batches: Iterable[list[Article]]
    ) -> Iterator[Batch]:
        """`fn` over batches in worker processes (spawned: no inherited store or threads)."""
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            pending: deque[tuple[list[Article], Future[Batch]]] = deque()
            for batch in batches:
                pending.append((batch, pool.submit(fn, batch)))
                if len(pending) >= self.in_flight:
                    yield _result(*pending.popleft())
            while pending:
                yield _result(*pending.popleft())


def _result(batch: list[Article], future: Future[Batch]) -> Batch:
    """The batch's records; a worker that died fails its articles, not the run."""
    try:
        return future.result()
    except Exception as exc:  # a killed worker (out of memory) or a pickling error
        reason = f"worker failed on this batch ({type(exc).__name__}: {exc}); rerun to retry"
        return Batch(
            failures=[
                Failure(input=a.input or a.id, stage="code", code="EW301", reason=reason)
                for a in batch
            ]
        )
