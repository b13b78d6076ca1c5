"""Places: recognition, resolution by context, countries at centroid, metonyms, attachment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.model import ActorMention, ActorRef, Event, Participant, Place, Plover, Span
from eventwire.nlp.parse import Parsed
from eventwire.places import attach_places, find_places
from eventwire.places.data import parse_countries, parse_demonyms, parse_regions
from eventwire.places.gazetteer import load_gazetteer, normalise
from eventwire.places.resolve import distance_km


def place_named(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize(
    "text, mention, country, level",
    [
        ("Tourists crowded the cafes of Paris on Sunday.", "Paris", "FRA", "city"),
        ("The rodeo in Paris, Texas, drew ranchers from Lamar County.", "Paris", "USA", "city"),
        ("Israeli tanks moved toward Rafah in the southern Gaza Strip.", "Rafah", "PSE", "city"),
        (
            "Russian troops entered Georgia after clashes in South Ossetia.",
            "Georgia",
            "GEO",
            "country",
        ),
        (
            "Voters in Atlanta and Savannah said Georgia needs new roads; Florida agreed.",
            "Georgia",
            "USA",
            "admin1",
        ),
        (
            "Archaeologists in Alexandria found a Ptolemaic harbour near Cairo.",
            "Alexandria",
            "EGY",
            "city",
        ),
        (
            "Commuters from Alexandria, Virginia, crossed into Washington.",
            "Alexandria",
            "USA",
            "city",
        ),
    ],
)
def test_places_resolve_by_context(
    parse: Callable[..., Parsed], text: str, mention: str, country: str, level: str
) -> None:
    place = place_named(find_places(parse(text), []), mention)
    assert (place.country, place.admin_level) == (country, level)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(
    "name, lat, lon",
    [("France", 46.0, 2.0), ("United States", 39.76, -98.5), ("Brazil", -10.0, -55.0)],
)
def test_places_countries_at_centroid(
    parse: Callable[..., Parsed], name: str, lat: float, lon: float
) -> None:
    place = place_named(find_places(parse(f"Officials in {name} met on Monday."), []), name)
    assert place.admin_level == "country"
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, lat, lon) < 50


@pytest.mark.parametrize(
    "name, country, level",
    [
        ("Gaza Strip", "PS", "territory"),
        ("West Bank", "PS", "territory"),
        ("Donbas", "UA", "region"),
        ("the Sahel", "", "region"),
        ("Nagorno-Karabakh", "AZ", "region"),
        ("Golan Heights", "SY", "region"),
        ("Horn of Africa", "", "region"),
    ],
)
def test_places_territories_file_in_gazetteer(name: str, country: str, level: str) -> None:
    found = [e for e in load_gazetteer().lookup(name) if e.level == level]
    assert found and found[0].iso2 == country and found[0].lat is not None


def test_gazetteer_loaded_once_per_process_whatever_the_call() -> None:
    """The default floor spelled out or left implicit gives the very same object (not a copy)."""
    assert load_gazetteer() is load_gazetteer(5000)
    assert load_gazetteer(min_city_population=5000) is load_gazetteer()


def test_places_territory_found_in_text(parse: Callable[..., Parsed]) -> None:
    places = find_places(parse("Fighting spread across Donbas and into the West Bank."), [])
    assert {p.name for p in places} >= {"Donbas", "West Bank"}


def test_places_demonym_resolves_to_country(parse: Callable[..., Parsed]) -> None:
    place = place_named(find_places(parse("Kenyan police patrolled the border."), []), "Kenyan")
    assert (place.name, place.country) == ("Kenya", "KEN")


def state_actor(parsed: Parsed, text: str) -> ActorMention:
    start = parsed.article.text.index(text)
    ref = ActorRef(id="test:gov", name=text, country="USA", sector=["GOV"], kind="state")
    return ActorMention(
        article_id=parsed.article.id,
        sentence=0,
        text=text,
        start=start,
        end=start + len(text),
        actor=ref,
    )


@pytest.mark.parametrize(
    "text, capital, skipped",
    [
        ("Washington warned Tehran on Tuesday.", "Washington", True),
        ("Moscow said the talks had failed.", "Moscow", True),
        ("Protesters marched through Moscow on Saturday.", "Moscow", False),
    ],
)
def test_places_metonymic_capital_skipped(
    parse: Callable[..., Parsed], text: str, capital: str, skipped: bool
) -> None:
    parsed = parse(text)
    with_actor = [p.text for p in find_places(parsed, [state_actor(parsed, capital)])]
    without = [p.text for p in find_places(parsed, [])]
    assert capital in without
    assert (capital not in with_actor) is skipped


def make_event(
    parsed: Parsed, trigger: str, participants: list[Participant] | None = None
) -> Event:
    start = parsed.article.text.index(trigger)
    return Event(
        id="e1",
        article_id=parsed.article.id,
        sentence=parsed.sentence_of(start),
        text=parsed.article.text,
        trigger=Span(text=trigger, start=start, end=start + len(trigger)),
        plover=Plover(type="CONSULT"),
        cameo="040",
        participants=participants or [],
    )


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Negotiators held talks in Cairo on Monday.", "talks", "Cairo"),
        ("Israel launched an attack on the city of Rafah.", "attack", "Rafah"),
        ("The minister will travel to Paris next week.", "travel", "Paris"),
        ("The army shelled Kharkiv overnight.", "shelled", "Kharkiv"),
        ("The president, who was born in Texas, criticised the strike.", "criticised", None),
        ("Envoys met on Friday. Later, protests erupted in Amman.", "met", None),
    ],
)
def test_places_attach_by_syntax(
    parse: Callable[..., Parsed], text: str, trigger: str, expected: str | None
) -> None:
    parsed = parse(text)
    event = make_event(parsed, trigger)
    [out] = attach_places(parsed, [event], find_places(parsed, []))
    assert (out.location.text if out.location else None) == expected


def test_places_attach_venue_participant(parse: Callable[..., Parsed]) -> None:
    parsed = parse("Mediators from Qatar convened the meeting, hosted by Doha officials.")
    start = parsed.article.text.index("Doha")
    venue = Participant(role="venue", text="Doha", start=start, end=start + 4)
    [out] = attach_places(
        parsed, [make_event(parsed, "convened", [venue])], find_places(parsed, [])
    )
    assert out.location is not None and out.location.name == "Doha"


@pytest.mark.parametrize(
    "parser, text, where",
    [
        (
            parse_regions,
            "name\taliases\tiso2\tlevel\tlat\tlon\nGaza\t\tPS\tterritory\t131\t34\n",
            "regions.tsv:2",
        ),
        (
            parse_regions,
            "name\taliases\tiso2\tlevel\tlat\tlon\n# c\nX\t\tpse\tregion\t1\t2\n",
            "regions.tsv:3",
        ),
        (parse_countries, "iso2\tlat\tlon\taliases\nFR\tnorth\t2\t\n", "countries.tsv:2"),
        (parse_demonyms, "place\tforms\nKE\t\n", "demonyms.tsv:2"),
    ],
)
def test_places_loader_error_names_file_and_line(
    parser: Callable[[str], object], text: str, where: str
) -> None:
    with pytest.raises(DataFileError, match=where):
        parser(text)


@pytest.mark.parametrize(
    "raw, key",
    [
        ("São Paulo", "sao paulo"),
        ("the Gaza Strip", "gaza strip"),
        ("U.S.", "us"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
    ],
)
def test_places_normalise_names(raw: str, key: str) -> None:
    assert normalise(raw) == key


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, acc_floor, f1_floor", [("trnews", 0.85, 0.80), ("geowebnews", 0.84, 0.80)]
)
def test_places_eval_floors_on_dev(
    shared_dir: Path, name: str, acc_floor: float, f1_floor: float
) -> None:
    from eventwire.config import Settings
    from eventwire.eval.geo import evaluate

    path = shared_dir / "eval" / name / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    metrics = evaluate(path, Settings()).metrics
    assert (metrics["acc_161km"] or 0) >= acc_floor
    assert metrics["tag_f1"] >= f1_floor
