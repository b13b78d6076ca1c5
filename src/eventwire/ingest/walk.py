"""Walk inputs (files, directories, '-') and dispatch each file to its format reader."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import (
    EventwireError,
    IngestError,
    LinkError,
    OversizeInputError,
    SpecialFileError,
    UnreadableInputError,
    UnsupportedInputError,
)
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
    """Articles from files, directories (recursive) and '-' (stdin); failures name the input.

    Nothing is skipped silently: a dangling link, a link loop, an unreadable directory or a
    FIFO is a failure with its own code. Hidden files and directories are left out.
    """
    fields = fields or ArticleFields()
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(fields)
        else:
            yield from _read_entry(Path(p), fields, frozenset())


def count_inputs(paths: Iterable[str | Path]) -> int:
    """About how many articles `paths` hold (a file each, a line each in JSON Lines), fast.

    For a progress bar's ETA: nothing is decoded, and what cannot be read counts once.
    """
    total = 0
    for p in paths:
        if str(p) == "-":
            total += 1
            continue
        for path in _files_under(Path(p)):
            total += _lines(path) if path.suffix.lower() in JSONL else 1
    return total


def _files_under(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (Path(root) / f for f in sorted(files) if not f.startswith("."))


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def _read_entry(
    path: Path, fields: ArticleFields, ancestors: frozenset[tuple[int, int]]
) -> Iterator[Article | Failure]:
    try:
        st = _stat(path)
    except EventwireError as exc:
        yield _failure(str(path), exc)
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _read_dir(path, fields, ancestors | {(st.st_dev, st.st_ino)})
    else:
        yield from read_path(path, fields)


def _stat(path: Path) -> os.stat_result:
    """The status of what a path names, with a coded error for links that lead nowhere."""
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise LinkError(f"{path}: dangling symbolic link (to {os.readlink(path)!r})") from None
        raise IngestError(f"{path}: no such file or directory") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise LinkError(f"{path}: symbolic link loop") from None
        raise UnreadableInputError(f"{path}: cannot read ({exc.strerror})") from None


def _read_dir(
    path: Path, fields: ArticleFields, ancestors: frozenset[tuple[int, int]]
) -> Iterator[Article | Failure]:
    try:
        with os.scandir(path) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith("."))
    except OSError as exc:
        reason = f"{path}: directory cannot be read ({exc.strerror or exc})"
        yield _failure(str(path), UnreadableInputError(reason))
        return
    for name in names:
        child = path / name
        try:
            st = _stat(child)
        except EventwireError as exc:
            yield _failure(str(child), exc)
            continue
        if stat.S_ISDIR(st.st_mode) and (st.st_dev, st.st_ino) in ancestors:
            loop = LinkError(f"{child}: link loop (leads back to a directory being read)")
            yield _failure(str(child), loop)
        elif stat.S_ISDIR(st.st_mode):
            yield from _read_dir(child, fields, ancestors | {(st.st_dev, st.st_ino)})
        else:
            yield from read_path(child, fields)


def read_path(path: Path, fields: ArticleFields) -> Iterator[Article | Failure]:
    """One file to articles (a JSONL or feed file gives many); never opens a FIFO or device."""
    name = str(path)
    try:
        data = _read_regular(path, fields.max_bytes)
        yield from _dispatch(data, name, path.suffix.lower(), fields)
    except EventwireError as exc:
        yield _failure(name, exc)
    except Exception as exc:  # a reader library's bug fails this input only (issue 18)
        reason = f"{name}: could not be read ({type(exc).__name__}: {exc})"
        yield _failure(name, IngestError(reason))


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file; its size is checked before anything is read."""
    st = _stat(path)
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise SpecialFileError(f"{path}: {kind}, not a regular file; it is not read")
    if st.st_size > max_bytes:
        raise OversizeInputError(f"{path}: {st.st_size} bytes is over the limit of {max_bytes}")
    try:
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: cannot read ({exc.strerror or exc})") from None


_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _failure(name: str, exc: EventwireError) -> Failure:
    return Failure(input=name, stage="ingest", code=exc.code, reason=str(exc))


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
        yield _failure("<stdin>", exc)


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")
