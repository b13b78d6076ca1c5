"""Ingest: each format gives articles; each bad input gives one failure naming it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.common import ArticleFields
from eventwire.model import Article, Failure

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks</title><link>http://example.invalid/1</link>
<pubDate>Fri, 23 Feb 2024 10:00:00 GMT</pubDate><description>Envoys met in Doha on Friday.</description></item>
<item><title>Empty</title><description></description></item>
</channel></rss>"""

HTML = """<!DOCTYPE html><html><head><title>Envoys meet</title>
<meta property="og:site_name" content="Example Wire"></head><body>
<nav>Home | World | Sport</nav><article><h1>Envoys meet</h1>
<p>Envoys from the two governments met in Doha on Friday to discuss a prisoner exchange, officials said.</p>
<p>The talks will resume next week after both delegations consult their capitals, a diplomat added.</p>
</article><footer>Copyright</footer></body></html>"""


def _read(
    tmp_path: Path, name: str, content: str | bytes, **fields: object
) -> list[Article | Failure]:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return list(read_inputs([path], ArticleFields(**fields)))  # type: ignore[arg-type]


def test_ingest_text_with_front_matter(tmp_path):
    items = _read(
        tmp_path, "a.txt", "---\ntitle: T\npublished: 2024-02-23\nsource: W\n---\nEnvoys met."
    )
    (a,) = items
    assert isinstance(a, Article)
    assert (a.title, a.published, a.source, a.text) == ("T", date(2024, 2, 23), "W", "Envoys met.")


def test_ingest_text_takes_command_line_defaults(tmp_path):
    (a,) = _read(tmp_path, "a.txt", "Envoys met.", published=date(2024, 1, 2), source="S")
    assert isinstance(a, Article) and a.published == date(2024, 1, 2) and a.source == "S"


def test_ingest_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "Envoys met.", "published": "2024-02-23"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Troops withdrew.", "url": "u"}),
    ]
    items = _read(tmp_path, "b.jsonl", "\n".join(lines))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Article"]
    assert items[1].input.endswith("b.jsonl:2") and items[2].input.endswith("b.jsonl:3")


def test_ingest_html_strips_boilerplate(tmp_path):
    (a,) = _read(tmp_path, "c.html", HTML)
    assert isinstance(a, Article)
    assert "prisoner exchange" in a.text and "Home | World" not in a.text


def test_ingest_feed_entries(tmp_path):
    items = _read(tmp_path, "d.rss", RSS)
    assert isinstance(items[0], Article) and items[0].published == date(2024, 2, 23)
    assert items[0].source == "Wire" and "Doha" in items[0].text
    assert isinstance(items[1], Failure) and items[1].input.endswith("d.rss#2")


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "EW102"),
        ("blank.txt", b"   \n\n", "EW102"),
        ("bin.txt", b"\x00\x01\x02binary\x00" * 20, "EW103"),
        ("img.png", b"\x89PNG\r\n", "EW106"),
    ],
)
def test_ingest_bad_file_is_a_named_failure(tmp_path, name, content, code):
    (f,) = _read(tmp_path, name, content)
    assert isinstance(f, Failure) and f.code == code and name in f.reason


def test_ingest_oversized_input_fails(tmp_path):
    (f,) = _read(tmp_path, "big.txt", "word " * 100, max_bytes=50)
    assert isinstance(f, Failure) and f.code == "EW104"


def test_ingest_directory_is_recursive_and_goes_on(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Envoys met.")
    (tmp_path / "b.txt").write_bytes(b"")
    items = list(read_inputs([tmp_path]))
    assert sorted(type(i).__name__ for i in items) == ["Article", "Failure"]


def test_ingest_missing_path_is_a_failure(tmp_path):
    (f,) = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(f, Failure) and "nope.txt" in f.reason


def test_ingest_cp1252_text_is_decoded(tmp_path):
    (a,) = _read(tmp_path, "w.txt", "Café talks “ended”.".encode("cp1252"))
    assert isinstance(a, Article) and "Café" in a.text
