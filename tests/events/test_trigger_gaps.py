"""Construction gaps in trigger finding (issue 13): compound nouns under performing light
verbs, hyphenated event nouns alone, phrasal rows needing an object, states one is 'on',
and acts named by the object of 'the use of'."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.lexicon import load_lexicon, parse_lexicon
from eventwire.events.triggers import find_triggers, noun_keys
from eventwire.model import Coded, Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]
Code = Callable[..., Coded]


def _events(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def _coded(events: list[Event]) -> list[tuple[str, str | None, str, str]]:
    return [(e.plover.type, e.plover.mode, e.cameo, e.trigger.text) for e in events]


# ---------------------------------------------------------------- compound nouns, light verbs


def test_performing_light_verbs_are_known_from_the_lexicon() -> None:
    lex = load_lexicon()
    assert {"launch", "stage", "hold", "carry_out"} <= lex.performers
    assert not {"call_off", "end", "threaten", "suspend"} & lex.performers


@pytest.mark.parametrize(
    "text, type_, cameo",
    [
        ("The jailed activist launched a hunger strike on Sunday.", "PROTEST", "142"),
        ("Port workers carried out a general strike across the country.", "PROTEST", "143"),
        ("The Red Cross launched a relief operation in the flooded province.", "AID", "073"),
        ("Coast guards launched a rescue operation off the coast of Libya.", "AID", "073"),
    ],
)
def test_a_compound_event_noun_wins_over_a_generic_light_row(
    parse: Parse, text: str, type_: str, cameo: str
) -> None:
    coded = _coded(_events(parse, text))
    assert any(t == type_ and c == cameo for t, _, c, _ in coded), coded
    assert not any(t == "ASSAULT" for t, *_ in coded), coded


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The air force launched an air strike on the depot.", "ASSAULT"),
        ("The army launched a military operation in the north.", "ASSAULT"),
        ("The detainees called off their hunger strike on Friday.", "CONCEDE"),
    ],
)
def test_light_rows_keep_their_own_reading(parse: Parse, text: str, type_: str) -> None:
    coded = _coded(_events(parse, text))
    assert [t for t, *_ in coded] == [type_], coded


# ---------------------------------------------------------------- hyphenated nouns alone


def test_noun_keys_join_hyphen_pieces(parse: Parse) -> None:
    doc = parse("Analysts noted a build-up of armour.").doc
    up = next(t for t in doc if t.text == "up")
    assert noun_keys(up)[:2] == ["build-up", "buildup"]
    assert noun_keys(doc[0]) == ["analyst", "analysts"]


@pytest.mark.parametrize(
    "text, type_, trigger",
    [
        ("Satellite pictures show a build-up of armour near the frontier.", "MOBILIZE", "build-up"),
        ("A walk-out by bus drivers began on Monday in the city.", "PROTEST", "walk-out"),
        ("Police launched a crack-down on street traders in the capital.", "COERCE", None),
        ("Teachers began a walk-out on Monday over unpaid wages.", "PROTEST", None),
        ("The sit-in continued for a third day outside the ministry.", "PROTEST", "sit-in"),
    ],
)
def test_hyphenated_event_nouns_are_found(
    code: Code, text: str, type_: str, trigger: str | None
) -> None:
    coded = _coded(code(text).events)
    assert any(t == type_ and (trigger is None or w == trigger) for t, _, _, w in coded), coded


def test_the_first_piece_of_a_hyphenated_noun_is_no_trigger(parse: Parse) -> None:
    sent = next(iter(parse("A walk-out by bus drivers halted traffic.").doc.sents))
    heads = [t.head.text for t in find_triggers(sent, load_lexicon())]
    assert "out" in heads and "walk" not in heads


# ---------------------------------------------------------------- phrasal rows with need=obj

PHRASAL = "phrasal\tdrive out\tASSAULT\t-\t190\tobj=target,need=obj\n"


def test_a_phrasal_row_needing_an_object_skips_intransitive_uses(parse: Parse) -> None:
    lex = parse_lexicon(PHRASAL)
    for text, found in [
        ("Government troops drove the militants out of the town.", True),
        ("The rebels were driven out of the port last month.", True),
        ("The ambassador drove out to the airport on Monday.", False),
    ]:
        sent = next(iter(parse(text).doc.sents))
        assert bool(find_triggers(sent, lex)) is found, text


def test_drive_out_codes_an_attack_only_with_an_object(parse: Parse) -> None:
    coded = _coded(_events(parse, "Kurdish fighters drove out the militants from the village."))
    assert ("ASSAULT", None, "190", "drove out") in coded
    assert not _events(parse, "The envoy drove out to the airport on Monday.")


# ---------------------------------------------------------------- states one is 'on'


@pytest.mark.parametrize(
    "text, cameo, trigger",
    [
        ("Dock workers have been on strike since Monday.", "143", "been on strike"),
        ("Nurses remained on strike for a third week.", "143", "remained on strike"),
        ("Two detainees are on hunger strike in a prison near the capital.", "142", None),
        ("Rail staff stayed on strike over the weekend.", "143", None),
    ],
)
def test_an_event_noun_one_is_on_is_the_subjects_act(
    code: Code, text: str, cameo: str, trigger: str | None
) -> None:
    events = code(text).events
    hits = [e for e in events if e.plover.type == "PROTEST" and e.cameo == cameo]
    assert hits, _coded(events)
    assert trigger is None or hits[0].trigger.text == trigger
    assert any(p.role == "source" for p in hits[0].participants)


def test_a_negated_or_modal_copula_is_left_alone(parse: Parse) -> None:
    # the events stage reads an auxiliary head's status as a noun's: rather nothing than
    # an 'occurred' strike that is denied or only expected
    for text in ("The doctors are not on strike.", "Teachers will be on strike on Monday."):
        assert not any(e.status == "occurred" for e in _events(parse, text)), text


def test_a_visit_one_is_on_is_not_made_a_state(parse: Parse) -> None:
    coded = _coded(_events(parse, "The minister is on a visit to Beijing."))
    assert [w for *_, w in coded] == ["visit"], coded


# ---------------------------------------------------------------- 'the use of X'


@pytest.mark.parametrize(
    "text, type_, mode, cameo, trigger",
    [
        (
            "The use of chemical weapons against villagers in the valley killed dozens.",
            "ASSAULT",
            "unconventional",
            "204",
            "use of chemical weapons",
        ),
        (
            "Witnesses reported the use of tear gas on students outside the campus.",
            "ASSAULT",
            "crowd-control",
            "175",
            "use of tear gas",
        ),
        (
            "The firing of tear gas at marchers drew criticism from rights groups.",
            "ASSAULT",
            "crowd-control",
            "175",
            "firing of tear gas",
        ),
        (
            "Moscow's deployment of troops near the frontier alarmed its neighbours.",
            "MOBILIZE",
            "troops",
            "154",
            "deployment of troops",
        ),
        (
            "The imposition of a curfew in the port city followed two nights of rioting.",
            "COERCE",
            "curfew",
            "1723",
            "imposition of a curfew",
        ),
    ],
)
def test_a_use_noun_is_the_act_its_of_object_names(
    code: Code, text: str, type_: str, mode: str, cameo: str, trigger: str
) -> None:
    coded = _coded(code(text).events)
    assert (type_, mode, cameo, trigger) in coded, coded


def test_the_user_of_a_use_noun_is_its_source(code: Code) -> None:
    events = code("The army's use of force against demonstrators left five people hurt.").events
    use = next(e for e in events if e.trigger.text == "use of force")
    roles = {(p.role, p.text) for p in use.participants}
    assert ("source", "The army") in roles and ("target", "demonstrators") in roles


@pytest.mark.parametrize(
    "text",
    [
        "The use of social media by candidates grew sharply this year.",
        "The use of force would be a grave mistake, the envoy said.",
    ],
)
def test_a_use_noun_codes_nothing_of_its_own_otherwise(code: Code, text: str) -> None:
    assert not any(e.plover.type == "ASSAULT" for e in code(text).events)


def test_a_use_noun_a_coded_verb_takes_is_its_theme(code: Code) -> None:
    events = code("The opposition condemned the use of chemical weapons in the north.").events
    assert [e.plover.type for e in events] == ["ACCUSE"]


# ---------------------------------------------------------------- crowds and gatherings


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered to welcome the president in Mombasa.",
        "Thousands gathered at the stadium to greet the returning squad.",
        "Cheering crowds welcomed the prime minister in Lahore on Friday.",
    ],
)
def test_a_welcoming_crowd_is_no_protest(code: Code, text: str) -> None:
    coded = _coded(code(text).events)
    assert not any(t == "PROTEST" for t, *_ in coded), coded


def test_a_gathering_to_denounce_is_a_demonstration(code: Code) -> None:
    coded = _coded(code("Hundreds gathered outside the consulate to denounce the arrests.").events)
    assert ("PROTEST", "demo", "141", "gathered") in coded, coded


def test_a_gathering_to_protest_is_one_protest(code: Code) -> None:
    coded = _coded(code("Hundreds gathered in the square to protest against the new law.").events)
    assert [t for t, *_ in coded] == ["PROTEST"], coded


def test_a_meeting_without_a_purpose_clause_keeps_its_row(code: Code) -> None:
    coded = _coded(code("Foreign ministers gathered in Brussels on Monday.").events)
    assert ("CONSULT", "multilateral", "040", "gathered") in coded, coded
