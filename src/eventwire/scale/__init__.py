"""Executors: run `code_batch` over batches of articles, locally or on Ray."""

from eventwire.scale.base import (
    Executor,
    available_executors,
    code_batch,
    code_for_store,
    get_executor,
)

__all__ = ["Executor", "available_executors", "code_batch", "code_for_store", "get_executor"]
