"""Unnamed people and bodies get the sector their noun or modifier says (issue 13): a man of a
country is a civilian of it, not its government; a ruling coalition governs."""

from __future__ import annotations

from eventwire.actors import find_actors


def _actor(parse, text: str, surface: str):  # type: ignore[no-untyped-def]
    found = [m for m in find_actors(parse(text)) if m.text == surface]
    assert found and found[0].actor is not None, surface
    return found[0].actor


def test_a_man_of_a_country_is_a_civilian_of_it(parse) -> None:  # type: ignore[no-untyped-def]
    ref = _actor(parse, "A Canadian man was detained at the airport on Sunday.", "A Canadian man")
    assert ref.country == "CAN"
    assert ref.sector == ["CVL"]


def test_boys_and_girls_are_civilians(parse) -> None:  # type: ignore[no-untyped-def]
    ref = _actor(parse, "Two girls were injured when the shell hit the school.", "Two girls")
    assert ref.sector == ["CVL"]


def test_a_ruling_coalition_is_the_government(parse) -> None:  # type: ignore[no-untyped-def]
    ref = _actor(
        parse, "The ruling coalition in Nepal rejected the budget.", "The ruling coalition"
    )
    assert "GOV" in ref.sector and "MIL" not in ref.sector


def test_service_members_are_military(parse) -> None:  # type: ignore[no-untyped-def]
    ref = _actor(
        parse, "Four French service members were hurt in the blast.", "Four French service members"
    )
    assert ref.country == "FRA"
    assert ref.sector == ["MIL"]
