"""Negotiations kept up to date with the store (placeholder until cached builds land)."""

from __future__ import annotations

from eventwire.negotiations.build import build
from eventwire.negotiations.model import Negotiation
from eventwire.store.duck import Store


def load_or_build(store: Store) -> list[Negotiation]:
    return build(store)
