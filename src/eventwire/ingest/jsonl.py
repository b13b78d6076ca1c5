"""JSON Lines: one article per line (`text` required; title, published, url, source)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from eventwire.errors import EventwireError, MalformedRecordError
from eventwire.ingest.common import ArticleFields, coerce_date
from eventwire.model import Article, Failure


def articles_from_jsonl(
    raw: str, name: str, defaults: ArticleFields
) -> Iterator[Article | Failure]:
    """Each good line becomes an article; a bad line becomes a failure naming `file:line`."""
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            yield _article(line, where, defaults)
        except EventwireError as exc:
            yield Failure(input=where, stage="ingest", code=exc.code, reason=str(exc))
        except (ValueError, TypeError) as exc:  # a bad field fails this record, not the file
            reason = f"{where}: a field has a bad value ({exc})"
            yield Failure(
                input=where, stage="ingest", code=MalformedRecordError.code, reason=reason
            )


def _article(line: str, where: str, defaults: ArticleFields) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(f"{where}: not valid JSON ({exc.msg})") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise MalformedRecordError(f"{where}: a JSON object with a string 'text' field is required")
    return defaults.build(
        obj["text"],
        where,
        title=str(obj.get("title") or ""),
        published=coerce_date(obj.get("published") or obj.get("date"), where),
        source=str(obj.get("source") or ""),
        url=str(obj.get("url") or ""),
    )
