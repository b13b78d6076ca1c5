"""Events stage: triggers, roles, status, on sentences written for these tests (issue 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.events import find_events, principal_event
from eventwire.model import ActorMention, ActorRef, Event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]


def events_of(parse: Parse, text: str, actors: list[ActorMention] | None = None) -> list[Event]:
    return find_events(parse(text), actors or [])


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.plover.type == type_]
    assert found, f"no {type_} in {[(e.trigger.text, e.plover.type) for e in events]}"
    return found[0]


def roles(event: Event, role: str) -> list[str]:
    return [p.text for p in event.participants if p.role == role]


@pytest.mark.parametrize(
    "text, type_, cameo_root",
    [
        ("Rebels shelled the northern town on Monday.", "ASSAULT", "19"),
        ("Police arrested forty students in the capital.", "COERCE", "17"),
        ("The foreign minister condemned the raid.", "ACCUSE", "11"),
        ("Thousands of farmers marched through the city.", "PROTEST", "14"),
        ("The council imposed sanctions on the junta.", "SANCTION", "16"),
        ("The army deployed tanks along the border.", "MOBILIZE", "15"),
        ("The two leaders held talks in Geneva.", "CONSULT", "04"),
        ("The parties reached an agreement on water rights.", "AGREE", "05"),
        ("The rebels released twelve prisoners.", "RETREAT", "08"),
        ("Norway donated tents to the flood victims.", "AID", "07"),
        ("The premier praised the mediators.", "SUPPORT", "05"),
        ("The union rejected the offer.", "REJECT", "12"),
        ("The opposition called for new elections.", "REQUEST", "02"),
        ("The militia kidnapped two aid workers.", "ASSAULT", "18"),
        ("Gunmen opened fire on the convoy.", "ASSAULT", "19"),
        ("The two ministries agreed to cooperate on border security.", "AGREE", "03"),
    ],
)
def test_events_code_type_and_cameo_root(
    parse: Parse, text: str, type_: str, cameo_root: str
) -> None:
    event = one(events_of(parse, text), type_)
    assert event.cameo.startswith(cameo_root[:1])
    assert event.provenance.lexicon in ("predicates@1", "families@1")
    assert event.provenance.rule.startswith("events.")


def test_events_passive_agent_is_source(parse: Parse) -> None:
    event = one(events_of(parse, "The truce plan was approved by Kenya and Uganda."), "AGREE")
    assert roles(event, "source") == ["Kenya", "Uganda"]


def test_events_conjoined_subjects_give_one_participant_each(parse: Parse) -> None:
    event = one(events_of(parse, "France and Germany condemned the coup."), "ACCUSE")
    assert roles(event, "source") == ["France", "Germany"]


def test_events_object_control_request(parse: Parse) -> None:
    evs = events_of(parse, "Britain urged Turkey not to invade the region.")
    req = one(evs, "REQUEST")
    assert roles(req, "source") == ["Britain"] and roles(req, "target") == ["Turkey"]
    assert req.theme is not None and "invade" in req.theme.text
    inner = one(evs, "ASSAULT")
    assert roles(inner, "source") == ["Turkey"]
    assert inner.status in ("negated", "hypothetical")


def test_events_threat_takes_mode_and_target_from_complement(parse: Parse) -> None:
    evs = events_of(parse, "Russia is threatening to bomb the port if the talks fail.")
    threat = one(evs, "THREATEN")
    assert (threat.plover.mode, threat.cameo) == ("violence", "138")
    assert threat.status == "conditional"
    assert threat.condition is not None and threat.condition.text.startswith("if the talks fail")
    assault = one(evs, "ASSAULT")
    assert assault.status == "threatened"


def test_events_raising_expected(parse: Parse) -> None:
    event = one(events_of(parse, "Sudan is expected to join the talks in Doha."), "CONSULT")
    assert event.status == "expected"
    assert roles(event, "source") == ["Sudan"] and roles(event, "venue") == ["Doha"]


def test_events_relative_clause_object(parse: Parse) -> None:
    text = "The rebels sent a peace plan, which President Kiir rejected on Sunday."
    event = one(events_of(parse, text), "REJECT")
    assert roles(event, "source") == ["President Kiir"]
    assert event.theme is not None and event.theme.text == "a peace plan"
    assert event.cameo == "127"


def test_events_predicative_label_is_an_accusation(parse: Parse) -> None:
    evs = events_of(parse, "The minister dismissed the report as a fabrication.")
    assert one(evs, "REJECT").theme is not None
    accuse = one(evs, "ACCUSE")
    assert accuse.trigger.text == "fabrication" and roles(accuse, "source") == ["The minister"]


@pytest.mark.parametrize(
    "text, type_, status",
    [
        ("The envoy will travel to Nairobi next week.", "CONSULT", "planned"),
        ("The army is shelling the suburbs.", "ASSAULT", "ongoing"),
        ("The rebels did not attack the convoy.", "ASSAULT", "negated"),
        ("The ministry has not commented on the arrests.", "STATEMENT", "negated"),
        ("Officials say troops could attack the town.", "ASSAULT", "hypothetical"),
        ("Chad refused to withdraw its troops.", "RETREAT", "negated"),
        ("Kenya plans to host a summit.", "CONSULT", "planned"),
        ("The governor fears that rebels might storm the palace.", "ASSAULT", "hypothetical"),
        ("Police detained ten activists yesterday.", "COERCE", "occurred"),
    ],
)
def test_events_status(parse: Parse, text: str, type_: str, status: str) -> None:
    assert one(events_of(parse, text), type_).status == status


def test_events_refusal_adds_reject(parse: Parse) -> None:
    evs = events_of(parse, "Mali says it will not withdraw its soldiers until the vote.")
    reject = one(evs, "REJECT")
    assert reject.trigger.text.startswith("will not withdraw")
    assert one(evs, "RETREAT").status == "negated"


def test_events_condition_span_only_as_part_of(parse: Parse) -> None:
    text = "The group says it will only free the captives as part of a wider deal."
    release = one(events_of(parse, text), "RETREAT")
    assert release.condition is not None and release.condition.text.startswith("as part of")
    assert release.status == "conditional"


def test_events_mediators_met_with_are_targets(parse: Parse) -> None:
    # issue 13: whom a meeting verb meets is its target, mediators included
    text = "Ethiopia met with Kenyan, Nigerian and Ghanaian mediators in Addis Ababa."
    event = one(events_of(parse, text), "CONSULT")
    assert roles(event, "target") == ["Kenyan", "Nigerian", "Ghanaian"]
    assert roles(event, "venue") == ["Addis Ababa"]


def test_events_talks_with_gives_target(parse: Parse) -> None:
    event = one(events_of(parse, "Qatar hosted talks with the Taliban on Tuesday."), "CONSULT")
    assert any("Taliban" in t for t in roles(event, "target"))


def test_events_noun_event_with_possessor_and_on(parse: Parse) -> None:
    event = one(events_of(parse, "Sudan's attack on Kadugli drew wide criticism."), "ASSAULT")
    assert roles(event, "source") == ["Sudan's"] or roles(event, "source") == ["Sudan"]
    assert roles(event, "target") == ["Kadugli"]


def test_events_light_verb_theme(parse: Parse) -> None:
    event = one(events_of(parse, "The militia is holding dozens of hostages."), "COERCE")
    assert event.status == "ongoing"
    assert event.theme is not None and "hostages" in event.theme.text


def test_events_statement_only_when_nothing_else(parse: Parse) -> None:
    assert [
        e.plover.type for e in events_of(parse, "The spokesman said the weather was fine.")
    ] == ["STATEMENT"]
    types = [e.plover.type for e in events_of(parse, "The spokesman said troops shelled the town.")]
    assert "STATEMENT" not in types and "ASSAULT" in types


def test_events_self_stated_intent_is_agree(parse: Parse) -> None:
    evs = events_of(parse, "Japan will send food aid to the refugees.")
    agree = one(evs, "AGREE")
    assert agree.trigger.text.startswith("will send") and agree.cameo.startswith("03")
    assert one(evs, "AID").status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister was indicted by the court and will resign.",
        "The minister said he would step down next month.",
    ],
)
def test_events_announced_resignation_is_a_yield_not_a_promise(parse: Parse, text: str) -> None:
    evs = events_of(parse, text)
    assert "AGREE" not in {e.plover.type for e in evs}
    resign = [e for e in evs if e.plover.type == "RETREAT"]
    assert len(resign) == 1 and resign[0].plover.mode == "resign"
    assert resign[0].cameo.startswith("08") and resign[0].status == "occurred"
    assert principal_event(evs) is resign[0]  # the news is the resignation, not the indictment


def test_events_an_order_to_own_forces_is_the_ordered_act(parse: Parse) -> None:
    evs = events_of(parse, "The governor ordered police to disperse the protesters.")
    assert "REQUEST" not in {e.plover.type for e in evs}
    (act,) = [e for e in evs if e.plover.type == "ASSAULT"]
    assert roles(act, "source") == ["The governor"] and roles(act, "target") == ["the protesters"]


def test_events_forces_ordered_somewhere_are_mobilised(parse: Parse) -> None:
    evs = events_of(parse, "The president ordered troops to stand guard at the airport.")
    assert [e.plover.type for e in evs] == ["MOBILIZE"]
    assert roles(evs[0], "target") == []


def test_events_an_order_to_another_party_stays_a_demand(parse: Parse) -> None:
    evs = events_of(parse, "The council ordered the company to close the mine.")
    assert one(evs, "REQUEST").cameo.startswith("10")


def test_events_a_time_phrase_is_not_a_particle(parse: Parse) -> None:
    evs = events_of(parse, "The army on Wednesday called up two thousand reservists.")
    assert [e.plover.type for e in evs] == ["MOBILIZE"]
    agree = one(events_of(parse, "The two sides agreed on Friday to expand trade."), "AGREE")
    assert agree.trigger.text == "agreed"


def test_events_reported_obligation_is_a_demand(parse: Parse) -> None:
    event = one(events_of(parse, "The envoy said Iran must release the sailors."), "REQUEST")
    assert roles(event, "source") == ["The envoy"] and roles(event, "target") == ["Iran"]
    assert event.cameo.startswith("10")


def test_events_actor_mentions_give_participant_actors(parse: Parse) -> None:
    text = "Ghana and Togo signed a trade pact."
    parsed = parse(text)
    refs = {
        "Ghana": ActorRef(id="GHA", name="Ghana", country="GHA", kind="state"),
        "Togo": ActorRef(id="TGO", name="Togo", country="TGO", kind="state"),
    }
    mentions = [
        ActorMention(
            article_id=parsed.article.id,
            sentence=0,
            text=name,
            start=text.index(name),
            end=text.index(name) + len(name),
            actor=ref,
        )
        for name, ref in refs.items()
    ]
    event = one(find_events(parsed, mentions), "AGREE")
    assert [p.actor.id for p in event.participants if p.actor] == ["GHA", "TGO"]


def test_events_records_point_into_the_article(parse: Parse) -> None:
    text = "Troops stormed the compound. The rebels later freed the hostages in Goma."
    parsed = parse(text)
    evs = find_events(parsed, [])
    assert len({e.id for e in evs}) == len(evs) >= 2
    for e in evs:
        assert parsed.article.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.text == parsed.sentences[e.sentence].text
        for p in e.participants:
            assert parsed.article.text[p.start : p.end] == p.text
    assert find_events(parse(text), [])[0].id == evs[0].id  # stable ids


def test_events_between_gives_both_parties(parse: Parse) -> None:
    event = one(events_of(parse, "Talks between Kenya and Somalia resumed in Nairobi."), "CONSULT")
    assert roles(event, "source") == ["Kenya"] and roles(event, "target") == ["Somalia"]


def test_events_mediated_by_is_third_party(parse: Parse) -> None:
    text = "The truce talks, mediated by Qatar, began in Doha."
    evs = events_of(parse, text)
    assert any("Qatar" in roles(e, "third_party") for e in evs if e.plover.type == "CONSULT")
