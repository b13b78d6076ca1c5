"""Negotiations across reports: parties, mediators, rounds, proposals and their fates,
positions, threats and status over time, built from the stored events and articles."""

from eventwire.negotiations.build import assemble, build, digests_of
from eventwire.negotiations.model import Negotiation

__all__ = ["Negotiation", "assemble", "build", "digests_of"]
