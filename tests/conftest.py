"""Shared fixtures only: the spaCy model (loaded once), parse and code helpers, paths."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import eventwire
from eventwire.model import Coded
from eventwire.nlp.parse import Parsed, parse_articles

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.nlp.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[..., Parsed]:  # type: ignore[no-untyped-def]
    """parse(text, published=None) -> Parsed."""

    def _parse(text: str, published: date | None = None) -> Parsed:
        return next(parse_articles([eventwire.Article.make(text, published=published)]))

    return _parse


@pytest.fixture(scope="session")
def code(nlp) -> Callable[..., Coded]:  # type: ignore[no-untyped-def]
    """code(text, published=None) -> Coded, through the full default pipeline."""

    def _code(text: str, published: date | None = None) -> Coded:
        return eventwire.code_text(text, published=published)

    return _code


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared not present beside the checkout")
    return SHARED


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*.events.jsonl on purpose.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
