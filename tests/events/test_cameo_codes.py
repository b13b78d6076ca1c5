"""CAMEO codes follow the trigger's family and its arguments (issue 13, codebook sub-codes).

Probe sentences written for eventwire from the CAMEO codebook's own definitions: each names the
code the principal event of the sentence must carry.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]

PROBES = [
    ("042", "The French foreign minister visited Beijing on Monday."),
    ("043", "Egypt hosted the Israeli prime minister in Cairo."),
    ("046", "Israel and Hamas negotiated a prisoner exchange."),
    ("051", "The Kenyan president praised the army for its courage."),
    ("057", "Sudan and South Sudan signed a peace agreement on Tuesday."),
    ("031", "Germany and France agreed to cooperate economically."),
    ("071", "The World Bank provided a loan to Ghana."),
    ("072", "Russia supplied weapons to Syria."),
    ("073", "The UN delivered humanitarian aid to Gaza."),
    ("081", "The government eased restrictions on travel."),
    ("0813", "The government lifted the curfew."),
    ("0874", "Russian troops withdrew from the town."),
    ("111", "The opposition criticised the government's budget."),
    ("112", "The government accused the rebels of killing civilians."),
    ("125", "The rebels rejected talks with the government."),
    ("1312", "The US threatened sanctions against Russia."),
    ("138", "Russia threatened to attack Ukraine."),
    ("141", "Thousands of people demonstrated in Cairo on Friday."),
    ("161", "Qatar cut diplomatic ties with Egypt."),
    ("164", "The EU halted negotiations with Turkey."),
    ("163", "The United States imposed an embargo on Cuba."),
    ("173", "Police arrested three opposition leaders."),
    ("175", "Police used tear gas against protesters."),
    ("183", "A suicide bomber blew himself up in a market in Baghdad."),
    ("186", "Gunmen assassinated the governor."),
    ("190", "Government troops fought rebels near the border."),
    ("193", "Gunmen opened fire on a bus."),
    ("195", "Israeli warplanes bombed targets in Gaza."),
]


@pytest.mark.parametrize(("code", "text"), PROBES, ids=[p[0] + ":" + p[1][:30] for p in PROBES])
def test_cameo_principal_code_follows_trigger_family(parse: Parse, code: str, text: str) -> None:
    main = principal_event(find_events(parse(text), []))
    assert main is not None, text
    assert main.cameo == code, (text, main.trigger.text, main.cameo)


def test_cameo_hosting_a_person_is_a_visit_but_receiving_arms_is_aid(parse: Parse) -> None:
    hosted = principal_event(find_events(parse("Qatar hosted the Afghan envoy in Doha."), []))
    got = principal_event(find_events(parse("The rebels received weapons from Iran."), []))
    assert hosted is not None and hosted.cameo == "043"
    assert got is not None and (got.plover.type, got.cameo) == ("AID", "072")


def test_cameo_a_signed_deal_keeps_057_when_it_has_a_complement(parse: Parse) -> None:
    main = principal_event(find_events(parse("Kenya signed a deal with Uganda."), []))
    assert main is not None and main.cameo == "057"
