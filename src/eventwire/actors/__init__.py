"""Actors: find mentions and resolve them to the knowledge base. (placeholder until issue 5 lands)"""

from __future__ import annotations

from eventwire.model import ActorMention
from eventwire.nlp.parse import Parsed


def find_actors(parsed: Parsed) -> list[ActorMention]:
    return []
