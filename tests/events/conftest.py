"""Shared checks of the events tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

CodesAs = Callable[..., None]


@pytest.fixture
def codes_as(parse: Callable[..., Parsed]) -> CodesAs:
    """codes_as(text, type_, mode=None, cameo=None): the sentence's principal event has that
    PLOVER type (and mode, and CAMEO code, where given)."""

    def check(text: str, type_: str, mode: str | None = None, cameo: str | None = None) -> None:
        event = principal_event(find_events(parse(text), []))
        assert event is not None, text
        assert event.plover.type == type_, (text, event.plover.type)
        if mode is not None:
            assert event.plover.mode == mode, (text, event.plover.mode)
        if cameo is not None:
            assert event.cameo == cameo, (text, event.cameo)

    return check
