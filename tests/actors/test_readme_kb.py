"""The README states the actor KB's real size (issue 5)."""

from __future__ import annotations

from pathlib import Path

from eventwire.actors import kb_size

README = Path(__file__).resolve().parents[2] / "README.md"


def test_actors_readme_states_kb_size():
    text = " ".join(README.read_text().split())
    size = kb_size()
    for kind, words in [
        ("state", "states"),
        ("organisation", "international organisations"),
        ("group", "armed groups"),
        ("person", "persons"),
        ("role", "role phrases"),
    ]:
        assert f"{size[kind]} {words}" in text, kind
