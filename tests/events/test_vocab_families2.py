"""More verb and noun families (issue 13, second pass: vocabulary that holds up on unseen news).

Probe sentences written for these tests from general English and the PLOVER / CAMEO
definitions, not from any evaluation item: setting up an inquiry is ACCUSE investigate
(090), while ordering one is a demand (CAMEO 10); jamming broadcasts, throttling the
internet and suspending websites are COERCE censor; a purge is COERCE; the modes of protest
light verbs follow their noun (a boycott is boycott, a protest demo); handing over weapons
is disarming, handing over hostages a release; a curfew is CAMEO 1723; 'carry out' with a
non-military noun is that noun's act; joint drills are military cooperation (062). The
principal event of each sentence must have the type (and the mode, and the CAMEO code,
where one is given).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events.lexicon import load_lexicon
from eventwire.events.triggers import find_triggers
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


@pytest.mark.parametrize(
    "text, type_, mode, cameo",
    [
        # ACCUSE investigate: an inquiry set up, formed, appointed or carried out
        (
            "The parliament established an inquiry into the shooting.",
            "ACCUSE",
            "investigate",
            "090",
        ),
        (
            "The president formed a commission to look at the killings.",
            "ACCUSE",
            "investigate",
            None,
        ),
        (
            "The ministry established an inquiry into the train crash.",
            "ACCUSE",
            "investigate",
            "090",
        ),
        # ordering an inquiry is demanding one (CAMEO 10), not investigating
        ("The president ordered an inquiry into the crash.", "REQUEST", None, None),
        ("The UN launched a tribunal for the war crimes.", "ACCUSE", "investigate", None),
        (
            "The council appointed investigators to look at the claims.",
            "ACCUSE",
            "investigate",
            None,
        ),
        ("Inspectors carried out an inspection of the plant.", "ACCUSE", "investigate", None),
        ("The board established a commission of inquiry.", "ACCUSE", "investigate", None),
        # COERCE censor / restrict
        ("The ministry jammed the signals of foreign radio stations.", "COERCE", "censor", "172"),
        ("The government throttled internet access in the region.", "COERCE", "censor", None),
        ("The authorities suspended several news websites.", "COERCE", "censor", None),
        ("The regime tightened the screws on the independent media.", "COERCE", "restrict", None),
        ("The president purged the army of disloyal officers.", "COERCE", None, None),
        ("The army conducted a purge of senior officers.", "COERCE", None, None),
        # PROTEST: the light verb's noun gives the mode
        ("The opposition launched a boycott of the products.", "PROTEST", "boycott", "143"),
        ("The students began a boycott of classes.", "PROTEST", "boycott", "143"),
        ("The union started a protest outside the ministry.", "PROTEST", "demo", "141"),
        ("The union called a protest for Friday.", "PROTEST", "demo", "141"),
        # RETREAT: what is handed over gives the mode
        ("The rebels handed over their arms to the monitors.", "RETREAT", "disarm", "0873"),
        ("The kidnappers handed over the hostages to the Red Cross.", "RETREAT", "release", None),
        # PROTEST obstruct / boycott / strike by the light verb's noun
        ("The rebels staged a blockade of the highway.", "PROTEST", "obstruct", "144"),
        ("Truckers mounted a blockade of the border crossing.", "PROTEST", "obstruct", None),
        ("The villagers staged a boycott of the election.", "PROTEST", "boycott", None),
        ("Half of the teachers joined a wildcat strike.", "PROTEST", "strike", None),
        # AID: packages, programmes, shipments; sheltering refugees
        ("The government launched an aid programme for the farmers.", "AID", None, None),
        ("The first arms shipment reached the rebels on Monday.", "AID", None, "072"),
        ("The country hosted thousands of refugees.", "AID", None, "075"),
        # 'carry out' with a non-military noun: what is carried out gives the type
        ("The army carried out a deployment of troops.", "MOBILIZE", "troops", "154"),
        ("The army carried out a crackdown on dissidents.", "COERCE", None, "175"),
        ("The police carried out mass arrests.", "COERCE", "arrest", "173"),
        ("The government carried out mass deportations.", "COERCE", "deport", "174"),
        ("The army paraded its new missiles.", "MOBILIZE", "weapons", None),
        # SANCTION: verdicts, expelling monitors, peacekeepers or agencies, aid cuts, walk-outs
        ("The jury returned a guilty verdict.", "SANCTION", "convict", "116"),
        ("The court delivered a guilty verdict against the general.", "SANCTION", "convict", None),
        ("The government expelled the UN inspectors.", "SANCTION", "expel", "1662"),
        ("The junta expelled the peacekeepers from the country.", "SANCTION", "expel", "1661"),
        ("The government expelled two aid agencies.", "SANCTION", "expel", "1663"),
        ("The government reduced aid to the country.", "SANCTION", "discontinue", "162"),
        ("The donors slashed funding for the programme.", "SANCTION", "discontinue", None),
        ("The rebels walked out of the negotiations.", "SANCTION", "discontinue", "164"),
        ("The government refused visas to the inspectors.", "SANCTION", None, None),
        # ACCUSE: legal action
        ("The company took the ministry to court.", "ACCUSE", None, "115"),
        # ASSAULT
        ("The militants decapitated the hostage.", "ASSAULT", "execute", None),
        ("The murder of the journalist shocked the country.", "ASSAULT", None, None),
        # CONCEDE / RETREAT
        ("The governor granted a reprieve to the prisoner.", "CONCEDE", None, None),
        ("The rebels returned the hostages to their families.", "RETREAT", "release", "0841"),
        # THREATEN: a threatened crackdown or arrests; MOBILIZE: a show of strength
        ("The minister threatened a crackdown on the protesters.", "THREATEN", "restrict", None),
        ("The governor threatened arrests over the looting.", "THREATEN", "arrest", None),
        ("The navy flexed its muscles in the strait.", "MOBILIZE", None, "150"),
        # COOPERATE: joint drills are military cooperation (062), partnerships
        ("The two armies held joint military drills.", "COOPERATE", None, "062"),
        ("The two navies began joint maneuvers in the gulf.", "COOPERATE", None, "062"),
        ("The army held military drills near the border.", "MOBILIZE", None, None),  # not joint
        ("The two firms struck a partnership.", "COOPERATE", None, None),
        # AGREE: reconciliation and approval idioms
        ("The two rivals buried the hatchet.", "AGREE", None, None),
        ("The two sides patched up their differences.", "AGREE", None, None),
        ("The government okayed the plan.", "AGREE", None, None),
        ("The government gave the green light to the project.", "AGREE", None, None),
        # RETREAT: weapons given up, surrender, captives set free; AID resumed; bills withdrawn
        ("The rebels gave up their weapons.", "RETREAT", "disarm", "0873"),
        ("The gunmen gave themselves up to the police.", "RETREAT", "withdraw", None),
        ("The government set the prisoners free.", "RETREAT", "release", None),
        ("The country restored aid to the region.", "AID", None, None),
        ("The government resumed aid deliveries.", "AID", None, None),
        ("The government withdrew the bill.", "CONCEDE", None, None),
        # COERCE: a state of emergency imposed, extended or declared is CAMEO 1724
        ("The government imposed a state of emergency.", "COERCE", "martial-law", "1724"),
        ("The government extended the state of emergency.", "COERCE", "martial-law", "1724"),
        ("The president declared a state of emergency.", "COERCE", "martial-law", "1724"),
        # MOBILIZE: arming civilians raises a militia; PROTEST: a strike held is a strike
        ("The army armed the villagers.", "MOBILIZE", "militia", None),
        ("The unions held a strike on Monday.", "PROTEST", "strike", "143"),
        # ACCUSE: crying foul, a diplomatic protest issued or registered (114)
        ("The opposition cried foul over the results.", "ACCUSE", "allege", None),
        ("The embassy issued a strong protest.", "ACCUSE", None, "114"),
        ("The country registered a protest with the UN.", "ACCUSE", None, "114"),
        # COERCE: firing or dismissing an official (as 'sacked'), not shooting or rejecting
        ("The president fired the army chief.", "COERCE", None, "170"),
        ("The president dismissed the prime minister.", "COERCE", None, "170"),
        ("The president dismissed the claims as lies.", "REJECT", None, None),
        ("The soldiers fired shots at the police chief.", "ASSAULT", None, None),
        # phrasal verbs and synonyms
        ("The government approved of the new policy.", "SUPPORT", None, None),
        ("The country stood with its allies.", "SUPPORT", None, None),
        ("The bishop spoke against the death penalty.", "ACCUSE", "disapprove", None),
        ("The regime demonised the opposition.", "ACCUSE", "disapprove", None),
        ("The government unbanned the opposition party.", "CONCEDE", None, "0812"),
        ("The government watered down the reform.", "CONCEDE", None, None),
        ("The regime stamped out dissent.", "COERCE", None, None),
        ("The generals forced out the president.", "COERCE", None, None),
        ("Police swooped on the suspects.", "COERCE", "arrest", None),
        ("The army flushed out the militants from the caves.", "ASSAULT", None, None),
        ("The troops beat back the attack.", "ASSAULT", None, None),
        ("Police broke up the demonstration.", "ASSAULT", "crowd-control", "175"),
        # a protest noun carried out, conducted, begun or resumed is that protest, not an attack
        ("The farmers carried out a protest outside parliament.", "PROTEST", "demo", "141"),
        ("The villagers carried out a boycott of the shops.", "PROTEST", "boycott", None),
        ("The youths carried out riots in the suburbs.", "PROTEST", "riot", None),
        ("The students began a march to the palace.", "PROTEST", "demo", None),
        ("The workers resumed their sit-in at the factory.", "PROTEST", "demo", None),
        ("The activists conducted a vigil outside the prison.", "PROTEST", "demo", None),
        ("The rescuers carried out an airlift of supplies.", "AID", None, "073"),
        ("The minister carried out a visit to the flooded region.", "CONSULT", "visit", None),
        # measures ended, reimposed, enforced, extended or announced; controls tightened
        ("The government ended martial law in the north.", "CONCEDE", None, "081"),
        ("The junta ended the media blackout.", "CONCEDE", None, None),
        ("The government reimposed the curfew in the capital.", "COERCE", "curfew", "1723"),
        ("The authorities reimposed restrictions on travel.", "COERCE", "restrict", None),
        ("The president reimposed sanctions on the country.", "SANCTION", None, "163"),
        ("Police enforced the restrictions in the north.", "COERCE", "restrict", None),
        ("The army enforced the curfew in the capital.", "COERCE", "curfew", "1723"),
        ("The government extended the lockdown by two weeks.", "COERCE", None, None),
        ("The president announced a state of emergency.", "COERCE", "martial-law", "1724"),
        ("The regime tightened controls on the press.", "COERCE", "restrict", None),
        ("The police tightened security around the embassy.", "MOBILIZE", "police", None),
        # AID: funds earmarked, channelled or released; supplies rushed or dispatched
        ("The government earmarked funds for the flood victims.", "AID", None, None),
        ("Donors channelled aid to the refugee camps.", "AID", None, None),
        ("The army rushed supplies to the stranded villagers.", "AID", None, "073"),
        ("The charity dispatched tents to the region.", "AID", None, None),
        ("The bank released a loan to the government.", "AID", None, None),
        # SANCTION: export controls and bans
        ("Washington slapped export controls on the company.", "SANCTION", None, "163"),
        ("The country announced an export ban on rice.", "SANCTION", None, "163"),
        ("The government eased export controls.", "CONCEDE", None, None),
        # CONSULT: welcoming or receiving a visiting leader is hosting a visit (043)
        ("The president welcomed his counterpart to the palace.", "CONSULT", None, "043"),
        ("The pope received the president at the Vatican.", "CONSULT", None, "043"),
        ("The king granted an audience to the envoy.", "CONSULT", None, "043"),
        ("The minister welcomed the decision.", "SUPPORT", None, None),  # no visitor
        ("Crowds welcomed the president at the airport.", "SUPPORT", None, None),  # no host
        ("The minister made overtures to the opposition.", "AGREE", None, "036"),
        # ASSAULT: killings by hand, sieges, advances; COERCE: ships intercepted
        ("Five villagers were hacked to death.", "ASSAULT", "primitive", "182"),
        ("The family was burned alive in their home.", "ASSAULT", "primitive", None),
        ("The soldiers mutilated the bodies.", "ASSAULT", None, None),
        ("The militants crucified two men.", "ASSAULT", "execute", None),
        ("Troops surrounded the rebel stronghold.", "ASSAULT", None, "191"),
        ("The army advanced on the capital.", "ASSAULT", None, None),
        ("The navy intercepted the ship.", "COERCE", "seize", None),
        ("Hackers hacked into the ministry's servers.", "COERCE", "cyber", None),
        ("The factory was burned to the ground.", "ASSAULT", "destroy", None),
        # CAMEO subcodes by their definitions
        ("The army broke the truce.", "ASSAULT", None, "196"),
        ("The militia carried out ethnic cleansing in the valley.", "ASSAULT", "cleansing", "203"),
        ("The activists mobilised opposition to the dam.", "ACCUSE", None, "113"),
        ("The government admitted UN inspectors.", "CONCEDE", None, "0862"),
        ("The country received nuclear inspectors on Monday.", "CONCEDE", None, "0862"),
        ("The country applied for membership of the alliance.", "REQUEST", None, None),
        # COERCE: migrants pushed back, parties disbanded, parliament suspended
        ("Border guards pushed back the migrants.", "COERCE", "deport", "174"),
        ("The junta disbanded the opposition party.", "COERCE", "ban", "1722"),
        ("The junta suspended the parliament.", "COERCE", "restrict", None),
        ("The militia disbanded.", "RETREAT", "disarm", None),
        # ACCUSE investigate: questioning, subpoenas, reopened inquiries; a case opened (115)
        ("Police questioned the suspects.", "ACCUSE", "investigate", None),
        ("The prosecutor subpoenaed the documents.", "ACCUSE", "investigate", None),
        ("Prosecutors reopened the investigation into the fire.", "ACCUSE", "investigate", None),
        ("The court opened a case against the general.", "ACCUSE", None, "115"),
        ("Police launched a manhunt for the killers.", "COERCE", "arrest", None),
        # SUPPORT: diplomatic relations are diplomatic cooperation in PLOVER; the CAMEO code stays 060
        ("The two countries established diplomatic relations.", "SUPPORT", None, "060"),
        ("The two countries restored diplomatic ties.", "SUPPORT", None, "060"),
        ("The two countries mended ties after the dispute.", "SUPPORT", None, None),
        ("The country opened an embassy in the capital.", "SUPPORT", None, None),
        ("The two countries resumed trade after the war.", "COOPERATE", None, "060"),
        ("The two countries expanded investment in the region.", "COOPERATE", None, None),
        # compound event nouns: the modifier names the act
        ("Residents witnessed the border closure on Monday.", "COERCE", "restrict", None),
        ("Residents witnessed the missile launch on Monday.", "MOBILIZE", "weapons", None),
        ("Residents fled the rocket fire on Monday.", "ASSAULT", "heavy-weapons", "194"),
        ("Residents witnessed the police raid on Monday.", "COERCE", None, None),
        ("Villagers witnessed the land grab on Monday.", "COERCE", "seize", None),
        ("Monitors recorded a ceasefire violation on Monday.", "ASSAULT", None, "196"),
        ("Washington sent military assistance to the army.", "AID", None, "072"),
        # MOBILIZE: police sent in are police power (153), troops armed forces (154)
        ("The government deployed riot police to the capital.", "MOBILIZE", "police", "153"),
        ("The government dispatched police to the town.", "MOBILIZE", "police", "153"),
        ("The navy dispatched marines to the island.", "MOBILIZE", "troops", "154"),
        ("The junta amassed troops on the border.", "MOBILIZE", "troops", "154"),
        # nominalisations that carry their own act
        ("The minister confirmed the jailing of the journalist.", "COERCE", "arrest", None),
        ("The minister confirmed the freeing of the hostages.", "RETREAT", "release", None),
        ("The minister confirmed the banning of the party.", "COERCE", "ban", None),
        ("The minister confirmed the reopening of the border.", "RETREAT", "access", None),
        # COERCE curfew: CAMEO 1723 "impose curfew"
        ("The governor declared a curfew in the city.", "COERCE", "curfew", "1723"),
        ("The city was locked down after the riots.", "COERCE", "curfew", "1723"),
    ],
)
def test_family_sentence_codes_its_type(
    codes_as: Callable[..., None], text: str, type_: str, mode: str | None, cameo: str | None
) -> None:
    codes_as(text, type_, mode, cameo)


@pytest.mark.parametrize(
    "text, verb",
    [
        ("The company established a new office in Paris.", "establish"),  # no inquiry noun
        ("The club formed a youth team.", "form"),
        ("The band jammed until midnight.", "jam"),  # no broadcast or signal
        ("The firm suspended its chief executive.", "suspend"),  # no website or platform
        ("The team carried out a review of the season.", "carry"),  # a review is no arrest
        ("The team returned to the capital.", "return"),  # no verdict
        ("The court expelled the spectators.", "expel"),  # no monitors or agencies
        ("The couple broke up last year.", "break"),  # no protest broken up
        ("The singer released a new album.", "release"),  # no money or captives
        ("The reporter questioned the decision.", "question"),  # no suspect questioned
    ],
)
def test_family_rows_do_not_fire_on_neighbours(parse: Parse, text: str, verb: str) -> None:
    """The new rows are keyed by their nouns: the same verbs with other nouns stay light-free."""
    rules = {t.entry.rule for s in parse(text).doc.sents for t in find_triggers(s, load_lexicon())}
    assert not {r for r in rules if r.startswith(f"light:{verb}-")}, rules


@pytest.mark.parametrize(
    "text, rule",
    [
        ("The approval rating of the president fell.", "noun:approval"),  # a modifier only
        ("The sentencing hearing was delayed.", "noun:sentencing"),
        ("The company opened an office in Paris.", "light:open-embassy"),
    ],
)
def test_noun_rows_do_not_fire_as_modifiers(parse: Parse, text: str, rule: str) -> None:
    """A nominalisation used as a modifier ('approval rating') is no event of its own."""
    rules = {t.entry.rule for s in parse(text).doc.sents for t in find_triggers(s, load_lexicon())}
    assert rule not in rules, rules
