"""The tracker on small hand-made stores: grouping, fate history, status over time."""

from __future__ import annotations

from datetime import date

from eventwire.negotiations import build
from tests.negotiations.handmade import Report, Sent, store_of

SIGNED = Report(
    "a1",
    date(2030, 5, 4),
    [
        Sent(
            "The Atlantean army and the Free Coast Front signed a truce in Klow on Friday after talks.",
            {"Friday": "2030-05-03"},
        ),
        Sent("Syldavian mediators said the truce runs for 60 days."),
        Sent("The Front said it would lay down arms only if prisoners were freed."),
    ],
)
EXTENDED = Report(
    "a2",
    date(2030, 7, 1),
    [
        Sent(
            "The truce between the Atlantean army and the Free Coast Front was extended on Monday, Syldavian mediators said.",
            {"Monday": "2030-06-30"},
        )
    ],
)
EXPIRED = Report(
    "a3",
    date(2030, 9, 2),
    [
        Sent(
            "The truce between the Atlantean army and the Free Coast Front expired on Sunday.",
            {"Sunday": "2030-09-01"},
        ),
        Sent("The Front threatened to attack the capital."),
    ],
)
OTHER_TALKS = Report(
    "b1",
    date(2030, 5, 10),
    [
        Sent(
            "Ruritania and Elbonia held talks in Szohod on Tuesday on a border deal.",
            {"Tuesday": "2030-05-07"},
        ),
        Sent("Elbonia rejected the deal, Ruritania said."),
    ],
)
NO_TALKS = Report(
    "c1",
    date(2030, 5, 11),
    [
        Sent(
            "Borduria and Syldavia exchanged fire across the river on Wednesday.",
            {"Wednesday": "2030-05-08"},
        )
    ],
)


def test_negotiation_groups_reports_of_the_same_two_sides():
    negs = build(store_of(SIGNED, EXTENDED, EXPIRED))
    assert len(negs) == 1
    assert negs[0].articles == ["a1", "a2", "a3"]
    assert {p.id for p in negs[0].parties} == {"ATL:MIL", "fcf"}


def test_negotiation_mediators_are_not_parties():
    (neg,) = build(store_of(SIGNED, EXTENDED))
    assert [m.country for m in neg.mediators] == ["SYL"]


def test_negotiation_keeps_two_conflicts_apart_and_skips_reports_without_talks():
    negs = build(store_of(SIGNED, OTHER_TALKS, NO_TALKS, EXTENDED))
    assert sorted(sorted(n.articles) for n in negs) == [["a1", "a2"], ["b1"]]
    assert all("c1" not in n.articles for n in negs)


def test_negotiation_fate_history_is_dated_and_ordered():
    (neg,) = build(store_of(EXPIRED, SIGNED, EXTENDED))
    truce = next(p for p in neg.proposals if p.family == "deal")
    assert [(h.date, h.fate) for h in truce.history] == [
        ("2030-05-03", "signed"),
        ("2030-06-30", "extended"),
        ("2030-09-01", "expired"),
    ]
    assert truce.fate == "expired"
    assert {m.article_id for m in truce.evidence} == {"a1", "a2", "a3"}


def test_negotiation_status_follows_the_last_signal():
    (neg,) = build(store_of(SIGNED, EXTENDED))
    assert (neg.status.value, neg.status.as_of) == ("agreement", "2030-06-30")
    (neg,) = build(store_of(SIGNED, EXTENDED, EXPIRED))
    assert (neg.status.value, neg.status.as_of) == ("collapsed", "2030-09-01")
    assert [s.value for s in neg.status_history] == ["active", "agreement", "collapsed"]


def test_negotiation_round_has_venue_and_date():
    (neg,) = build(store_of(SIGNED))
    assert [(r.start, r.venue) for r in neg.rounds] == [("2030-05-03", "Klow")]


def test_negotiation_condition_and_threat_are_voiced_by_a_party():
    (neg,) = build(store_of(SIGNED, EXPIRED))
    cond = [p for p in neg.positions if p.kind == "condition"]
    assert [(p.actor.id, "only if" in p.text) for p in cond] == [("fcf", True)]
    assert [t.actor.id for t in neg.threats] == ["fcf"]


def test_negotiation_future_fate_is_not_history():
    due = Report(
        "a4",
        date(2030, 6, 20),
        [
            Sent(
                "The truce between the Atlantean army and the Free Coast Front is due to expire on Monday.",
                {"Monday": "2030-06-23"},
            )
        ],
    )
    (neg,) = build(store_of(SIGNED, due))
    truce = next(p for p in neg.proposals if p.family == "deal")
    assert "expired" not in [h.fate for h in truce.history]


def test_negotiation_evidence_points_into_the_stored_sentence():
    store = store_of(SIGNED)
    (neg,) = build(store)
    m = neg.rounds[0].evidence[0]
    text = store.con.execute("SELECT text FROM articles WHERE id = ?", [m.article_id]).fetchone()[0]
    assert text[m.start : m.end] == m.text


def test_negotiation_expiry_belongs_to_its_subject_not_to_a_later_proposal():
    lapsed = Report(
        "a5",
        date(2030, 9, 3),
        [
            Sent(
                "The truce between the Atlantean army and the Free Coast Front expired on Sunday "
                "after the Front rejected a Syldavian proposal to extend it.",
                {"Sunday": "2030-09-01"},
            )
        ],
    )
    (neg,) = build(store_of(SIGNED, lapsed))
    fates = {p.family: [h.fate for h in p.history] for p in neg.proposals}
    assert "expired" in fates["deal"]
    assert fates["proposal"] == ["rejected"]  # proposed to extend, not extended


def test_negotiation_report_of_one_party_with_its_mediators_joins_it():
    shuttle = Report(
        "a6",
        date(2030, 6, 1),
        [
            Sent(
                "The Front met Syldavian mediators for talks on the truce in Klow on Saturday.",
                {"Saturday": "2030-05-31"},
            )
        ],
    )
    negs = build(store_of(SIGNED, shuttle, EXTENDED))
    assert [n.articles for n in negs] == [["a1", "a6", "a2"]]


def test_negotiation_suspended_talks_stay_suspended_after_a_violation():
    suspended = Report(
        "a7",
        date(2030, 6, 10),
        [
            Sent(
                "The Atlantean army suspended the talks with the Free Coast Front on Monday.",
                {"Monday": "2030-06-09"},
            ),
            Sent("It accused the Atlantean army of violating the truce."),
        ],
    )
    (neg,) = build(store_of(SIGNED, suspended))
    assert (neg.status.value, neg.status.as_of) == ("suspended", "2030-06-09")


def test_negotiation_condition_belongs_to_the_speaker_named_first():
    said = Report(
        "a8",
        date(2030, 5, 20),
        [
            Sent(
                "The Atlantean army said the Free Coast Front would get no truce talks until it freed its hostages."
            )
        ],
    )
    (neg,) = build(store_of(SIGNED, said))
    (cond,) = [p for p in neg.positions if p.kind == "condition" and "hostages" in p.text]
    assert cond.actor.id == "ATL:MIL"


def test_negotiation_round_venue_named_after_its_country():
    met = Report(
        "a9",
        date(2030, 5, 2),
        [
            Sent(
                "The Atlantean army and the Free Coast Front met in the Syldavian capital Klow on Tuesday for truce talks.",
                {"Tuesday": "2030-04-29"},
            )
        ],
    )
    (neg,) = build(store_of(met))
    assert [(r.start, r.venue) for r in neg.rounds] == [("2030-04-29", "Klow")]
