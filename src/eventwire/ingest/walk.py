"""Walk inputs (files, directories, '-') and dispatch each file to its format reader."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import EventwireError, UnsupportedInputError
from eventwire.ingest.common import ArticleFields, decode
from eventwire.ingest.feeds import articles_from_feed
from eventwire.ingest.html import article_from_html
from eventwire.ingest.jsonl import articles_from_jsonl
from eventwire.ingest.text import article_from_text
from eventwire.model import Article, Failure

TEXT = {".txt", ".text", ".md", ""}
HTML = {".html", ".htm"}
JSONL = {".jsonl", ".ndjson"}
FEEDS = {".rss", ".atom", ".xml"}
KNOWN = TEXT | HTML | JSONL | FEEDS


def read_inputs(
    paths: Iterable[str | Path], fields: ArticleFields | None = None
) -> Iterator[Article | Failure]:
    """Articles from files, directories (recursive) and '-' (stdin); failures name the input."""
    fields = fields or ArticleFields()
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(fields)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(
                c for c in path.rglob("*") if c.is_file() and not c.name.startswith(".")
            ):
                yield from read_path(child, fields)
        elif path.exists():
            yield from read_path(path, fields)
        else:
            yield Failure(
                input=str(path),
                stage="ingest",
                code="EW101",
                reason=f"{path}: no such file or directory",
            )


def read_path(path: Path, fields: ArticleFields) -> Iterator[Article | Failure]:
    """One file to articles (a JSONL or feed file gives many)."""
    name = str(path)
    try:
        data = path.read_bytes()
        yield from _dispatch(data, name, path.suffix.lower(), fields)
    except EventwireError as exc:
        yield Failure(input=name, stage="ingest", code=exc.code, reason=str(exc))
    except OSError as exc:
        yield Failure(
            input=name, stage="ingest", code="EW101", reason=f"{name}: cannot read ({exc.strerror})"
        )


def _dispatch(
    data: bytes, name: str, suffix: str, fields: ArticleFields
) -> Iterator[Article | Failure]:
    if suffix not in KNOWN:
        raise UnsupportedInputError(
            f"{name}: unknown file type {suffix!r} (use .txt, .html, .jsonl, .rss/.atom/.xml)"
        )
    text = decode(data, name, fields.max_bytes)
    if suffix in JSONL:
        yield from articles_from_jsonl(text, name, fields)
    elif suffix in FEEDS:
        yield from articles_from_feed(text, name, fields)
    elif suffix in HTML or _looks_html(text):
        yield article_from_html(text, name, fields)
    else:
        yield article_from_text(text, name, fields)


def _read_stdin(fields: ArticleFields) -> Iterator[Article | Failure]:
    data = sys.stdin.buffer.read()
    try:
        text = decode(data, "<stdin>", fields.max_bytes)
        head = text.lstrip()[:1]
        if head == "{":
            yield from articles_from_jsonl(text, "<stdin>", fields)
        elif _looks_html(text):
            yield article_from_html(text, "<stdin>", fields)
        else:
            yield article_from_text(text, "<stdin>", fields)
    except EventwireError as exc:
        yield Failure(input="<stdin>", stage="ingest", code=exc.code, reason=str(exc))


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")
