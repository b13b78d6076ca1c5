"""What every ingest format shares: defaults from the command line, checks, dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    MalformedRecordError,
    OversizeInputError,
)
from eventwire.model import Article


class ArticleFields(BaseModel):
    """Metadata given on the command line; a value in the input itself wins."""

    published: date | None = None
    source: str = ""
    url: str = ""
    max_bytes: int = 2_000_000

    def build(self, text: str, name: str, **meta: Any) -> Article:
        if not text.strip():
            raise EmptyInputError(f"{name}: no text to code")
        return Article.make(
            text,
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
        raise MalformedRecordError(f"{name}: published date {text!r} is not ISO 8601") from exc


def decode(data: bytes, name: str, max_bytes: int) -> str:
    """Bytes to text, refusing empty, oversized and binary input with a named error."""
    if len(data) > max_bytes:
        raise OversizeInputError(f"{name}: {len(data)} bytes is over the limit of {max_bytes}")
    if not data.strip():
        raise EmptyInputError(f"{name}: file is empty")
    if b"\x00" in data[:8192]:
        raise BinaryInputError(f"{name}: binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="strict") if _looks_cp1252(data) else ""
        if not text:
            raise BinaryInputError(f"{name}: not UTF-8 text and not decodable as cp1252") from None
    if _control_ratio(text) > 0.05:
        raise BinaryInputError(f"{name}: mostly control characters, not text")
    return text


def _looks_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
