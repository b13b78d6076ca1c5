"""eventwire: sourced event data from news reports about conflict and mediation."""

from eventwire.coding import code_articles, code_text
from eventwire.config import Settings
from eventwire.model import (
    SCHEMA_VERSION,
    ActorMention,
    ActorRef,
    Article,
    Attribution,
    Batch,
    Coded,
    Event,
    Failure,
    Place,
    Sentence,
    Span,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ActorMention",
    "ActorRef",
    "Article",
    "Attribution",
    "Batch",
    "Coded",
    "Event",
    "Failure",
    "Place",
    "Sentence",
    "Settings",
    "Span",
    "Timex",
    "code_articles",
    "code_text",
]
