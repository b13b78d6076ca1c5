"""RSS and Atom files with feedparser: one article per entry (summary or content)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from eventwire.errors import EventwireError, MalformedRecordError
from eventwire.ingest.common import ArticleFields
from eventwire.model import Article, Failure

_TAGS = re.compile(r"<[^>]+>")


def articles_from_feed(raw: str, name: str, defaults: ArticleFields) -> Iterator[Article | Failure]:
    """Entries of a feed file; an entry without text is a failure naming `file#n`."""
    import feedparser

    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        raise MalformedRecordError(f"{name}: not a readable RSS/Atom feed ({feed.bozo_exception})")
    outlet = str(feed.feed.get("title") or "")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{name}#{n}"
        try:
            yield _entry_article(entry, where, outlet, defaults)
        except EventwireError as exc:
            yield Failure(input=where, stage="ingest", code=exc.code, reason=str(exc))
        except (ValueError, TypeError) as exc:  # a bad field fails this record, not the file
            reason = f"{where}: a field has a bad value ({exc})"
            yield Failure(
                input=where, stage="ingest", code=MalformedRecordError.code, reason=reason
            )


def _entry_article(entry: object, where: str, outlet: str, defaults: ArticleFields) -> Article:
    get = entry.get  # type: ignore[attr-defined]
    content = get("content") or []
    html = content[0].get("value", "") if content else get("summary", "")
    text = _TAGS.sub(" ", html or "")
    text = re.sub(r"[ \t]+", " ", text).strip()
    parsed = get("published_parsed") or get("updated_parsed")
    published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    return defaults.build(
        text,
        where,
        title=str(get("title") or ""),
        published=published,
        source=outlet,
        url=str(get("link") or ""),
    )
