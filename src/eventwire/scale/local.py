"""The in-process executor: the default, and the test double for every other one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from eventwire.model import Article, Batch


class LocalExecutor:
    name = "local"

    def map_batches(
        self, fn: Callable[[list[Article]], Batch], batches: Iterable[list[Article]]
    ) -> Iterator[Batch]:
        for batch in batches:
            yield fn(batch)
