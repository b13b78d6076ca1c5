"""Attribution: who said it (issue 7). Cues, sources, content; linked to events."""

from __future__ import annotations

from eventwire.attribution.find import find_attributions
from eventwire.attribution.link import attach_attributions
from eventwire.attribution.tagger import tag_attributions

__all__ = ["attach_attributions", "find_attributions", "tag_attributions"]
