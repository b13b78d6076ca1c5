"""Places: toponyms resolved to the gazetteer, and attached to the events that happened there."""

from __future__ import annotations

from eventwire.places.attach import attach_places
from eventwire.places.find import find_places

__all__ = ["attach_places", "find_places"]
