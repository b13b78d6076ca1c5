"""Events: triggers, roles, PLOVER/CAMEO codes and status, from the dependency parse (issue 4)."""

from __future__ import annotations

from eventwire.events.find import find_events
from eventwire.events.principal import principal_event

__all__ = ["find_events", "principal_event"]
