"""Resolution of actor mentions: KB names, role phrases, capitals, collectives, unresolved names."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import actor_code, find_actors
from eventwire.model import ActorMention

DAY = date(2024, 3, 10)


def mention(parse, text: str, phrase: str, published: date | None = DAY) -> ActorMention:  # type: ignore[no-untyped-def]
    got = [m for m in find_actors(parse(text, published)) if m.text == phrase]
    assert got, f"no mention {phrase!r} in {[m.text for m in find_actors(parse(text, published))]}"
    return got[0]


@pytest.mark.parametrize(
    "text, phrase, code, kind",
    [
        (
            "Jordanian intelligence chief Ahmed Husni flew to Amman on Monday.",
            "Jordanian intelligence chief Ahmed Husni",
            "JORSPY",
            "person",
        ),
        (
            "Turkish Prime Minister Omer Yilmaz met the envoy.",
            "Turkish Prime Minister Omer Yilmaz",
            "TURGOV",
            "person",
        ),
        ("Israeli troops entered the town before dawn.", "Israeli troops", "ISRMIL", "people"),
        ("Kenyan police fired tear gas at the crowd.", "Kenyan police", "KENCOP", "organisation"),
        ("Sudanese protesters marched on the palace.", "Sudanese protesters", "SDNCVL", "people"),
        (
            "Several Ethiopian security sources said the convoy was hit.",
            "Several Ethiopian security sources",
            "ETHSPY",
            "people",
        ),
        (
            "Hezbollah fighters fired rockets across the border.",
            "Hezbollah fighters",
            "LBNREB",
            "people",
        ),
        ("The Houthis attacked a ship in the Red Sea.", "The Houthis", "YEMREB", "group"),
        ("The IAEA sent inspectors to the plant.", "The IAEA", "IGO", "organisation"),
        ("UN peacekeepers withdrew from the village.", "UN peacekeepers", "IGOMIL", "people"),
    ],
)
def test_actors_resolve_role_phrases(parse, text, phrase, code, kind) -> None:  # type: ignore[no-untyped-def]
    m = mention(parse, text, phrase)
    assert m.actor is not None
    assert (actor_code(m.actor), m.actor.kind) == (code, kind)


@pytest.mark.parametrize(
    "text, phrase, anonymous",
    [
        (
            "A Hezbollah official, speaking on condition of anonymity, denied the report.",
            "A Hezbollah official",
            True,
        ),
        ("Two Qatari security sources confirmed the meeting.", "Two Qatari security sources", True),
        (
            "Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani confirmed the meeting.",
            "Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani",
            False,
        ),
    ],
)
def test_actors_anonymous_sources(parse, text, phrase, anonymous) -> None:  # type: ignore[no-untyped-def]
    m = mention(parse, text, phrase)
    assert m.actor is not None and m.actor.anonymous is anonymous


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("Moscow has warned its neighbours against joining the pact.", "Moscow", "RUSGOV"),
        ("Beijing rejected the claims on Tuesday.", "Beijing", "CHNGOV"),
    ],
)
def test_actors_capital_as_agent(parse, text, phrase, code) -> None:  # type: ignore[no-untyped-def]
    m = mention(parse, text, phrase)
    assert m.actor is not None and actor_code(m.actor) == code


@pytest.mark.parametrize(
    "text, place",
    [
        ("The delegation flew to Moscow on Tuesday.", "Moscow"),
        ("Talks were held in Beijing last week.", "Beijing"),
    ],
)
def test_actors_capital_as_place_is_not_an_actor(parse, text, place) -> None:  # type: ignore[no-untyped-def]
    assert place not in [m.text for m in find_actors(parse(text, DAY))]


def test_actors_kb_person_with_group_leader_title(parse) -> None:  # type: ignore[no-untyped-def]
    m = mention(
        parse,
        "Hezbollah leader Hassan Nasrallah gave a speech.",
        "Hezbollah leader Hassan Nasrallah",
        published=date(2023, 11, 3),
    )
    assert m.actor is not None
    assert (m.actor.id, m.actor.country, m.actor.kind, "REB" in m.actor.sector) == (
        "hassan-nasrallah",
        "LBN",
        "person",
        True,
    )


@pytest.mark.parametrize(
    "published, office_holder",
    [
        (date(2019, 6, 1), "donald-trump"),
        (date(2023, 6, 1), "joe-biden"),
        (None, "donald-trump"),
    ],
)
def test_actors_office_without_name_resolves_by_date(parse, published, office_holder) -> None:  # type: ignore[no-untyped-def]
    m = mention(
        parse,
        "The American president spoke to reporters.",
        "The American president",
        published=published,
    )
    assert m.actor is not None and m.actor.id == office_holder


def test_actors_fuzzy_spelling_of_kb_person(parse) -> None:  # type: ignore[no-untyped-def]
    m = mention(
        parse, "Yahia Sinwar ordered the attack.", "Yahia Sinwar", published=date(2024, 9, 1)
    )
    assert m.actor is not None and m.actor.id == "yahya-sinwar"


def test_actors_unresolved_name_keeps_ner_type_and_country(parse) -> None:  # type: ignore[no-untyped-def]
    m = mention(
        parse,
        "Brazilian negotiator Carlos Pereira Almeida arrived late.",
        "Brazilian negotiator Carlos Pereira Almeida",
    )
    assert m.actor is not None
    assert (m.actor.id.startswith("unresolved:"), m.actor.country, m.actor.sector) == (
        True,
        "BRA",
        ["GOV"],
    )


def test_actors_collective_demonyms_make_one_actor_each(parse) -> None:  # type: ignore[no-untyped-def]
    text = "The ministers met French, German, and Italian mediators in Rome."
    got = [
        (m.text, actor_code(m.actor))
        for m in find_actors(parse(text, DAY))
        if m.actor and "MED" in m.actor.sector
    ]
    assert got == [("French", "FRAMEDGOV"), ("German", "DEUMEDGOV"), ("Italian", "ITAMEDGOV")]


def test_actors_mention_offsets_point_into_text(parse) -> None:  # type: ignore[no-untyped-def]
    p = parse("Israel and Egypt agreed. Hamas rejected the deal.", DAY)
    for m in find_actors(p):
        assert p.article.text[m.start : m.end] == m.text
