"""Fixtures of the scorer tests: a fake coder that returns events written in each test."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

import eventwire
from eventwire.config import Settings
from eventwire.eval import cameo
from eventwire.model import ActorRef, Article, Batch, Coded, Event, Participant, Plover, Span

# One fake event: (plover type, mode, cameo, [(role, text, country, sectors), ...])
FakeEvent = tuple[str, str | None, str, list[tuple[str, str, str | None, list[str]]]]


def make_event(article: Article, n: int, spec: FakeEvent) -> Event:
    """An event on the article's first word with the given type, code and participants."""
    ptype, mode, cameo, parts = spec
    word = article.text.split()[0]
    participants = [
        Participant(role=role, text=text, start=0, end=len(word),  # type: ignore[arg-type]
                    actor=ActorRef(id=text, name=text, country=country, sector=sectors))
        for role, text, country, sectors in parts
    ]  # fmt: skip
    return Event(
        id=f"{article.id}-{n}",
        article_id=article.id,
        sentence=0,
        text=article.text,
        trigger=Span(text=word, start=0, end=len(word)),
        plover=Plover(type=ptype, mode=mode),
        cameo=cameo,
        participants=participants,
    )


@pytest.fixture
def fake_coder(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[dict[str, list[FakeEvent]]], list[int]]:
    """fake_coder({text: [events]}) replaces `eventwire.code_articles`; returns a call counter."""

    def install(table: dict[str, list[FakeEvent]]) -> list[int]:
        calls: list[int] = []

        def code_articles(articles: Iterable[Article], settings: Settings | None = None) -> Batch:
            items = list(articles)
            calls.append(len(items))
            coded = [
                Coded(
                    article=a,
                    events=[make_event(a, i, s) for i, s in enumerate(table.get(a.text, []))],
                )
                for a in items
            ]
            return Batch(coded=coded)

        monkeypatch.setattr(eventwire, "code_articles", code_articles)
        monkeypatch.setattr(
            cameo, "_principal_fn", lambda: lambda events: events[0] if events else None
        )
        return calls

    return install


@pytest.fixture
def write_gold(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    """write_gold(name, items) writes a JSONL gold file under tmp_path and returns its path."""

    def write(name: str, items: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
        return path

    return write


@pytest.fixture
def event_maker() -> Callable[[Article, int, FakeEvent], Event]:
    """make_event(article, n, spec) as a fixture (test modules do not import conftest)."""
    return make_event
