"""Write a corpus of hostile inputs beside good ones (made here, never committed as blobs).

Usage: python scripts/make_hostile_corpus.py DIR
`make(folder)` returns what each input must give: an error code, or None for a stored article.
The slow test `tests/scale/test_hostile_corpus.py` ingests it and checks exactly that.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

CITIES = ["Cairo", "Doha", "Nairobi", "Geneva", "Oslo", "Muscat", "Amman", "Addis Ababa", "Lima"]


def make(folder: Path, run_on_bytes: int = 800_000) -> dict[str, str | None]:
    """Create the corpus in `folder`; map each input name to its expected code (None: stored)."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str | None] = {}
    cities = iter(CITIES)

    def good() -> str:
        """A good report, a different one each call (the same text would be one article)."""
        return f"Envoys of the two governments met in {next(cities)} for truce talks, aides said.\n"

    def put(name: str, data: bytes, code: str | None) -> None:
        (folder / name).write_bytes(data)
        expect[name] = code

    put("good.txt", good().encode(), None)
    put("dated.txt", b"---\npublished: 2024-02-23\n---\n" + good().encode(), None)
    put("bad_date.txt", b"---\npublished: 2024-13-45\n---\n" + good().encode(), "EW105")
    put("utf16.txt", good().encode("utf-16"), None)
    put("utf32.txt", good().encode("utf-32"), None)
    put("cp1252.txt", "The envoys\u2019 caf\u00e9 talks resumed.\n".encode("cp1252"), None)
    put("broken_utf8.txt", good().encode() + b"Talks \xc3\xa9 went \xff on.\n", None)
    put("not_text.txt", b"Talks " + bytes(range(0x80, 0x100)) * 4, "EW109")
    put("binary.txt", b"\x00\x01\x02binary\x00" * 20, "EW103")
    put("empty.txt", b"", "EW102")
    put("image.png", b"\x89PNG\r\n", "EW106")
    put(
        "run_on.txt",
        (b"the rebels and the army and " * (run_on_bytes // 28 + 1))[:run_on_bytes],
        None,
    )
    lines = [
        json.dumps({"text": good(), "published": "2024-05-01"}),
        "{broken",
        json.dumps({"text": 5}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    expect.update({"feed.jsonl:1": None, "feed.jsonl:2": "EW105", "feed.jsonl:3": "EW105"})
    os.symlink(folder / "missing.txt", folder / "dangling.txt")
    expect["dangling.txt"] = "EW108"
    os.symlink(folder / "self.txt", folder / "self.txt")
    expect["self.txt"] = "EW108"
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_bytes(good().encode())
    expect["sub/inner.txt"] = None
    os.symlink(folder, folder / "sub" / "loop", target_is_directory=True)
    expect["sub/loop"] = "EW108"
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = "EW107"
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, code in sorted(make(Path(sys.argv[1])).items()):
        print(f"{code or 'stored'}\t{name}")
