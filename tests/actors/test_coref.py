"""Within-article coreference: pronouns, possessives, descriptions, short names, mediators."""

from __future__ import annotations

from datetime import date

from eventwire.actors import actor_code, find_actors
from eventwire.model import ActorMention

DAY = date(2024, 3, 10)


def mentions(parse, text: str) -> list[ActorMention]:  # type: ignore[no-untyped-def]
    return find_actors(parse(text, DAY))


def one(ms: list[ActorMention], phrase: str, nth: int = 0) -> ActorMention:
    got = [m for m in ms if m.text == phrase]
    assert len(got) > nth, f"no {phrase!r} in {[m.text for m in ms]}"
    return got[nth]


def test_actors_coref_its_ally_is_the_other_state(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse,
        "Russia is preparing a new offensive. Beijing has urged its partner to show restraint.",
    )
    m = one(ms, "its partner")
    assert m.actor is not None and m.actor.country == "RUS"
    assert m.antecedent is not None and m.antecedent.text == "Russia"


def test_actors_coref_his_group_is_the_members_group(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse, "A Houthi official said on Monday that his group would keep attacking ships."
    )
    m = one(ms, "his group")
    assert m.actor is not None and m.actor.id == "houthis"


def test_actors_coref_he_is_the_last_person(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse, "Sudanese army chief Abdel Fattah al-Burhan visited Cairo. He met officials there."
    )
    m = one(ms, "He")
    assert m.actor is not None and m.actor.id == "abdel-fattah-al-burhan"
    assert m.antecedent is not None and "Burhan" in m.antecedent.text


def test_actors_coref_reported_subject_pronoun(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse, "Ukraine said on Friday that Russia had fired missiles. Russia says it will respond."
    )
    m = one(ms, "it")
    assert m.actor is not None and m.actor.country == "RUS"


def test_actors_coref_short_name_after_full_name(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse,
        "Local commander Omar Tahiru Balde spoke to the crowd. Balde said the road was closed.",
    )
    m = one(ms, "Balde")
    assert m.antecedent is not None and m.antecedent.text.endswith("Omar Tahiru Balde")


def test_actors_coref_the_group_is_the_last_armed_group(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(parse, "Al-Shabaab claimed the attack. The group said it targeted soldiers.")
    m = one(ms, "The group")
    assert m.actor is not None and m.actor.id == "alshabaab"


def test_actors_coref_the_demonym_plural_takes_the_earlier_actor(parse) -> None:  # type: ignore[no-untyped-def]
    ms = mentions(
        parse, "Norwegian mediators arrived on Monday. The rebels met the Norwegians in Oslo."
    )
    m = one(ms, "the Norwegians")
    assert m.actor is not None and actor_code(m.actor) == "NORMEDGOV"


def test_actors_bare_mediators_are_the_named_mediating_states(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mediators pressed both sides on Sunday. Turkish and Saudi mediators will meet them again."
    )
    got = sorted(
        m.actor.country for m in mentions(parse, text) if m.text == "Mediators" and m.actor
    )
    assert got == ["SAU", "TUR"]


def test_actors_bare_mediators_without_named_states_stay_generic(parse) -> None:  # type: ignore[no-untyped-def]
    m = one(mentions(parse, "Mediators pressed both sides on Sunday."), "Mediators")
    assert m.actor is not None and (m.actor.country, "MED" in m.actor.sector) == (None, True)


def test_actors_seed_like_report_participants(parse) -> None:  # type: ignore[no-untyped-def]
    """Participants of a report built like the seed (own sentences): each resolves by general rules."""
    text = (
        "Hezbollah has finished truce talks in Doha, a Lebanese group official said on Monday. "
        "Russia is threatening to strike the port. Ankara has urged its close ally not to do so. "
        "Two Jordanian security sources said Jordanian intelligence chief Ahmed Husni will travel to Rome. "
        "A Hezbollah official, who asked not to be named, said his group had no new proposal. "
        "Russian President Vladimir Putin dismissed the plan."
    )
    ms = mentions(parse, text)
    assert actor_code(one(ms, "Hezbollah").actor) == "LBNREBPTY"  # type: ignore[arg-type]
    official = one(ms, "a Lebanese group official").actor
    assert official is not None and (official.country, official.anonymous) == ("LBN", True)
    assert actor_code(one(ms, "Ankara").actor) == "TURGOV"  # type: ignore[arg-type]
    assert one(ms, "its close ally").actor.country == "RUS"  # type: ignore[union-attr]
    assert actor_code(one(ms, "Two Jordanian security sources").actor) == "JORSPY"  # type: ignore[arg-type]
    assert actor_code(one(ms, "Jordanian intelligence chief Ahmed Husni").actor) == "JORSPY"  # type: ignore[arg-type]
    anon = one(ms, "A Hezbollah official").actor
    assert anon is not None and (anon.country, anon.anonymous) == ("LBN", True)
    assert one(ms, "his group").actor.id == "hezbollah"  # type: ignore[union-attr]
    putin = one(ms, "Russian President Vladimir Putin").actor
    assert putin is not None and (putin.id, putin.sector, putin.kind) == (
        "vladimir-putin",
        ["GOV"],
        "person",
    )
