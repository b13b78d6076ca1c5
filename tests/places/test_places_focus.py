"""Places: small US towns, the article's focus division, name coverage, county points."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Place
from eventwire.nlp.parse import Parsed
from eventwire.places import find_places
from eventwire.places.gazetteer import SMALL_TOWN, load_gazetteer, normalise
from eventwire.places.resolve import Context, context_score, distance_km, division_score


def place_named(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize(
    "text, mention, lat, lon",
    [
        # every name exists in several states; only Georgia holds all three
        (
            "Flooding closed roads between Gainesville, Athens and Macon on Tuesday.",
            "Gainesville",
            34.3,
            -83.8,
        ),
        (
            "Flooding closed roads between Gainesville, Athens and Macon on Tuesday.",
            "Athens",
            33.96,
            -83.38,
        ),
        # a big city in view pulls a same-named town away from the French capital
        ("Ranchers near Paris drove their cattle to Dallas and Sherman.", "Paris", 33.66, -95.56),
        ("Storms hit Kearney, Hastings and Grand Island overnight.", "Kearney", 40.7, -99.08),
        # a European story keeps London and Paris in Europe (not Ontario's namesakes)
        ("Flights from Amsterdam to London and Paris were cancelled.", "London", 51.5, -0.13),
        ("Flights from Amsterdam to London and Paris were cancelled.", "Paris", 48.86, 2.35),
    ],
)
def test_places_focus_division_resolves_towns(
    parse: Callable[..., Parsed], text: str, mention: str, lat: float, lon: float
) -> None:
    place = place_named(find_places(parse(text), []), mention)
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, lat, lon) < 40


@pytest.mark.parametrize(
    "text, mention, country, level",
    [
        ("Firefighters from Russia, Ohio, joined crews in Sidney.", "Russia", "USA", "city"),
        ("Ministers from Russia and Ukraine met in Istanbul.", "Russia", "RUS", "country"),
        ("Crews reached Whitesboro, Texas, by noon.", "Whitesboro", "USA", "city"),
    ],
)
def test_places_small_towns_need_their_state(
    parse: Callable[..., Parsed], text: str, mention: str, country: str, level: str
) -> None:
    place = place_named(find_places(parse(text), []), mention)
    assert (place.country, place.admin_level) == (country, level)


@pytest.mark.parametrize("name", ["Whitesboro", "Rogersville"])
def test_places_gazetteer_keeps_small_us_towns(name: str) -> None:
    towns = [e for e in load_gazetteer().lookup(name) if e.iso2 == "US"]
    assert towns and any(e.small and e.population < SMALL_TOWN for e in towns)


def test_places_small_town_not_embedded_in_org(parse: Callable[..., Parsed]) -> None:
    places = find_places(parse("She spoke at the Stonewall Golf Club on Monday."), [])
    assert not any(p.text == "Stonewall" for p in places)


@pytest.mark.parametrize(
    "text, county, town",
    [
        (
            "Deputies in Travis County said the crash happened north of Austin.",
            "Travis County",
            "Austin",
        ),
        (
            "Sheriff's deputies in Brazos County said the crash happened near Bryan.",
            "Brazos County",
            "Bryan",
        ),
    ],
)
def test_places_county_at_state_main_town(
    parse: Callable[..., Parsed], text: str, county: str, town: str
) -> None:
    places = find_places(parse(text), [])
    c, t = place_named(places, county), place_named(places, town)
    assert c.admin_level == "admin2" and c.lat is not None and c.lon is not None
    assert t.lat is not None and t.lon is not None
    assert distance_km(c.lat, c.lon, t.lat, t.lon) < 60


def test_places_division_bonus_scaled_by_country_share() -> None:
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Paris") if e.iso2 == "CA")
    ctx = Context()
    ctx.countries["NL"] = 3.0
    ctx.cover = {(town.iso2, town.admin1): 1.0}
    assert division_score(town, ctx) == 0.0
    ctx.countries["CA"] = 3.0
    assert division_score(town, ctx) > 0.0


@pytest.mark.parametrize(
    "text, mention, country, level",
    [
        (
            "Farmers in Kent and Norfolk said the dry spring hurt the harvest in England.",
            "Kent",
            "GBR",
            "county",
        ),
        (
            "Farmers in Kent and Norfolk said the dry spring hurt the harvest in England.",
            "Norfolk",
            "GBR",
            "county",
        ),
        ("Sailors from Guam joined the exercise.", "Guam", "GUM", "country"),
        ("Seattle and Spokane officials said Washington would sue.", "Washington", "USA", "admin1"),
        ("Rain soaked Dayton, OH, before dawn.", "OH", "USA", "admin1"),
        ("The grant went to the University of Nebraska.", "Nebraska", "USA", "admin1"),
    ],
)
def test_places_areas_resolve(
    parse: Callable[..., Parsed], text: str, mention: str, country: str, level: str
) -> None:
    place = place_named(find_places(parse(text), []), mention)
    assert (place.country, place.admin_level) == (country, level)
    assert place.lat is not None


@pytest.mark.parametrize(
    "text, lat, lon",
    [
        # the qualified mention fixes the sense of the bare one
        ("Police in Springfield, Ohio, said the Springfield man was released.", 39.92, -83.81),
        # a town after a comma is a list, not a qualifier
        ("After Paris, London is the busiest stop for the new train from Amsterdam.", 48.86, 2.35),
    ],
)
def test_places_one_sense_and_qualifiers(
    parse: Callable[..., Parsed], text: str, lat: float, lon: float
) -> None:
    name = "Springfield" if "Springfield" in text else "Paris"
    found = [p for p in find_places(parse(text), []) if p.text == name]
    assert found
    for place in found:
        assert place.lat is not None and place.lon is not None
        assert distance_km(place.lat, place.lon, lat, lon) < 40


def test_places_repeated_name_found_again(parse: Callable[..., Parsed]) -> None:
    text = "The river crested in Fargo, North Dakota, on Friday. Fargo asked for more sandbags."
    starts = [p.start for p in find_places(parse(text), []) if p.text == "Fargo"]
    assert starts == [text.index("Fargo"), text.rindex("Fargo")]


def test_places_party_tag_hometown(parse: Callable[..., Parsed]) -> None:
    text = "Rep. Tom Hall, D-Beckley, said the bill would pass."
    place = place_named(find_places(parse(text), []), "Beckley")
    assert place.country == "USA"


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Armories opened in Dodge City, Great Bend, Hutchinson and Kingman.",
            ["Dodge City", "Great Bend", "Hutchinson", "Kingman"],
        ),
        ("Volunteers came from Lovejoy, Jonesboro and Riverdale.", ["Jonesboro", "Riverdale"]),
    ],
)
def test_places_list_with_a_place(
    parse: Callable[..., Parsed], text: str, names: list[str]
) -> None:
    places = find_places(parse(text), [])
    for name in names:
        assert place_named(places, name).country == "USA"


@pytest.mark.parametrize(
    "text",
    [
        "The talks between the Chamber of Commerce and Industry leaders ended.",
        "She works for Long & Foster in Richmond and Douglas is her boss.",
    ],
)
def test_places_list_rule_skips_organisation_words(parse: Callable[..., Parsed], text: str) -> None:
    found = {p.text for p in find_places(parse(text), [])}
    assert not found & {"Commerce", "Industry", "Foster"}


@pytest.mark.parametrize(
    "text, mention, county",
    [
        ("Snow fell in Harvey, Reno and Sedgwick counties in Kansas.", "Harvey", "Harvey County"),
        (
            "Snow fell in Harvey, Reno and Sedgwick counties in Kansas.",
            "Sedgwick",
            "Sedgwick County",
        ),
    ],
)
def test_places_county_list_names_counties(
    parse: Callable[..., Parsed], text: str, mention: str, county: str
) -> None:
    place = place_named(find_places(parse(text), []), mention)
    assert (place.name, place.admin_level) == (county, "admin2")


def test_places_county_rule_needs_a_list(parse: Callable[..., Parsed]) -> None:
    places = find_places(parse("Jobs grew in the four metro Athens counties last year."), [])
    assert place_named(places, "Athens").admin_level == "city"


def test_places_named_state_bonus() -> None:
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Athens") if e.iso2 == "US" and e.admin1 == "GA")
    plain = context_score(town, Context(), [])
    named = Context()
    named.named = {("US", "GA")}
    assert context_score(town, named, []) > plain


@pytest.mark.parametrize(
    "text, surname",
    [
        (
            "The senator, Mikheil Saakashvili, spoke. In Saakashvili the mood was tense.",
            "Saakashvili",
        ),
        ("Coach Dan Farrin praised the team. The crowd cheered in Farrin.", "Farrin"),
    ],
)
def test_places_person_surname_not_a_place(
    parse: Callable[..., Parsed], text: str, surname: str
) -> None:
    assert surname not in {p.text for p in find_places(parse(text), [])}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("The EU imposed new sanctions on Moscow.", {"EU", "Moscow"}, set()),
        ("The UN envoy met farmers near Lagos.", {"Lagos"}, {"UN"}),
    ],
)
def test_places_acronyms_name_areas_not_towns(
    parse: Callable[..., Parsed], text: str, present: set[str], absent: set[str]
) -> None:
    found = {p.text for p in find_places(parse(text), [])}
    assert present <= found and not absent & found


@pytest.mark.parametrize(
    "text, present",
    [
        ("The missing woman was found at a friend's home in Glen Allen.", {"Glen Allen"}),
        ("Deputies met with engineers in Wichita Falls on Monday.", {"Wichita Falls"}),
        ("Glen Allen Smith said the vote was fair.", set()),
    ],
)
def test_places_town_tagged_as_person_after_preposition(
    parse: Callable[..., Parsed], text: str, present: set[str]
) -> None:
    assert {p.text for p in find_places(parse(text), [])} == present


@pytest.mark.parametrize(
    "raw, key",
    [("Mt. Pleasant", "mount pleasant"), ("Ft. Worth", "fort worth"), ("Main St.", "main st")],
)
def test_places_normalise_spells_out_leading_abbreviation(raw: str, key: str) -> None:
    assert normalise(raw) == key


@pytest.mark.parametrize(
    "text, name, level",
    [
        ("Visitors toured the Museum for East Texas Culture.", "Texas", "admin1"),
        ("The Guernsey County Sheriff's Office reported a fire.", "Guernsey County", "admin2"),
    ],
)
def test_places_areas_inside_longer_names(
    parse: Callable[..., Parsed], text: str, name: str, level: str
) -> None:
    place = place_named(find_places(parse(text), []), name)
    assert (place.admin_level, place.country) == (level, "USA")
