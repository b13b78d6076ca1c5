"""The public API is exactly `__all__`; every setting is documented."""

from __future__ import annotations

from inspect import ismodule
from pathlib import Path

import eventwire
from eventwire.config import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_public_api_is_exactly_all():
    public = {n for n, v in vars(eventwire).items() if not n.startswith("_") and not ismodule(v)}
    assert set(eventwire.__all__) == public


def test_settings_have_descriptions():
    assert all(f.description for f in Settings.model_fields.values())


def test_settings_are_documented_in_readme():
    text = README.read_text()
    assert all(f"`{name}`" in text for name in Settings.model_fields)


def test_cli_commands_are_documented_in_readme():
    from eventwire.cli import app

    text = README.read_text()
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert all(f"eventwire {n.rstrip('_')}" in text for n in names)
