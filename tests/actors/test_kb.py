"""The actor KB: packaged data loads, validity periods, and the loader names file and line."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.kb import kb_size, load_kb, parse_actor_yaml, parse_countries, parse_roles
from eventwire.actors.refs import actor_code, composite_ref, state_ref
from eventwire.errors import DataFileError


def test_actors_kb_covers_every_kind() -> None:
    sizes = kb_size()
    assert sizes["state"] >= 249
    assert sizes["organisation"] >= 50 and sizes["group"] >= 50 and sizes["person"] >= 200


@pytest.mark.parametrize(
    "iso, name, adjective, plural",
    [
        ("EGY", "Egypt", "Egyptian", "Egyptians"),
        ("ISR", "Israel", "Israeli", "Israelis"),
        ("USA", "United States", "American", "Americans"),
        ("QAT", "Qatar", "Qatari", "Qataris"),
    ],
)
def test_actors_kb_country_demonyms(iso: str, name: str, adjective: str, plural: str) -> None:
    c = load_kb().countries[iso]
    assert (c.names[0], adjective in c.adjectives, plural in c.plurals) == (name, True, True)


@pytest.mark.parametrize(
    "office, country, day, expected",
    [
        ("head_of_state", "USA", date(2019, 6, 1), "donald-trump"),
        ("head_of_state", "USA", date(2024, 2, 23), "joe-biden"),
        ("head_of_government", "ISR", date(2022, 3, 1), "naftali-bennett"),
        ("head_of_government", "ISR", date(2024, 2, 23), "benjamin-netanyahu"),
        ("intelligence_chief", "EGY", date(2024, 2, 23), "abbas-kamel"),
        ("intelligence_chief", "EGY", date(2025, 1, 10), "hassan-rashad"),
    ],
)
def test_actors_kb_office_holder_by_date(
    office: str, country: str, day: date, expected: str
) -> None:
    assert [a.id for a in load_kb().holders(office, country, day)] == [expected]


GOOD = "- {id: a, name: Alpha Front, aliases: [AF], country: SDN, sectors: [REB]}\n"


@pytest.mark.parametrize(
    "bad, line",
    [
        ("- {id: b, name: Beta, country: XXX, sectors: [REB]}\n", 2),
        ("- {id: b, name: Beta, country: SDN, sectors: [ZZZ]}\n", 2),
        ("- {id: b, name: Beta, country: SDN, colour: red}\n", 2),
        ("- {id: b, country: SDN}\n", 2),
        ("- {id: b, name: Beta, country: SDN, offices: [{role: king}]}\n", 2),
        (
            "- {id: b, name: Beta, country: SDN, offices: [{role: leader, from: 2020-01-01, to: 2019-01-01}]}\n",
            2,
        ),
    ],
)
def test_actors_kb_loader_rejects_malformed_entry(bad: str, line: int) -> None:
    countries = load_kb().countries
    with pytest.raises(DataFileError, match=rf"groups\.yaml:{line}:"):
        parse_actor_yaml(GOOD + bad, "groups.yaml", "group", countries)


def test_actors_kb_loader_rejects_bad_tsv_rows() -> None:
    with pytest.raises(DataFileError, match=r"countries\.tsv:2:"):
        parse_countries("# header\nEG\tEgypt\n", "countries.tsv")
    with pytest.raises(DataFileError, match=r"roles\.tsv:1:"):
        parse_roles("troops\tXYZ\tpeople\t-\t-\n", "roles.tsv")


@pytest.mark.parametrize(
    "ref, code",
    [
        (state_ref("ISR"), "ISR"),
        (composite_ref("ISR", ["MIL"], "people", "Israeli troops"), "ISRMIL"),
        (composite_ref("USA", ["GOV"], "organisation", "Washington"), "USAGOV"),
        (composite_ref(None, ["REB"], "people", "rebels"), "---REB"),
    ],
)
def test_actors_code_is_country_plus_sectors(ref, code) -> None:  # type: ignore[no-untyped-def]
    assert actor_code(ref) == code
