"""What is promised or stopped decides the code (issue 13), on sentences written for these tests.

A promise of force, or of coercion on a condition, is a threat; stopping attacks is a ceasefire,
stopping a strike, a curfew or sanctions a yield; agreeing to the other side's demands is a yield;
legal charges are accusations (PLOVER ACCUSE, mode allege).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def coded(parse: Parse, text: str) -> list[Event]:
    return find_events(parse(text), [])


def types(parse: Parse, text: str) -> list[tuple[str, str | None]]:
    return [(e.plover.type, e.plover.mode) for e in coded(parse, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Police officials promised more arrests if the looting continued.",
        "The government pledged new sanctions unless the regime released the prisoners.",
        "The insurgents promised to renew their bombing campaign if the talks failed.",
    ],
)
def test_a_conditional_promise_of_coercion_or_force_is_a_threat(parse: Parse, text: str) -> None:
    found = types(parse, text)
    assert any(t == "THREATEN" for t, _ in found), (text, found)
    assert not any(t == "AGREE" for t, _ in found), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "The minister promised new investment in the region.",
        "Police officials promised more arrests.",  # no condition: a promise to the public
    ],
)
def test_an_unconditional_promise_stays_a_promise(parse: Parse, text: str) -> None:
    found = types(parse, text)
    assert found and found[0][0] == "AGREE", (text, found)


def test_the_threatened_act_is_marked_threatened(parse: Parse) -> None:
    text = "The insurgents promised to renew their bombing campaign if the talks failed."
    bombing = [e for e in coded(parse, text) if e.plover.type == "ASSAULT"]
    assert [e.status for e in bombing] == ["threatened"]


@pytest.mark.parametrize(
    "text, type_, mode",
    [
        (
            "The rebels announced a suspension of attacks on government forces.",
            "RETREAT",
            "ceasefire",
        ),
        ("The army halted air strikes for 48 hours.", "RETREAT", "ceasefire"),
        ("The union called off the strike.", "CONCEDE", None),
        ("The president suspended plans to impose a curfew.", "CONCEDE", None),
        ("The government lifted sanctions on the country.", "CONCEDE", None),
    ],
)
def test_a_stop_is_coded_by_what_it_stops(
    parse: Parse, text: str, type_: str, mode: str | None
) -> None:
    assert types(parse, text)[0] == (type_, mode), text


def test_suspending_aid_is_still_a_sanction(parse: Parse) -> None:
    assert types(parse, "The government suspended aid to the country.")[0][0] == "SANCTION"


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The government agreed to the protesters' demands on Tuesday.", "CONCEDE"),
        ("The two sides agreed to a ceasefire.", "AGREE"),
    ],
)
def test_agreeing_to_demands_is_a_yield(parse: Parse, text: str, type_: str) -> None:
    assert types(parse, text)[0][0] == type_, text


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents launched a bombing campaign in the south.",
        "Police launched an arrest drive against smugglers.",
    ],
)
def test_a_campaign_of_acts_is_the_acts(parse: Parse, text: str) -> None:
    assert coded(parse, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors charged three former ministers with corruption on Monday.",
        "The former general was indicted on war crimes charges.",
    ],
)
def test_legal_charges_are_accusations(parse: Parse, text: str) -> None:
    assert types(parse, text)[0] == ("ACCUSE", "allege"), text


@pytest.mark.parametrize(
    "text",
    [
        "The army denied that its troops had shelled the village.",
        "The army denied it had shelled the village.",
    ],
)
def test_a_denied_act_is_negated_on_the_deniers_word(parse: Parse, text: str) -> None:
    shelling = [e for e in coded(parse, text) if e.plover.type == "ASSAULT"]
    assert [e.status for e in shelling] == ["negated"], text


def test_a_reported_act_is_not_negated(parse: Parse) -> None:
    found = coded(parse, "The ministry said troops had shelled the village.")
    assert [e.status for e in found if e.plover.type == "ASSAULT"] == ["occurred"]


@pytest.mark.parametrize(
    "text",
    [
        "The militants vowed to retaliate for the air strike.",
        "The militants vowed revenge for the raid on their camp if the army did not withdraw.",
    ],
)
def test_what_is_avenged_has_happened(parse: Parse, text: str) -> None:
    cause = [e for e in coded(parse, text) if e.trigger.text in ("air strike", "raid")]
    assert [e.status for e in cause] == ["occurred"], text
    assert cause[0].condition is None


def test_an_event_noun_that_unfolds_is_an_event(parse: Parse) -> None:
    text = "The attack unfolded over several hours."
    assert [e.plover.type for e in coded(parse, text)] == ["ASSAULT"]


def test_a_thing_that_comes_under_fire_is_no_event(parse: Parse) -> None:
    found = types(parse, "The convoy came under fire near the border.")
    assert [t for t, _ in found] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The opposition leader was placed under house arrest.", "COERCE"),
        ("Government forces kept the city under siege for months.", "ASSAULT"),
    ],
)
def test_what_one_is_put_under_is_done_to_them(parse: Parse, text: str, type_: str) -> None:
    assert type_ in [t for t, _ in types(parse, text)], text


@pytest.mark.parametrize(
    "text",
    ["Nepal: Four killed in air strike.", "Eight killed, over 45 injured in a bomb explosion."],
)
def test_a_verbless_casualty_report_is_an_event(parse: Parse, text: str) -> None:
    assert [e.plover.type for e in coded(parse, text)][:1] == ["ASSAULT"], text


def test_joined_verbs_of_one_type_are_one_act(parse: Parse) -> None:
    found = coded(parse, "Gunmen killed three soldiers and wounded five civilians.")
    assert [e.plover.type for e in found] == ["ASSAULT"]
    targets = {p.text for p in found[0].participants if p.role == "target"}
    assert {"three soldiers", "five civilians"} <= targets


@pytest.mark.parametrize(
    "text, n",
    [
        ("The army shelled the town and the rebels fired rockets at the base.", 2),
        ("Police arrested and charged five men.", 2),  # two types: two acts
        ("Rebels have kidnapped ten advisers and exploded a series of bombs in Kabul.", 2),
    ],
)
def test_joined_verbs_with_their_own_subject_or_type_stay_apart(
    parse: Parse, text: str, n: int
) -> None:
    assert len(coded(parse, text)) == n, text


@pytest.mark.parametrize(
    "text",
    [
        "Japan will provide 10 million dollars in emergency aid.",
        "Japan provided 10 million dollars in aid to the flood victims.",
    ],
)
def test_the_noun_framing_a_verb_of_its_type_is_the_same_act(parse: Parse, text: str) -> None:
    found = [e.plover.type for e in coded(parse, text)]
    assert found.count("AID") == 1, (text, found)
    assert found.count("AGREE") <= 1, (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "The talks in Doha ended without a breakthrough, two officials briefed on the negotiations said.",
        "Diplomats familiar with the negotiations said the talks in Doha had ended.",
    ],
)
def test_what_describes_the_speaker_is_not_news(parse: Parse, text: str) -> None:
    talks = [e for e in coded(parse, text) if e.plover.type == "CONSULT"]
    assert [e.trigger.text for e in talks] == ["talks"], text


def test_an_event_in_a_relative_clause_of_the_speaker_is_news(parse: Parse) -> None:
    text = "Hamas, which holds hostages captured in the attack on Israel, said it would talk."
    assert any(e.plover.type == "ASSAULT" for e in coded(parse, text))


@pytest.mark.parametrize(
    "text, status",
    [
        (
            "The delegation is expected to return to Cairo next week for another round of talks.",
            "expected",
        ),
        ("A new round of talks opened in Doha.", "occurred"),
    ],
)
def test_a_round_of_talks_is_the_talks(parse: Parse, text: str, status: str) -> None:
    talks = [e for e in coded(parse, text) if e.plover.type == "CONSULT"]
    assert [e.status for e in talks] == [status], text


@pytest.mark.parametrize(
    "text, status",
    [
        ("The proposal includes the release of 40 hostages.", "hypothetical"),
        ("The plan envisages a withdrawal of troops from the border.", "hypothetical"),
        ("The deal includes the release of 40 hostages.", "planned"),
        ("The operation included air strikes on the city.", "occurred"),
    ],
)
def test_the_terms_of_a_proposal_are_not_done(parse: Parse, text: str, status: str) -> None:
    assert [e.status for e in coded(parse, text)] == [status], text


@pytest.mark.parametrize(
    "text",
    ["The mediators presented a revised draft to both sides.", "Egypt tabled a new proposal."],
)
def test_presenting_a_proposal_is_an_offer(parse: Parse, text: str) -> None:
    assert types(parse, text)[:1] == [("AGREE", None)], text


def test_what_is_done_without_did_not_happen(parse: Parse) -> None:
    deal = [
        e
        for e in coded(parse, "The rebels returned home without a deal.")
        if e.plover.type == "AGREE"
    ]
    assert [e.status for e in deal] == ["negated"]


@pytest.mark.parametrize(
    "text",
    [
        "Security forces fired live ammunition at protesters, killing at least 12.",
        "A car bomb exploded near a police station, killing six.",
    ],
)
def test_a_participle_giving_the_result_of_an_act_is_that_act(parse: Parse, text: str) -> None:
    assert [e.plover.type for e in coded(parse, text)] == ["ASSAULT"], text


def test_a_participle_of_another_type_is_its_own_act(parse: Parse) -> None:
    found = types(parse, "Police arrested ten protesters, accusing them of arson.")
    assert [t for t, _ in found] == ["COERCE", "ACCUSE"]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("North Korea test-fired a ballistic missile.", "MOBILIZE"),
        ("The army fired two missiles at the rebel base.", "ASSAULT"),
    ],
)
def test_a_test_firing_is_a_show_of_force(parse: Parse, text: str, type_: str) -> None:
    assert types(parse, text)[0][0] == type_, text


def test_what_a_call_asks_for_has_not_happened(parse: Parse) -> None:
    found = coded(parse, "Israel defied international calls to halt the offensive.")
    assert [e.status for e in found if e.plover.type == "RETREAT"] == ["hypothetical"]


def test_a_journey_for_talks_is_one_consultation(parse: Parse) -> None:
    found = coded(parse, "The minister flew to Moscow for talks with his Russian counterpart.")
    assert [e.plover.type for e in found] == ["CONSULT"]
    assert found[0].plover.mode == "visit"


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Activists in Damascus decry new government policy.", "ACCUSE"),
        ("Kenya thanks United Arab Emirates for support on political issues.", "SUPPORT"),
    ],
)
def test_a_verb_tagged_as_a_noun_with_an_object_is_a_verb(
    parse: Parse, text: str, type_: str
) -> None:
    found = types(parse, text)
    assert found and found[0][0] == type_, (text, found)


@pytest.mark.parametrize(
    "text, mode",
    [
        ("Police used force against the demonstrators.", "crowd-control"),
        ("Riot police beat protesters with batons.", "beat"),
    ],
)
def test_force_used_on_protesters_is_crowd_control(parse: Parse, text: str, mode: str) -> None:
    assert types(parse, text)[0] == ("ASSAULT", mode), text


def test_a_bare_present_after_a_past_insistence_is_a_demand(parse: Parse) -> None:
    found = coded(parse, "Iraq insisted that UN inspectors leave the country.")
    assert [e.plover.type for e in found][:1] == ["REQUEST"]
    assert [e.status for e in found if e.plover.type == "RETREAT"] == ["hypothetical"]


def test_a_present_after_a_past_statement_is_no_demand(parse: Parse) -> None:
    found = coded(parse, "The minister said that the talks continue next week.")
    assert "REQUEST" not in [e.plover.type for e in found]
