"""Freed heap memory goes back to the system between a run's phases (glibc only)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.heap import _malloc_trim, give_back


def _rss_mib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


@pytest.mark.skipif(not sys.platform.startswith("linux") or _malloc_trim() is None, reason="glibc")
def test_freed_small_blocks_are_returned_after_give_back() -> None:
    blocks = [bytearray(2000) for _ in range(100_000)]  # 200 MB of malloc'd blocks
    keep = blocks[-1]  # the top of the heap stays in use, so nothing is returned by itself
    del blocks
    before = _rss_mib()
    give_back()
    assert _rss_mib() < before - 100
    assert len(keep) == 2000


def test_give_back_is_safe_anywhere() -> None:
    give_back()
    give_back()
