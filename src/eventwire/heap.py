"""Memory a long run has freed, handed back to the system between its phases."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache


def give_back() -> None:
    """Hand freed heap pages back to the system (glibc's `malloc_trim`; elsewhere nothing).

    A merge frees hundreds of MiB of small objects between its phases (the blocks, the
    folded keys, the linkage's rows); glibc keeps them mapped, so the next phase's peak
    stacks on top of the last one's (on a 180k-mention store: 865 -> 554 MiB after
    blocking). Called by the workers after each batch it lowered no peak (survive.py on
    10k articles: largest worker 1023 -> 1020 MiB), so they do not call it.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None
