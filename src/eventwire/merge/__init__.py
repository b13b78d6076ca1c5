"""Across reports: merge stored event mentions into real-world events (never sees a spaCy Doc)."""

from eventwire.merge.engine import Cluster, MergeParams, merge
from eventwire.merge.records import MentionRecord

__all__ = ["Cluster", "MentionRecord", "MergeParams", "merge"]
