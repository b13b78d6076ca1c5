"""Composition rules beyond the phrase itself: former office holders, of/in phrases, coordination,
actor modifiers, misspelt countries, the country an unattributed role belongs to."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import actor_code, find_actors
from eventwire.model import ActorMention

DAY = date(2024, 3, 10)


def find(parse, text: str, phrase: str) -> ActorMention:  # type: ignore[no-untyped-def]
    ms = find_actors(parse(text, DAY))
    got = [m for m in ms if m.text == phrase]
    assert got, f"no {phrase!r} in {[m.text for m in ms]}"
    return got[0]


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Rebels in Darfur attacked a convoy.", "Rebels", "SDNREB"),
        ("Members of the Kenyan parliament walked out.", "Members", "KENLEG"),
        ("Chinese warships and aircraft circled the island.", "aircraft", "CHNMIL"),
        (
            "The Venezuelan army moved north. The soldiers fired on the crowd.",
            "The soldiers",
            "VENMIL",
        ),
        (
            "Former president Omar al-Bashir was moved to a hospital.",
            "Former president Omar al-Bashir",
            "SDNELI",
        ),
        ("Kampuchean guerrilla camps were shelled overnight.", "Kampuchean guerrilla", "KHMREB"),
        ("Senegall has agreed to send troops.", "Senegall", "SEN"),
    ],
)
def test_actors_rule_outside_the_phrase(parse, text, phrase, code) -> None:  # type: ignore[no-untyped-def]
    m = find(parse, text, phrase)
    assert m.actor is not None and actor_code(m.actor) == code


def test_actors_kb_actor_as_modifier_gets_its_own_span(parse) -> None:  # type: ignore[no-untyped-def]
    ms = find_actors(parse("The Interpol wanted list grew again. NATO's summit opened.", DAY))
    texts = {m.text: m.actor.id for m in ms if m.actor}
    assert texts.get("NATO") == "nato" and "NATO's summit" not in texts


def test_actors_place_head_is_not_an_actor(parse) -> None:  # type: ignore[no-untyped-def]
    ms = find_actors(parse("He returned to the Kenyan capital on Monday.", DAY))
    assert all(m.text != "the Kenyan capital" for m in ms)


def test_actors_country_group_description_is_the_named_group(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Hezbollah fired rockets at dawn. The Lebanese group said it hit a base."
    m = find(parse, text, "The Lebanese group")
    assert m.actor is not None and m.actor.id == "hezbollah"


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("the marijuana was seized", "marijuana"),
    ],
)
def test_actors_lowercase_ner_noise_is_dropped(parse, text, phrase) -> None:  # type: ignore[no-untyped-def]
    assert phrase not in [m.text for m in find_actors(parse(text, DAY))]


def test_actors_every_mention_has_rule_provenance(parse) -> None:  # type: ignore[no-untyped-def]
    ms = find_actors(parse("Egyptian police arrested two Hamas members in Cairo.", DAY))
    assert ms and all(m.provenance.rule.startswith("actors:") and m.provenance.lexicon for m in ms)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Hosny Mubarek", "hosni-mubarak"),
        ("Vladimir Puttin", "vladimir-putin"),
        ("Khaled Meshal", "khaled-meshaal"),
        ("Mohammed Salem", None),
        ("Maria Lopez", None),
    ],
)
def test_actors_fuzzy_person_spelling_variants(name: str, expected: str | None) -> None:
    from eventwire.actors.resolve import fuzzy_person

    got = fuzzy_person(name)
    assert (got.id if got else None) == expected


def test_actors_unknown_named_official_takes_country_from_sentence(parse) -> None:  # type: ignore[no-untyped-def]
    m = find(
        parse,
        "Judge Maria Ortiz Lopez ordered the arrest of three Peruvian officials.",
        "Judge Maria Ortiz Lopez",
    )
    assert m.actor is not None
    assert (m.actor.id, m.actor.country, m.actor.sector) == (
        "unresolved:Maria Ortiz Lopez",
        "PER",
        ["JUD"],
    )


def test_actors_backer_is_not_the_actors_country(parse) -> None:  # type: ignore[no-untyped-def]
    ms = find_actors(
        parse("Iranian-backed militias attacked a base in Syria, Syrian officials said.", DAY)
    )
    backer = [m for m in ms if m.provenance.rule == "actors:backer"]
    militias = [m for m in ms if m.text.endswith("militias")]
    assert backer and backer[0].actor is not None and backer[0].actor.country == "IRN"
    assert militias and militias[0].actor is not None and militias[0].actor.country != "IRN"


@pytest.mark.parametrize(
    "text, phrase, published, expected",
    [
        (
            "The NATO secretary-general spoke in Vilnius.",
            "The NATO secretary-general",
            date(2023, 7, 11),
            "jens-stoltenberg",
        ),
        (
            "The NATO secretary-general spoke in The Hague.",
            "The NATO secretary-general",
            date(2025, 6, 24),
            "mark-rutte",
        ),
        (
            "The Hezbollah leader gave a speech.",
            "The Hezbollah leader",
            date(2025, 1, 5),
            "naim-qassem",
        ),
    ],
)
def test_actors_organisation_leader_by_date(parse, text, phrase, published, expected) -> None:  # type: ignore[no-untyped-def]
    ms = [m for m in find_actors(parse(text, published)) if m.text == phrase]
    assert ms and ms[0].actor is not None and ms[0].actor.id == expected


def test_actors_opposition_figure_has_opp_sector(parse) -> None:  # type: ignore[no-untyped-def]
    m = find(
        parse, "Opposition leader Imran Khan called for protests.", "Opposition leader Imran Khan"
    )
    assert m.actor is not None and (m.actor.country, m.actor.sector) == ("PAK", ["OPP"])


def test_actors_unknown_name_takes_its_apposition(parse) -> None:  # type: ignore[no-untyped-def]
    m = find(
        parse,
        "Ahmed Saleh Farouk, a senior Yemeni official, denied the report.",
        "Ahmed Saleh Farouk",
    )
    assert m.actor is not None and (m.actor.country, m.actor.sector, m.actor.kind) == (
        "YEM",
        ["GOV"],
        "person",
    )


def test_actors_bosnian_serbs_are_people_of_the_first_country(parse) -> None:  # type: ignore[no-untyped-def]
    m = find(parse, "Bosnian Serbs rejected the plan.", "Bosnian Serbs")
    assert m.actor is not None and m.actor.country == "BIH"
