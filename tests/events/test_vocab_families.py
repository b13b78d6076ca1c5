"""Further verb and noun families (issue 13: vocabulary that holds up on unseen news).

Probe sentences written for these tests from general English and the PLOVER definitions:
leaving talks or a coalition and guilty verdicts are SANCTION; spreading disinformation and
communication blackouts are COERCE (modes misinformation, censor); calls "by phone" are
CONSULT/phone; forgiving or writing off debt is AID. The principal event of each sentence must
have the type (and the mode, where one is given).
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
        # SANCTION: expelling envoys or monitors, guilty verdicts, leaving talks or a coalition
        ("The junta ejected two Western diplomats from the capital.", "SANCTION", None),
        ("A tribunal found the former governor guilty of bribery.", "SANCTION", "convict"),
        ("Three officers were found guilty of torture on Friday.", "SANCTION", "convict"),
        ("The smaller party quit the ruling coalition in March.", "SANCTION", "discontinue"),
        ("The delegation left the negotiations after two days.", "SANCTION", "discontinue"),
        ("The country exited the arms control treaty last year.", "SANCTION", "discontinue"),
        # COERCE: misinformation, communication blackouts, crackdowns
        (
            "State media spread disinformation about the opposition leader.",
            "COERCE",
            "misinformation",
        ),
        ("The ministry peddled falsehoods about the vaccine.", "COERCE", "misinformation"),
        ("The authorities imposed a news blackout on the northern region.", "COERCE", "censor"),
        (
            "The agency uncovered a disinformation campaign aimed at the vote.",
            "COERCE",
            "misinformation",
        ),
        ("The council removed the restrictions on street trading.", "CONCEDE", None),
        ("The ministry scrapped the visa requirements for students.", "CONCEDE", None),
        ("The army launched a clampdown on the opposition.", "COERCE", None),
        # RETREAT: a halt to hostilities
        ("A cessation of hostilities took effect at midnight.", "RETREAT", "ceasefire"),
        ("The two sides started a ceasefire on Monday.", "RETREAT", "ceasefire"),
        ("The rebels ended their insurgency after twenty years.", "RETREAT", "ceasefire"),
        ("The militia put down its weapons at the border.", "RETREAT", "disarm"),
        # COERCE: putting down a revolt is repression, not disarming
        ("The army put down the rebellion within days.", "COERCE", None),
        # ACCUSE: taking over an inquiry is not a seizure
        ("The federal police took over the investigation into the fire.", "ACCUSE", "investigate"),
        # MOBILIZE: strengthening forces in place
        ("The navy bolstered its presence in the strait.", "MOBILIZE", "troops"),
        # ACCUSE: verbal attack, official inquiry
        ("The bishop assailed the government over the killings.", "ACCUSE", None),
        ("A coroner opened an inquest into the prison deaths.", "ACCUSE", "investigate"),
        # REJECT
        ("The general shrugged off calls for his resignation.", "REJECT", None),
        # AID: money and debt relief
        ("The lenders wrote off the debts of the poorest nations.", "AID", None),
        ("Creditors forgave the loans of the flooded provinces.", "AID", None),
        ("The foundation contributed two million dollars to the relief effort.", "AID", None),
        # CONSULT by phone: the noun comes through "by" or "over"
        ("The two presidents spoke by phone on Tuesday.", "CONSULT", "phone"),
        ("The foreign ministers talked over the telephone about the border.", "CONSULT", "phone"),
    ],
)
def test_family_sentence_codes_its_type(
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
        "The minister spoke in parliament on Tuesday.",  # 'in' is not a phone
        "The company left the building at noon.",  # leaving a place is not leaving talks
        "The government shutdown ended after three weeks.",  # no communication noun
    ],
)
def test_family_rows_do_not_fire_on_neighbours(parse: Parse, text: str) -> None:
    """The new rows are keyed by their nouns: the same verbs with other nouns stay uncoded."""
    rules = {t.entry.rule for s in parse(text).doc.sents for t in find_triggers(s, load_lexicon())}
    assert not rules & {
        "light:speak-phone",
        "light:leave-talks",
        "light:leave-negotiation",
        "noun:shutdown-internet",
    }, rules


def test_compound_noun_found_by_written_modifier(parse: Parse) -> None:
    """'media' is lemmatised 'medium'; the multiword noun is still found by the written word."""
    doc = parse("Officials imposed a media blackout.").doc
    rules = {t.entry.rule for s in doc.sents for t in find_triggers(s, load_lexicon())}
    assert "noun:blackout-media" in rules
