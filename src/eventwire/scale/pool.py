"""All cores on one machine: a process pool, the model loaded once per worker process.

At most `in_flight` batches are submitted ahead of the one being written, so memory stays
flat however long the input; results come back in input order, for one writer.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from eventwire.model import Article, Batch, Failure

R = TypeVar("R")


class PoolExecutor:
    name = "pool"

    def __init__(self, workers: int = 2, in_flight: int | None = None) -> None:
        self.workers = max(1, workers)
        self.in_flight = in_flight or 4 * self.workers

    def map_batches(
        self, fn: Callable[[list[Article]], R], batches: Iterable[list[Article]]
    ) -> Iterator[R | Batch]:
        """`fn` over batches in worker processes, forked from a warm fork server."""
        context = pool_context()
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
                pending: deque[tuple[list[Article], Future[R]]] = deque()
                for batch in batches:
                    pending.append((batch, pool.submit(fn, batch)))
                    if len(pending) >= self.in_flight:
                        out = _result(*pending.popleft())
                        yield out
                while pending:
                    out = _result(*pending.popleft())
                    yield out
        finally:
            stop_fork_server(context)


def pool_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fork server that preloaded the model (`scale.warm`).

    The fork server starts clean (no inherited store, connection or threads of this
    process, unlike a plain fork), loads the model once and forks each worker from there,
    so a worker's start-up is a fork, not an import and a model load. Spawn where there is
    no fork server (Windows).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([WARM_MODULE])
    return context


WARM_MODULE = "eventwire.scale.warm"


def stop_fork_server(context: multiprocessing.context.BaseContext) -> None:
    """Stop (and wait for) the warm fork server once its workers are done.

    That frees its copy of the model for the merge that follows, and being waited for, its
    CPU time and its workers' count in this process's children's (what `benchmarks/scale.py`
    reads). The standard library has no public call for it, hence the guard.
    """
    if context.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if callable(stop):
        stop()


def _result(batch: list[Article], future: Future[R]) -> R | Batch:
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
