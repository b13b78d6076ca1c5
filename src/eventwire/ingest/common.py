"""What every ingest format shares: defaults from the command line, checks, dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from eventwire.errors import EmptyInputError, MalformedRecordError
from eventwire.ingest.encoding import decode_bytes
from eventwire.model import Article


class ArticleFields(BaseModel):
    """Metadata given on the command line; a value in the input itself wins."""

    published: date | None = None
    source: str = ""
    url: str = ""
    max_bytes: int = 2_000_000
    languages: tuple[str, ...] = ("en",)  # those the installed model codes (`ingest.language`)

    def build(self, text: str, name: str, **meta: Any) -> Article:
        if not text.strip():
            raise EmptyInputError(f"{name}: no text to code")
        from eventwire.ingest.language import check_language

        return Article.make(
            text,
            language=check_language(text, name, self.languages),
            published=meta.get("published") or self.published,
            source=meta.get("source") or self.source,
            url=meta.get("url") or self.url,
            title=meta.get("title") or "",
            input=name,
        )


def coerce_date(value: object, name: str) -> date | None:
    """Accept a date, a datetime or an ISO string (date or timestamp)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise MalformedRecordError(
            f"{name}: published date {text!r} is not a real ISO 8601 date"
        ) from exc


def decode(data: bytes, name: str, max_bytes: int) -> str:
    """Bytes to text, refusing empty, oversized, binary and undecodable input with a named error."""
    return decode_bytes(data, name, max_bytes)
