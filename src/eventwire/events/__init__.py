"""Events: triggers, roles, PLOVER/CAMEO, status. (placeholder until issue 4 lands)"""

from __future__ import annotations

from eventwire.model import ActorMention, Event
from eventwire.nlp.parse import Parsed


def find_events(parsed: Parsed, actors: list[ActorMention]) -> list[Event]:
    return []
