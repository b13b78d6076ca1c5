"""The in-process executor: the default, and the test double for every other one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from eventwire.model import Article, Batch

R = TypeVar("R")


class LocalExecutor:
    name = "local"

    def map_batches(
        self, fn: Callable[[list[Article]], R], batches: Iterable[list[Article]]
    ) -> Iterator[R | Batch]:
        for batch in batches:
            yield fn(batch)
