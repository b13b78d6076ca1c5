"""Attribution: who said it. (placeholder until issue 7 lands)"""

from __future__ import annotations

from eventwire.model import ActorMention, Attribution, Event
from eventwire.nlp.parse import Parsed


def find_attributions(parsed: Parsed, actors: list[ActorMention]) -> list[Attribution]:
    return []


def attach_attributions(
    parsed: Parsed, events: list[Event], attributions: list[Attribution]
) -> list[Event]:
    return events
