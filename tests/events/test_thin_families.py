"""The two thinnest PLOVER families, filled out (issue 13): THREATEN and COOPERATE.

Probe sentences written for these tests from general English and CAMEO 13 / 06 names:
intimidating someone is a threat; pooling resources, combining efforts, stepping up or
improving cooperation are material cooperation. The principal event must have the type.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Armed men browbeat the shopkeepers into closing early.", "THREATEN"),
        ("The gang tried to frighten the local journalists.", "THREATEN"),
        ("The two police forces pooled their resources against smugglers.", "COOPERATE"),
        ("The coastal states combined their efforts against piracy.", "COOPERATE"),
        ("Kenya and Uganda stepped up cooperation on border security.", "COOPERATE"),
        ("The customs agencies liaised closely during the operation.", "COOPERATE"),
    ],
)
def test_thin_families_code_the_principal_event(parse: Parse, text: str, type_: str) -> None:
    main = principal_event(find_events(parse(text), []))
    assert main is not None and main.plover.type == type_, text
