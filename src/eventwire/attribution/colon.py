"""Colon attributions: "NAME: text" lines of transcripts and headlines ("Q: ...", "Smith: ...").

The label is the source, the colon the cue, the rest of the line the content.
"""

from __future__ import annotations

import re

_NAME = r"(?!(?:On|To)\b)[A-Z][\w.'’&-]*"
_LINE = re.compile(
    # an optional lead ending in a dash ("EXCLUSIVE – Smith: ...", "... contests - Smith: ...")
    r"(?m)^[ \t]*(?:[^\n:]{1,160}?[ \t][-–—][ \t]+)?"
    rf"(?P<src>{_NAME}(?:[ \t]+(?:{_NAME}|and|of|de|van|von)){{0,4}})"
    # an optional topic or addressee of a headline ("Smith on the budget: ...", "Smith to X: ...")
    r"(?:[ \t]+(?:on|to|On|To)[ \t][^:\n]{1,80}?)?"
    r"[ \t]*(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)$"
)
_TRANSCRIPT_LABELS = frozenset({"q", "a"})
# Title-case headline words that no speaker label holds ("The Latest: ...", "Big Win For X: ...").
_HEADLINE_WORDS = frozenset(
    {
        "the",
        "for",
        "of",
        "in",
        "on",
        "to",
        "a",
        "an",
        "with",
        "at",
        "by",
        "latest",
        "notice",
        "poll",
        "win",
        "wins",
        "is",
        "are",
        "how",
        "why",
        "what",
        "when",
        "who",
        "breaking",
    }
)
_NOT_SOURCES = frozenset(
    {
        "note",
        "update",
        "updated",
        "editor's note",
        "editor’s note",
        "photo",
        "photos",
        "source",
        "sources",
        "abstract",
        "full text",
        "watch",
        "related",
        "read more",
        "read",
        "follow",
        "video",
        "correction",
        "credit",
        "image",
        "caption",
        "subject",
        "title",
        "date",
        "location",
        "tags",
        "see also",
        "more",
        "warning",
        "breaking",
        "exclusive",
        "opinion",
        "analysis",
        "live",
        "listen",
    }
)


def colon_lines(text: str) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """(source, cue, content) character spans of every "Label: text" line."""
    out = []
    for m in _LINE.finditer(text):
        label = m.group("src")
        words = label.lower().split()
        if label.lower() in _NOT_SOURCES:
            continue
        if label.lower() not in _TRANSCRIPT_LABELS and _HEADLINE_WORDS.intersection(words):
            continue
        end = m.end("content")
        while end > m.start("content") and text[end - 1] in " .":
            end -= 1
        out.append((m.span("src"), m.span("cue"), (m.start("content"), end)))
    return out
