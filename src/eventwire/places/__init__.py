"""Places: toponyms resolved to the gazetteer. (placeholder until issue 6 lands)"""

from __future__ import annotations

from eventwire.model import ActorMention, Event, Place
from eventwire.nlp.parse import Parsed


def find_places(parsed: Parsed, actors: list[ActorMention]) -> list[Place]:
    return []


def attach_places(parsed: Parsed, events: list[Event], places: list[Place]) -> list[Event]:
    return events
