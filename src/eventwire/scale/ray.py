"""Ray executor: stateful actors each hold the spaCy model; batches go round-robin.

Ray is an extra (`pip install eventwire[ray]`) imported only here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from eventwire.model import Article, Batch


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
        self.num_workers = num_workers

    def map_batches(
        self, fn: Callable[[list[Article]], Batch], batches: Iterable[list[Article]]
    ) -> Iterator[Batch]:
        ray = self._ray

        @ray.remote
        class Worker:
            """Holds the loaded model between batches (the model loads once per worker)."""

            def __init__(self, func: Callable[[list[Article]], Batch]) -> None:
                self.func = func

            def run(self, batch: list[Article]) -> Batch:
                return self.func(batch)

        workers: list[Any] = [Worker.remote(fn) for _ in range(self.num_workers)]  # type: ignore[attr-defined]
        refs = [workers[i % len(workers)].run.remote(b) for i, b in enumerate(batches)]
        for ref in refs:
            yield ray.get(ref)
