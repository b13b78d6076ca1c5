"""Venues are where talks meet, never where troops or observers are sent or fighting is."""

from __future__ import annotations

from datetime import date

from eventwire.negotiations import build
from tests.negotiations.handmade import Report, Sent, store_of

SIGNED = Sent(
    "Atlantis and the Free Coast Front signed a truce in Klow on Friday.", {"Friday": "2030-05-03"}
)


def _venues(*later: Sent) -> list[str]:
    (neg,) = build(store_of(Report("v1", date(2030, 5, 4), [SIGNED, *later])))
    assert {r.venue for r in neg.rounds} <= {v.name for v in neg.venues}
    return [v.name for v in neg.venues]


def test_place_troops_are_deployed_in_is_not_a_venue():
    assert _venues(Sent("Under the truce, Syldavia agreed to deploy troops in Szohod.")) == ["Klow"]


def test_place_observers_are_sent_to_is_not_a_venue():
    assert _venues(
        Sent("Borduria will send observers to the city of Szohod after the truce was signed.")
    ) == ["Klow"]


def test_place_of_fighting_told_beside_a_signing_is_not_a_venue():
    later = Sent("The Front signed the truce map on Friday, after clashes in Szohod killed ten.")
    assert _venues(later) == ["Klow"]


def test_place_a_meeting_is_told_in_is_a_venue():
    later = Sent("Syldavia and Borduria met in Szohod on Monday to back the truce.")
    assert _venues(later) == ["Klow", "Szohod"]


def test_talks_a_delegation_was_sent_to_hold_have_their_venue():
    later = Sent(
        "Syldavia sent a delegation to hold talks in Szohod on Monday.", {"Monday": "2030-05-06"}
    )
    assert _venues(later) == ["Klow", "Szohod"]
