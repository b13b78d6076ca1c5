"""Collective and paired actors (issue 13): "the two countries", "both sides", "the
international community", "Western governments", "the West"."""

from __future__ import annotations

import pytest

from eventwire.actors import actor_code, find_actors


def codes(parse, text: str, phrase: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = [m for m in find_actors(parse(text)) if m.text == phrase]
    return sorted(actor_code(m.actor) for m in found if m.actor)


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        # a state pair named just before
        (
            "Chile and Peru signed a border accord, and the two countries will open the crossing.",
            "the two countries",
            ["CHL", "PER"],
        ),
        # a state named by its officials is still that state
        (
            "Officials from Ghana and Togo met on Monday. Both countries pledged to cooperate.",
            "Both countries",
            ["GHA", "TGO"],
        ),
        # sides may be a state and an armed group
        (
            "Colombia and the ELN resumed talks in Havana. Both sides agreed to a truce.",
            "Both sides",
            ["COL", "COLREB"],
        ),
        # the coordinated subject pair wins over a later pair of brokers
        (
            "Israel and Hamas agreed to a truce brokered by Egypt and Qatar. "
            "The two sides exchanged prisoners.",
            "The two sides",
            ["ISR", "PSEREBPTY"],
        ),
        # an adjective between the number and the noun
        (
            "Eritrea and Ethiopia fought a border war. The two neighbouring countries made peace.",
            "The two neighbouring countries",
            ["ERI", "ETH"],
        ),
    ],
)
def test_pair_references_resolve_to_both_parties(parse, text, phrase, expected) -> None:  # type: ignore[no-untyped-def]
    assert codes(parse, text, phrase) == expected


def test_pair_without_two_parties_stays_unresolved(parse) -> None:  # type: ignore[no-untyped-def]
    assert codes(parse, "Both sides said the talks went well.", "Both sides") == []


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        (
            "The international community condemned the coup in Niger.",
            "The international community",
            "---IGO",
        ),
        ("Western governments imposed sanctions on Iran.", "Western governments", "---GOV"),
        ("World powers urged Iran to return to the talks.", "World powers", "---GOV"),
        ("Foreign troops withdrew from Mali last year.", "Foreign troops", "---MIL"),
        ("The West condemned the attack on the embassy.", "The West", "---GOV"),
    ],
)
def test_collectives_take_no_country_from_context(parse, text, phrase, code) -> None:  # type: ignore[no-untyped-def]
    assert codes(parse, text, phrase) == [code]


def test_compass_word_is_not_a_province(parse) -> None:  # type: ignore[no-untyped-def]
    # "West" and "Western" are provinces somewhere in the gazetteer; here they are directions
    got = codes(parse, "The West condemned the attack on the embassy.", "the embassy")
    assert got == ["---GOV"]


def test_inner_plural_of_a_role_phrase(parse) -> None:  # type: ignore[no-untyped-def]
    # "rights groups" is the role "rights group"; it takes no country from the sentence
    text = "The Sudanese army was accused by rights groups of abuses."
    assert codes(parse, text, "rights groups") == ["---NGO"]


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        # an unknown name takes its apposition's sectors, in either order
        ("Omar Farid, a spokesman for the ministry, denied it.", "Omar Farid", "---GOV"),
        (
            "The rebel commander, Hassan bin Ali al-Mahdi, rejected the offer.",
            "Hassan bin Ali al-Mahdi",
            "---REB",
        ),
        # a description of a state named just before
        (
            "Nauru signed the accord. The small Pacific nation will get aid.",
            "The small Pacific nation",
            "NRU",
        ),
        ("Bahrain hosted the talks. The Gulf kingdom urged calm.", "The Gulf kingdom", "BHR"),
    ],
)
def test_unknown_names_and_descriptions(parse, text, phrase, code) -> None:  # type: ignore[no-untyped-def]
    assert codes(parse, text, phrase) == [code]


def test_local_roles_take_the_country_where_it_happens(parse) -> None:  # type: ignore[no-untyped-def]
    # gunmen attacking foreign soldiers are of the place named, not of the soldiers' country
    text = "Turkish soldiers were attacked by gunmen near Kirkuk."
    assert codes(parse, text, "gunmen") == ["IRQREB"]
    # a meeting's venue is not where a party lives
    text = "Sudanese officials and rebels held talks in Nairobi."
    assert "KENREB" not in codes(parse, text, "rebels")


def test_civilians_are_of_the_place_a_city_noun_names(parse) -> None:  # type: ignore[no-untyped-def]
    # "the city of X" says where it happens, as "in X" does; the attackers' country is not theirs
    text = "Russian forces shelled the city of Kharkiv overnight, killing three civilians."
    assert codes(parse, text, "three civilians") == ["UKRCVL"]


def test_a_role_noun_possessor_is_a_mention(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Nurses in Lagos rejected the government's latest offer."
    assert codes(parse, text, "the government") == ["NGAGOV"]


def test_a_title_adds_its_sector_to_a_known_person(parse) -> None:  # type: ignore[no-untyped-def]
    got = codes(parse, "General Michel Aoun banned the newspaper.", "General Michel Aoun")
    assert got and "MIL" in got[0]
    # a lower-case modifier is no title
    assert codes(parse, "President Vladimir Putin spoke.", "President Vladimir Putin") == ["RUSGOV"]


def test_an_unknown_extremist_organisation_is_typed_by_its_modifiers(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Spain banned the Basque separatist organization in Bilbao."
    assert codes(parse, text, "the Basque separatist organization") == ["ESPREB"]


def test_a_plural_role_of_coordinated_countries_is_one_actor_each(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Uganda held talks with the presidents of Kenya and Rwanda."
    assert codes(parse, text, "the presidents") == ["KENGOV", "RWAGOV"]
    # a singular role keeps the first country only
    text = "Uganda held talks with the president of Kenya and Rwanda's envoy."
    assert codes(parse, text, "the president") == ["KENGOV"]


def test_a_possessive_belongs_to_its_clause_subject(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Ghana refused to send troops to Mali and urged its citizens to leave."
    assert codes(parse, text, "its citizens") == ["GHACVL"]


def test_an_unknown_name_takes_an_organisation_role_from_its_apposition(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Takeshi Sato, the United Nations refugee envoy, spoke on Monday."
    assert codes(parse, text, "Takeshi Sato") == ["IGOREF"]


def test_soldiers_in_a_country_are_not_its_soldiers(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Ghana refused to deploy troops in Mali."
    assert codes(parse, text, "troops") == ["GHAMIL"]
    assert codes(parse, "Police in Lagos arrested ten men.", "Police") == ["NGACOP"]


def test_the_countries_of_a_region_are_no_pair(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru met on Monday. The countries of the region welcomed the accord."
    assert codes(parse, text, "The countries") == []
    text = "Chile and Peru met on Monday. The countries agreed to open the border."
    assert codes(parse, text, "The countries") == ["CHL", "PER"]
