"""Hostile inputs: each bad input is one failure with its own code; the rest of the batch goes on."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article, Failure

GOOD = "Envoys from both sides met in Cairo on Monday, officials said.\n"


def _by_name(items: list[Article | Failure]) -> dict[str, Article | Failure]:
    return {Path(i.input).name: i for i in items}


def test_ingest_bad_front_matter_date_fails_that_file_only(tmp_path):
    (tmp_path / "bad.txt").write_text("---\npublished: 2024-13-45\n---\n" + GOOD)
    (tmp_path / "good.txt").write_text("---\npublished: 2024-02-23\n---\n" + GOOD)
    items = _by_name(list(read_inputs([tmp_path])))
    bad, good = items["bad.txt"], items["good.txt"]
    assert isinstance(bad, Failure) and bad.code == "EW105" and "2024-13-45" in bad.reason
    assert isinstance(good, Article) and str(good.published) == "2024-02-23"


def test_ingest_dangling_symlink_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = _by_name(list(read_inputs([tmp_path])))
    gone = items["gone.txt"]
    assert isinstance(gone, Failure) and gone.code == "EW108" and "dangling" in gone.reason
    assert isinstance(items["good.txt"], Article)


def test_ingest_symlink_loop_to_a_parent_is_reported_once(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "good.txt").write_text(GOOD)
    (sub / "back").symlink_to(tmp_path, target_is_directory=True)
    items = list(read_inputs([tmp_path]))
    loops = [i for i in items if isinstance(i, Failure)]
    assert [(Path(f.input).name, f.code) for f in loops] == [("back", "EW108")]
    assert sum(isinstance(i, Article) for i in items) == 1


def test_ingest_link_to_itself_is_a_loop(tmp_path):
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (failure,) = read_inputs([tmp_path / "self.txt"])
    assert isinstance(failure, Failure) and failure.code == "EW108" and "loop" in failure.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_ingest_unreadable_directory_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD)
    locked.chmod(0)
    try:
        (failure,) = read_inputs([tmp_path])
    finally:
        locked.chmod(0o755)
    assert isinstance(failure, Failure) and failure.code == "EW110"
    assert failure.input.endswith("locked")


def test_ingest_fifo_on_the_command_line_is_reported_not_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (failure,) = read_inputs([fifo])  # opening it would block with no writer
    assert isinstance(failure, Failure) and failure.code == "EW107" and "FIFO" in failure.reason


def test_ingest_mostly_utf8_with_a_broken_byte_is_decoded_with_a_warning(tmp_path, caplog):
    data = "Négociateurs met in Genève on Friday.\n".encode() + b"The talks \xff resumed.\n"
    (tmp_path / "a.txt").write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        (article,) = read_inputs([tmp_path / "a.txt"])
    assert isinstance(article, Article) and "\ufffd" in article.text and "Genève" in article.text
    assert "a.txt" in caplog.text and "U+FFFD" in caplog.text


def test_ingest_bytes_that_are_no_text_encoding_are_refused_with_a_reason(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Talks " + bytes(range(0x80, 0xFF)) * 3)
    (failure,) = read_inputs([tmp_path / "a.txt"])
    assert isinstance(failure, Failure) and failure.code == "EW109"
    assert "not valid UTF-8" in failure.reason


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_ingest_text_with_a_byte_order_mark_is_decoded(tmp_path, codec):
    (tmp_path / "a.txt").write_bytes(("Délégués met in Doha.\n").encode(codec))
    (article,) = read_inputs([tmp_path / "a.txt"])
    assert isinstance(article, Article) and article.text == "Délégués met in Doha.\n"


def test_ingest_utf16_bom_with_odd_bytes_is_refused(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfeT\x00a\x00l")
    (failure,) = read_inputs([tmp_path / "a.txt"])
    assert isinstance(failure, Failure) and failure.code == "EW109"


def test_ingest_oversized_file_is_refused_before_it_is_read(tmp_path):
    from eventwire.ingest.common import ArticleFields

    (tmp_path / "big.txt").write_text(GOOD * 100)
    (failure,) = read_inputs([tmp_path / "big.txt"], ArticleFields(max_bytes=1000))
    assert isinstance(failure, Failure) and failure.code == "EW104"


def test_ingest_directory_refusing_its_listing_is_reported(tmp_path, monkeypatch):
    import eventwire.ingest.walk as walk

    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.scandir

    def refuse(path: os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(walk.os, "scandir", refuse)
    (tmp_path / "good.txt").write_text(GOOD)
    items = _by_name(list(read_inputs([tmp_path])))
    locked_failure = items["locked"]
    assert isinstance(locked_failure, Failure) and locked_failure.code == "EW110"
    assert "Permission denied" in locked_failure.reason and isinstance(items["good.txt"], Article)


def test_ingest_count_inputs_counts_files_and_jsonl_lines(tmp_path):
    from eventwire.ingest.walk import count_inputs

    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    (tmp_path / ".hidden.txt").write_text(GOOD)
    assert count_inputs([tmp_path]) == 4
