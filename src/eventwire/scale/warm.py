"""Preloaded by the pool's fork server: the model, lexicons, KB and gazetteer, loaded once.

Every worker is then forked from that warm process (copy-on-write) instead of spawning and
loading it all again, so N workers pay one start-up, not N. Importing this module never
raises: a failed warm-up only means each worker loads what it needs itself.
"""

from __future__ import annotations

import gc

WARM_TEXT = "Government envoys met rebel leaders in Nairobi on Monday, officials said."


def warm_up() -> bool:
    """Code one short article with the default settings and make its store rows and digests,
    as a worker does with each batch (so what that first loads or imports is loaded here,
    once); True when that worked."""
    try:
        from eventwire.model import Article
        from eventwire.scale.base import code_for_store

        return not code_for_store([Article.make(WARM_TEXT)]).failures
    except Exception:  # noqa: BLE001 - a worker that is not warm still works, only slower
        return False


WARM = warm_up()
# What the warm-up loaded is kept for good: frozen, the collector never walks (and so never
# writes to) those objects again, so the workers forked from here keep sharing their pages
# instead of each copying them on its first full collection, and collect faster.
gc.collect()
gc.freeze()
