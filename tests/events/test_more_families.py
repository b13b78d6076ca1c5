"""More verb and noun families (issue 13: vocabulary that holds up on unseen news).

The rows added to families.tsv under "more families" / "further families": light-verb
constructions ("inked a deal", "rained rockets on", "declared a state of emergency"),
phrasal verbs ("caved in", "fired on"), synonyms ("reneged on", "repelled") and
nominalisations ("beheading", "outcry"). Probe sentences written for these tests from general
English and the PLOVER/CAMEO definitions, not taken from any gold set. The principal event of
each sentence must have the type (and the mode, where one is given).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events
from eventwire.events.lexicon import load_lexicon
from eventwire.events.principal import principal_event
from eventwire.events.triggers import find_triggers
from eventwire.model import Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def principal(parse: Parse, text: str) -> Event | None:
    return principal_event(find_events(parse(text), []))


@pytest.mark.parametrize(
    "text, type_, mode",
    [
        # AGREE: signing and reaching deals, however the verb is put
        ("The two governments inked a trade deal on Monday.", "AGREE", None),
        ("Rebels and the army struck a deal to exchange prisoners.", "AGREE", None),
        ("Both sides signed a memorandum of understanding on energy.", "AGREE", None),
        # CONSULT: visits and talks by phone or on a tour
        ("The prime minister paid a visit to Beijing last week.", "CONSULT", None),
        ("The envoys resumed talks after a two-month pause.", "CONSULT", None),
        ("Officials haggled over the price of gas for weeks.", "CONSULT", None),
        ("The two leaders spoke on the phone about the crisis.", "CONSULT", "phone"),
        ("The foreign minister embarked on a tour of the region.", "CONSULT", None),
        # SUPPORT: solidarity, condolences, reaffirmed backing
        ("The president expressed solidarity with the flood victims.", "SUPPORT", None),
        ("Leaders sent condolences to the families of the victims.", "SUPPORT", None),
        ("The minister reiterated his support for the peace plan.", "SUPPORT", None),
        # COOPERATE
        ("The two navies joined forces to fight piracy.", "COOPERATE", None),
        # AID: loans disbursed, aid delivered, asylum granted
        ("The World Bank disbursed a loan of 200 million dollars to Kenya.", "AID", None),
        ("Aid agencies delivered food and medicine to the besieged town.", "AID", None),
        ("The government granted asylum to the dissident.", "AID", None),
        # CONCEDE: yielding to demands
        ("The government caved in to the strikers' demands.", "CONCEDE", None),
        ("The prosecutor dropped the charges against the journalist.", "CONCEDE", None),
        ("The ministry reversed its decision on fuel subsidies.", "CONCEDE", None),
        # RETREAT: releases, resignations, a truce kept
        ("The rebels freed twenty hostages on Sunday.", "RETREAT", "release"),
        ("The prime minister tendered his resignation on Friday.", "RETREAT", "resign"),
        ("Both sides observed the truce for a third day.", "RETREAT", "ceasefire"),
        # REQUEST
        ("The government sought international help to fight the fires.", "REQUEST", None),
        # ACCUSE: complaints and outcry
        ("The embassy lodged a formal complaint over the incident.", "ACCUSE", None),
        ("The minister lambasted the foreign press.", "ACCUSE", None),
        # REJECT
        ("The president reneged on his promise to hold elections.", "REJECT", None),
        # PROTEST: obstruction
        ("Farmers blockaded the roads with tractors.", "PROTEST", "obstruct"),
        # MOBILIZE
        ("The navy dispatched two warships to the gulf.", "MOBILIZE", "troops"),
        # SANCTION
        ("The country broke off diplomatic relations with its neighbour.", "SANCTION", None),
        ("Washington froze the assets of the generals.", "SANCTION", None),
        # COERCE
        ("The president declared a state of emergency in the province.", "COERCE", None),
        ("The junta suspended the constitution after the coup.", "COERCE", None),
        # ASSAULT
        ("Jets rained bombs on the rebel stronghold.", "ASSAULT", None),
        ("Police fired on the crowd outside the station.", "ASSAULT", None),
        ("Soldiers repelled an attack on the base.", "ASSAULT", None),
        # phrasal verbs whose particle the parse attaches as an adverb ("stepped down")
        ("The minister stepped down on Friday.", "RETREAT", "resign"),
        ("The forces pulled back from the front line.", "RETREAT", "withdraw"),
        ("The president climbed down over the tax.", "CONCEDE", None),
        # CAMEO subcodes by their definitions: rallying support (053), ending emergency
        # rule (0814), accepting mediation (086), human shields (184), handing over a
        # fugitive (063)
        ("The bishop rallied support for the peace accord.", "SUPPORT", None),
        ("The government lifted the state of emergency in the north.", "CONCEDE", None),
        ("The government accepted international mediation.", "CONCEDE", None),
        ("Militants used villagers as human shields.", "ASSAULT", None),
        ("The country handed over the fugitive to his home country.", "COOPERATE", None),
        ("The envoy shuttled between the two capitals.", "CONSULT", None),
        ("The country recalled its troops from the mission.", "RETREAT", "withdraw"),
        ("Relief supplies were flown into the capital.", "AID", None),
        # an event noun as the subject of a verb of impact: the event happened
        ("A strike paralysed the country's ports.", "PROTEST", None),
        ("Mass protests swept the capital.", "PROTEST", None),
        ("Food aid reached the besieged town.", "AID", None),
        # synonyms
        ("Government troops routed the rebels near the capital.", "ASSAULT", None),
        ("The king commuted the death sentences of the prisoners.", "CONCEDE", None),
        ("The newspaper retracted the allegations.", "CONCEDE", None),
    ],
)
def test_more_family_sentence_codes_its_type(
    parse: Parse, text: str, type_: str, mode: str | None
) -> None:
    event = principal(parse, text)
    assert event is not None, text
    assert event.plover.type == type_, (text, event.plover.type)
    if mode is not None:
        assert event.plover.mode == mode, (text, event.plover.mode)


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke on television on Tuesday.",  # 'on' with a non-phone noun
        "The prime minister dissolved parliament ahead of the election.",  # a routine act
        "She carried a banner at the parade.",  # no protest noun
        "The minister said back in March that the plan was sound.",  # 'say back' is no phrasal
    ],
)
def test_more_family_rows_do_not_fire_on_neighbours(parse: Parse, text: str) -> None:
    """The light rows are keyed by their nouns: the same verbs with other nouns stay uncoded."""
    rules = {t.entry.rule for s in parse(text).doc.sents for t in find_triggers(s, load_lexicon())}
    assert not rules & {
        "light:speak-television",
        "light:speak-phone",
        "light:dissolve-parliament",
        "light:carry-banner",
    }, rules
