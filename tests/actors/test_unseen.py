"""Actors the KB has never seen by name: offices held in organisations, organisation types,
and people named by a bare demonym (issue 13)."""

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
        # an office held in an organisation takes the organisation's sectors, not government's
        ("An official of the union accused the government.", "An official", "---LAB"),
        ("Officials of the company denied the charges.", "Officials", "---BUS"),
        ("A spokesman for the rebels in Darfur denied it.", "A spokesman", "SDNREB"),
        ("A spokesman for the Iraqi government denied it.", "A spokesman", "IRQGOV"),
        # a weak title before the office does not add government to the organisation's sector
        (
            "The union's chief negotiator rejected the offer.",
            "The union's chief negotiator",
            "---LAB",
        ),
        # a bare "group" is typed by its modifiers
        ("Human rights groups accused the army of torture.", "Human rights groups", "---NGO"),
        ("Yesterday jihadist groups attacked the village.", "jihadist groups", "---REB"),
        ("Yesterday civil society groups protested.", "civil society groups", "---NGO"),
    ],
)
def test_unseen_organisations_get_a_sector(parse, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = mention(parse, text, phrase)
    assert found.actor is not None
    assert actor_code(found.actor) == code


def test_unknown_party_name_is_typed_by_its_head_noun(parse) -> None:  # type: ignore[no-untyped-def]
    found = mention(
        parse, "The Communist Party accused the government of fraud.", "The Communist Party"
    )
    assert found.actor is not None and found.actor.sector == ["PTY"]


@pytest.mark.parametrize(
    "text, phrase, kind, country, name",
    [
        ("An American was killed in Baghdad.", "An American", "person", "USA", "United States"),
        ("The Americans accused Iran of lying.", "The Americans", "people", "USA", "United States"),
        ("Egyptians protested on Friday.", "Egyptians", "people", "EGY", "Egypt"),
    ],
)
def test_bare_demonym_is_people_of_that_country(  # type: ignore[no-untyped-def]
    parse, text: str, phrase: str, kind: str, country: str, name: str
) -> None:
    found = mention(parse, text, phrase)
    assert found.actor is not None
    assert (found.actor.kind, found.actor.country, found.actor.name) == (kind, country, name)
    assert "GOV" not in found.actor.sector  # people of a country, not its state


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # a town or village named by a demonym, as an actor, is its residents
        ("Troops shelled a Syrian village near the border.", "a Syrian village", "SYRCVL"),
        ("Rebels besieged the Bosnian town of Gorazde.", "the Bosnian town", "BIHCVL"),
    ],
)
def test_settlement_with_demonym_is_its_residents(parse, text: str, phrase: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = mention(parse, text, phrase)
    assert found.actor is not None
    assert actor_code(found.actor) == code


def test_the_capital_stays_a_place_of_the_state(parse) -> None:  # type: ignore[no-untyped-def]
    found = find_actors(parse("He flew to the Egyptian capital on Friday."))
    assert all(m.actor is None or "CVL" not in m.actor.sector for m in found)


@pytest.mark.parametrize(
    "text, phrase, sectors",
    [
        # a typing modifier gives a bare group or a member noun its sector ...
        ("Ethnic groups protested against the government.", "Ethnic groups", ["CVL"]),
        ("The minister met business leaders.", "business leaders", ["BUS"]),
        # ... but never overrides an office of government
        ("The labour minister rejected the demands.", "The labour minister", ["GOV"]),
    ],
)
def test_typing_modifiers_only_type_what_has_no_sector(  # type: ignore[no-untyped-def]
    parse, text: str, phrase: str, sectors: list[str]
) -> None:
    found = mention(parse, text, phrase)
    assert found.actor is not None and found.actor.sector == sectors
