"""Ray executor on Ray Data: `map_batches` over an actor pool, each actor holding the model.

The run streams: Ray Data pulls blocks through the actors with back-pressure, so only a few
batches are in flight whatever the input size, and `preserve_order` gives the one writer
the results in input order. Records cross as JSON strings (Docs never leave a worker).

Ray is an extra (`pip install eventwire[ray]`) imported only here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from eventwire.model import Article, Batch, Coded, Failure

CODED, FAILED = "coded", "failure"
WINDOW_BATCHES_PER_WORKER = 64  # an actor pool (and its model load) per window: ~1% of it


class CoderActor:
    """One Ray actor: keeps the batch function (and so the loaded model) between batches."""

    def __init__(self, fn: Callable[[list[Article]], Batch]) -> None:
        self.fn = fn

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[str]]:
        batch = self.fn([Article.model_validate_json(str(s)) for s in rows["article"]])
        kinds = [CODED] * len(batch.coded) + [FAILED] * len(batch.failures)
        records = [r.model_dump_json() for r in (*batch.coded, *batch.failures)]
        return {"kind": kinds, "record": records}


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
        self, fn: Callable[[list[Article]], Batch], batches: Iterable[list[Article]]
    ) -> Iterator[Batch]:
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

    def _run(
        self, fn: Callable[[list[Article]], Batch], chunk: list[list[Article]]
    ) -> Iterator[Batch]:
        items = [{"article": a.model_dump_json()} for b in chunk for a in b]
        dataset = self._ray.data.from_items(items).map_batches(
            CoderActor,
            fn_constructor_kwargs={"fn": fn},
            batch_size=_batch_size(fn),
            concurrency=self.num_workers,
            num_cpus=1,
        )
        for block in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            yield _batch(block)


def _batch_size(fn: Callable[[list[Article]], Batch]) -> int:
    settings = getattr(fn, "keywords", {}).get("settings")
    return int(getattr(settings, "batch_size", 32))


def _batch(block: dict[str, Any]) -> Batch:
    coded: list[Coded] = []
    failures: list[Failure] = []
    for kind, record in zip(block["kind"], block["record"], strict=True):
        if str(kind) == CODED:
            coded.append(Coded.model_validate_json(str(record)))
        else:
            failures.append(Failure.model_validate_json(str(record)))
    return Batch(coded=coded, failures=failures)
