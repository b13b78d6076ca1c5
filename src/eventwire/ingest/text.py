"""Plain text, with optional YAML front matter (title, published, source, url)."""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from eventwire.errors import MalformedRecordError
from eventwire.ingest.common import ArticleFields, coerce_date
from eventwire.model import Article

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so `coerce_date` judges them and names the field."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != _TIMESTAMP]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(raw: str, name: str) -> tuple[dict[str, Any], str]:
    """Separate a leading `---` YAML block from the body."""
    if not raw.startswith("---"):
        return {}, raw
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise MalformedRecordError(f"{name}: front matter opened with '---' but never closed")
    try:
        meta = yaml.load(parts[0][3:], Loader=_FrontMatterLoader) or {}  # noqa: S506
    except yaml.YAMLError as exc:
        raise MalformedRecordError(f"{name}: front matter is not valid YAML ({exc})") from exc
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # a value YAML cannot build is a bad field of this article, never a crash of the batch
        raise MalformedRecordError(f"{name}: front matter has a bad value ({exc})") from exc
    if not isinstance(meta, dict):
        raise MalformedRecordError(f"{name}: front matter must be a mapping")
    return meta, parts[1].lstrip("-").lstrip("\n")


def article_from_text(raw: str, name: str, defaults: ArticleFields) -> Article:
    """An article from text; front matter overrides the command-line defaults."""
    meta, body = split_front_matter(raw, name)
    published: date | None = coerce_date(meta.get("published", meta.get("date")), name)
    return defaults.build(
        body,
        name,
        title=str(meta.get("title") or ""),
        published=published,
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
    )
