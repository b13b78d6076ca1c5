"""Ray executor on Ray Data: `map_batches` over an actor pool, each actor holding the model.

The run streams: Ray Data pulls blocks through the actors with back-pressure, so only a few
batches are in flight whatever the input size, and `preserve_order` gives the one writer
the results in input order. Each batch's result crosses pickled (Docs never leave a worker):
for an ingest, the rows the writer inserts (`scale.base.code_for_store`).

Ray is an extra (`pip install eventwire[ray]`) imported only here.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Generic, TypeVar

from eventwire.model import Article, Batch

R = TypeVar("R")
WINDOW_BATCHES_PER_WORKER = 64  # an actor pool (and its model load) per window: ~1% of it


class CoderActor(Generic[R]):
    """One Ray actor: keeps the batch function (and so the loaded model) between batches."""

    def __init__(self, fn: Callable[[list[Article]], R]) -> None:
        self.fn = fn

    def __call__(self, rows: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        result = self.fn([Article.model_validate_json(str(s)) for s in rows["article"]])
        out = np.empty(1, dtype=object)  # one row per batch: its result, pickled
        out[0] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        return {"result": out}


class RayExecutor:
    name = "ray"

    def __init__(self, num_workers: int = 2, address: str | None = None) -> None:
        import ray

        if not ray.is_initialized():
            ray.init(
                address=address,
                include_dashboard=False,
                log_to_driver=False,
                num_cpus=None if address else num_workers,
            )
        self._ray = ray
        self.num_workers = max(1, num_workers)

    def map_batches(
        self, fn: Callable[[list[Article]], R], batches: Iterable[list[Article]]
    ) -> Iterator[R | Batch]:
        """`fn` over the articles of `batches` on `num_workers` actors, results in order.

        The input is taken a window of `window` batches at a time, so a 100k-article run
        never holds more than one window's articles and results on the driver.
        """
        context = self._ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # eventwire's own bar shows articles/s and ETA
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        window = WINDOW_BATCHES_PER_WORKER * self.num_workers
        pending = iter(batches)
        while chunk := list(islice(pending, window)):
            yield from self._run(fn, chunk)

    def _run(self, fn: Callable[[list[Article]], R], chunk: list[list[Article]]) -> Iterator[R]:
        items = [{"article": a.model_dump_json()} for b in chunk for a in b]
        dataset = self._ray.data.from_items(items).map_batches(
            CoderActor,
            fn_constructor_kwargs={"fn": fn},
            batch_size=max(len(b) for b in chunk),  # the executor batch, as on the local pool
            compute=self._ray.data.ActorPoolStrategy(size=self.num_workers),
            num_cpus=1,
        )
        for block in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for result in block["result"]:
                yield pickle.loads(result)  # noqa: S301 - pickled by our own actors
