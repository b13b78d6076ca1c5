"""Actors: find mentions and resolve them to the knowledge base (issue 5)."""

from __future__ import annotations

from eventwire.actors.find import find_actors
from eventwire.actors.kb import kb_size, load_kb
from eventwire.actors.refs import actor_code

__all__ = ["actor_code", "find_actors", "kb_size", "load_kb"]
