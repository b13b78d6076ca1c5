"""PLOVER types from whole verb and noun families (issue 13).

Probe sentences written for these tests from the PLOVER definitions (RETREAT: withdraw,
release, disarm, cease attacks; SUPPORT: back, praise, endorse; SANCTION: sanctions, expel,
cut ties, leave talks; CONCEDE: ease restrictions, halt protests), in varied syntax. The
principal event of each sentence must have the type.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def principal_type(parse: Parse, text: str) -> str | None:
    event = principal_event(find_events(parse(text), []))
    return event.plover.type if event else None


@pytest.mark.parametrize(
    "text, type_",
    [
        # RETREAT: withdrawal, release, disarmament, a pause in fighting
        ("The army withdrew its troops from the northern province on Tuesday.", "RETREAT"),
        ("Rebel fighters pulled out of the besieged town after weeks of fighting.", "RETREAT"),
        ("Twelve hostages were freed by the militia on Sunday.", "RETREAT"),
        ("The rebel group began handing over its weapons to the monitors.", "RETREAT"),
        ("The guerrillas laid down their arms at a ceremony in the capital.", "RETREAT"),
        ("Insurgents suspended attacks on government forces for a week.", "RETREAT"),
        ("The militia paused its shelling of the port.", "RETREAT"),
        ("The rebels called off their offensive.", "RETREAT"),
        ("The armed group demobilised hundreds of child soldiers.", "RETREAT"),
        # SUPPORT: backing, praise, solidarity
        ("The opposition backed the prime minister's proposal.", "SUPPORT"),
        ("The ambassador commended the government for its restraint.", "SUPPORT"),
        ("Leaders expressed solidarity with the victims of the attack.", "SUPPORT"),
        # SANCTION: penalties, expulsions, reduced relations, leaving talks
        ("Washington slapped new sanctions on five companies.", "SANCTION"),
        ("The government expelled two diplomats over the spy affair.", "SANCTION"),
        ("The country severed relations with its neighbour.", "SANCTION"),
        ("The Treasury froze the assets of three officials.", "SANCTION"),
        ("The union pulled out of the negotiations.", "SANCTION"),
        ("The junior partner withdrew from the coalition.", "SANCTION"),
        # CONCEDE: easing dissent (CAMEO 082) is not a new protest or a sanction
        ("The union suspended its strike.", "CONCEDE"),
        ("The opposition called off its protests after the deal.", "CONCEDE"),
        ("The detained activists stopped their hunger strike.", "CONCEDE"),
    ],
)
def test_plover_family_sentence_codes_its_type(parse: Parse, text: str, type_: str) -> None:
    assert principal_type(parse, text) == type_


def test_plover_particle_turns_a_light_verb_round(parse: Parse) -> None:
    """'call a strike' starts a protest; 'call off a strike' ends one."""
    assert principal_type(parse, "The union called a strike at the port.") == "PROTEST"
    assert principal_type(parse, "The union called off the strike at the port.") == "CONCEDE"


def test_plover_halting_aid_stays_a_sanction(parse: Parse) -> None:
    """Halting aid or talks reduces relations; halting attacks is a ceasefire."""
    assert principal_type(parse, "The donors suspended aid to the ministry.") == "SANCTION"
    assert principal_type(parse, "The army suspended its air raids.") == "RETREAT"


def test_plover_withdrawing_troops_is_not_leaving_talks(parse: Parse) -> None:
    assert principal_type(parse, "The country withdrew its troops from the border.") == "RETREAT"
    assert principal_type(parse, "The country withdrew from the peace talks.") == "SANCTION"


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The insurgents have stopped attacking convoys.", "RETREAT"),
        ("The students began protesting outside the ministry.", "PROTEST"),
        ("The council gave its endorsement to the new mayor.", "SUPPORT"),
        ("The foreign minister spoke in defence of the decision.", "SUPPORT"),
        ("The two navies held joint exercises in the gulf.", "COOPERATE"),
        ("The army held exercises near the border.", "MOBILIZE"),
    ],
)
def test_plover_light_verb_with_gerund_or_modifier(parse: Parse, text: str, type_: str) -> None:
    assert principal_type(parse, text) == type_


def test_plover_stopping_an_act_is_one_event(parse: Parse) -> None:
    """'stopped attacking' is a ceasefire, not also an attack."""
    events = find_events(parse("The insurgents have stopped attacking the garrison."), [])
    assert [e.plover.type for e in events] == ["RETREAT"]


def test_plover_coming_under_fire_is_an_assault_on_the_subject(parse: Parse) -> None:
    events = find_events(parse("Government troops came under fire from rebel fighters."), [])
    assault = next(e for e in events if e.plover.type == "ASSAULT")
    roles = {p.role: p.text for p in assault.participants}
    assert roles.get("target") == "Government troops"
    assert roles.get("source") == "rebel fighters"


def test_plover_travel_ban_noun_is_a_sanction(parse: Parse) -> None:
    assert principal_type(parse, "The travel ban on the officials took effect.") == "SANCTION"


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Russian troops completed their pullback from the province.", "RETREAT"),
        ("The two armies separated their forces along the front line.", "RETREAT"),
        ("The army scaled down its presence in the region.", "RETREAT"),
        ("The rebels gave up the town without a fight.", "RETREAT"),
        ("The leaders voiced their approval of the deal.", "SUPPORT"),
        ("The church blessed the peace initiative.", "SUPPORT"),
        ("The minister offered his backing to the envoy.", "SUPPORT"),
        ("The army pledged loyalty to the new president.", "SUPPORT"),
        ("The government ended military cooperation with the United States.", "SANCTION"),
        ("The ministry revoked the licences of two foreign broadcasters.", "COERCE"),
        ("The army carried out military exercises near the border.", "MOBILIZE"),
        ("The authorities cut off the internet in the province.", "COERCE"),
    ],
)
def test_plover_more_family_members(parse: Parse, text: str, type_: str) -> None:
    assert principal_type(parse, text) == type_


def test_plover_particle_rows_for_rejection_and_strikes(parse: Parse) -> None:
    assert principal_type(parse, "The court threw out the appeal.") == "REJECT"
    assert principal_type(parse, "The miners downed tools over unpaid wages.") == "PROTEST"


def test_plover_standing_somewhere_is_not_support(parse: Parse) -> None:
    """'stand behind/with' is literal as often as not (photo captions): no SUPPORT from it."""
    events = find_events(parse("Two guards stand behind the windows of the palace."), [])
    assert "SUPPORT" not in {e.plover.type for e in events}
