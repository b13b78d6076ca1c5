"""Country and sector from context for actors the KB does not name (issue 13)."""

from __future__ import annotations

import pytest

from eventwire.actors import actor_code, find_actors
from eventwire.model import ActorMention


def mention(parse, text: str, phrase: str) -> ActorMention:  # type: ignore[no-untyped-def]
    found = find_actors(parse(text))
    got = [m for m in found if m.text == phrase]
    assert got, f"no mention {phrase!r} in {[m.text for m in found]}"
    return got[0]


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # an ethnic community belongs to the country the sentence places it in
        (
            "Serbian police arrested five ethnic Hungarians in northern Serbia.",
            "five ethnic Hungarians",
            "SRBCVL",
        ),
        # with no other country named, the demonym's country stays
        ("Ethnic Albanians marched through the capital.", "Ethnic Albanians", "ALBCVL"),
        # "X-led forces" are X's forces
        ("Ugandan-led troops recaptured the port on Friday.", "led troops", "UGAMIL"),
    ],
)
def test_context_gives_unseen_actors_a_country(parse, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = mention(parse, text, phrase)
    assert found.actor is not None
    assert actor_code(found.actor) == code


@pytest.mark.parametrize(
    "text, pronoun, country",
    [
        # 'it is willing to' says something of the state named before: not an expletive 'it'
        ("Egypt says it is willing to reopen the crossing.", "it", "EGY"),
        ("Greece said it was ready to send more ships.", "it", "GRC"),
    ],
)
def test_context_it_before_willing_is_the_state(
    parse, text: str, pronoun: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    found = mention(parse, text, pronoun)
    assert found.actor is not None and found.actor.country == country


def test_context_expletive_it_stays_unresolved(parse) -> None:  # type: ignore[no-untyped-def]
    found = find_actors(parse("Iran said it is likely that talks resume."))
    assert "it" not in {m.text for m in found}


@pytest.mark.parametrize(
    "text, phrase, sector",
    [
        ("Assailants burned the market stalls overnight.", "Assailants", "UAF"),
        ("A Ugandan battalion stormed the camp.", "A Ugandan battalion", "MIL"),
        ("Colonel Omar Bakri rejected the plan.", "Colonel Omar Bakri", "MIL"),
        ("The health ministry counted the wounded.", "The health ministry", "HLH"),
        ("Striking dockworkers blocked the port.", "Striking dockworkers", "LAB"),
    ],
)
def test_context_general_role_nouns_give_a_sector(
    parse, text: str, phrase: str, sector: str
) -> None:  # type: ignore[no-untyped-def]
    found = mention(parse, text, phrase)
    assert found.actor is not None and sector in found.actor.sector
