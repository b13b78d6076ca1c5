"""Who the sides are: a party's own negotiators speak for it, mediators are named actors."""

from __future__ import annotations

from datetime import date

from eventwire.negotiations import build
from eventwire.negotiations.affiliation import fold
from eventwire.negotiations.facts import ActorHit, ArticleFacts, SentenceFacts
from tests.negotiations.handmade import Report, Sent, store_of

TALKS = Sent(
    "Atlantis and the Free Coast Front held talks in Klow on Monday on a truce.",
    {"Monday": "2030-03-04"},
)


def test_negotiator_named_after_his_partys_role_is_not_its_counterparty():
    alone = Report(
        "m1",
        date(2030, 3, 5),
        [
            Sent(
                "The Front's chief negotiator Ivo Marek held talks on a truce in Klow on "
                "Monday, Syldavian mediators said.",
                {"Monday": "2030-03-04"},
            ),
            Sent("Ivo Marek said the truce talks were serious."),
        ],
    )
    negs = build(store_of(alone))
    assert all(p.id != "ivo-marek" for n in negs for p in n.parties)


def test_words_of_a_negotiator_in_apposition_are_his_partys_position():
    report = Report(
        "m2",
        date(2030, 3, 5),
        [
            TALKS,
            Sent(
                "Ivo Marek, the Front's chief negotiator, said the Front would sign a truce "
                "only if prisoners were freed."
            ),
        ],
    )
    (neg,) = build(store_of(report))
    assert {p.id for p in neg.parties} == {"ATL", "fcf"}
    conditions = [p for p in neg.positions if p.kind == "condition"]
    assert conditions and {p.actor.id for p in conditions} == {"fcf"}


def test_official_of_an_armed_group_in_the_kb_speaks_for_the_group():
    report = Report(
        "y1",
        date(2024, 5, 2),
        [
            Sent("The Houthis and Saudi Arabia resumed talks on a truce."),
            Sent(
                "Mohammed Abdulsalam said the Houthis would accept a truce only if salaries were paid."
            ),
        ],
    )
    (neg,) = build(store_of(report))
    assert {p.id for p in neg.parties} == {"houthis", "SAU"}
    conditions = [p for p in neg.positions if p.kind == "condition"]
    assert conditions and {p.actor.id for p in conditions} == {"houthis"}


def _person(actor_id: str, country: str, sector: tuple[str, ...]) -> ActorHit:
    return ActorHit(0, 5, "name", actor_id, "name", country, sector, "person", False)


def test_kb_person_is_folded_only_while_serving_an_organisation():
    # Ahmed al-Sharaa led HTS until January 2025, then became Syria's head of state
    sharaa = _person("ahmed-al-sharaa", "SYR", ("GOV",))

    def read_on(day: date) -> ActorHit:
        article = ArticleFacts(
            "x", day, "", "", [SentenceFacts(0, 0, "name said", actors=[sharaa])]
        )
        return fold(article).sentences[0].actors[0]

    assert read_on(date(2024, 6, 1)).sector == ("REB",)
    assert read_on(date(2025, 6, 1)) == sharaa


def test_person_outside_the_kb_and_without_a_role_phrase_is_left_as_read():
    other = _person("unresolved:Jan Novak", "ATL", ("GOV",))
    s = SentenceFacts(0, 0, "name met the Front", actors=[other])
    article = ArticleFacts("x", date(2030, 1, 1), "", "", [s])
    assert fold(article).sentences[0].actors == [other]


def test_mediator_known_by_a_bare_demonym_is_named_by_its_country():
    report = Report(
        "d1",
        date(2030, 5, 4),
        [
            Sent(
                "Atlantis and the Free Coast Front signed a truce in Klow on Friday after "
                "talks brokered by American mediators.",
                {"Friday": "2030-05-03"},
            )
        ],
    )
    (neg,) = build(store_of(report))
    assert [(m.id, m.name, m.country) for m in neg.mediators] == [("USA", "United States", "USA")]


def test_equally_cited_mediators_are_listed_in_order_of_mention():
    report = Report(
        "o1",
        date(2030, 5, 4),
        [
            Sent(
                "Atlantis and the Free Coast Front signed a truce in Klow on Friday, brokered by "
                "Borduria, Elbonia, Ruritania and the United Nations.",
                {"Friday": "2030-05-03"},
            )
        ],
    )
    (neg,) = build(store_of(report))
    assert [m.id for m in neg.mediators] == ["BRD", "ELB", "RUR", "un"]
