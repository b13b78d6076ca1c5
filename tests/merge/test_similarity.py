"""The named evidence between two event mentions."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import (
    Context,
    Weights,
    a_side_modifies,
    a_side_unreal,
    actors_overlap,
    countries_overlap,
    dates_apart,
    dates_overlap,
    features,
    places_far,
    places_near,
    related_triggers,
    root,
    same_sentence,
    similar_trigger,
    spread_of,
    stem,
    widely_reported,
)

NONE = Context()


def mention(id: str, **kw: object) -> MentionRecord:
    return MentionRecord(id=id, doc=f"doc-{id}", **kw)  # type: ignore[arg-type]


def test_stem_joins_inflected_forms() -> None:
    assert stem("attacked") == stem("attacks") == stem("attack")
    assert stem("shelling") == stem("shell")


def test_trigger_similarity_uses_stems() -> None:
    a = mention("a", trigger="attacked", lemma="attack")
    b = mention("b", trigger="attacks", lemma="attack")
    c = mention("c", trigger="met", lemma="meet")
    assert similar_trigger(a, b, NONE) == 1.0
    assert similar_trigger(a, c, NONE) == 0.0


@pytest.mark.parametrize(
    ("same", "kin", "other"),
    [
        (("detained", "detain"), ("arrest", "arrest"), ("summit", "summit")),
        (("robberies", "robbery"), ("heist", "heist"), ("wedding", "wedding")),  # general English
        (("superstorm", "superstorm"), ("hurricane", "hurricane"), ("purchase", "purchase")),
    ],
)
def test_related_triggers_come_from_the_family_lexicon(
    same: tuple[str, str], kin: tuple[str, str], other: tuple[str, str]
) -> None:
    """A family relates two words of one kind of happening, a compound by its head ("storm")."""
    a = mention("a", trigger=same[0], lemma=same[1])
    b = mention("b", trigger=kin[0], lemma=kin[1])
    c = mention("c", trigger=other[0], lemma=other[1])
    assert related_triggers(a, b, NONE) == 1.0
    assert related_triggers(a, c, NONE) == 0.0


def test_a_noun_meets_its_verb_by_the_root() -> None:
    assert root("nomination") == root("nominated")
    assert root("withdrawal") == root("withdraw")
    assert root("metal") != root("met")


def test_a_week_contains_a_day_of_it() -> None:
    week = mention("a", date_start=date(2024, 3, 4), date_end=date(2024, 3, 10))
    tuesday = mention("b", date_start=date(2024, 3, 5), date_end=date(2024, 3, 5))
    later = mention("c", date_start=date(2024, 3, 20), date_end=date(2024, 3, 20))
    assert dates_overlap(week, tuesday, NONE) == 1.0
    assert dates_overlap(week, later, NONE) == 0.0
    assert dates_apart(week, later, NONE) == 1.0


def test_missing_dates_are_no_evidence_either_way() -> None:
    assert dates_overlap(mention("a"), mention("b"), NONE) is None
    assert "dates apart" not in features(mention("a"), mention("b"), NONE)


def test_places_near_and_far() -> None:
    cairo = mention("a", lat=30.04, lon=31.24)
    giza = mention("b", lat=30.01, lon=31.21)
    doha = mention("c", lat=25.29, lon=51.53)
    assert places_near(cairo, giza, NONE) == 1.0
    assert places_far(cairo, doha, NONE) == 1.0


def test_actor_overlap_per_role() -> None:
    a = mention("a", actors={"source": ("EGY",), "target": ("ISR", "PSE")})
    b = mention("b", actors={"source": ("EGY",), "target": ("ISR",)})
    assert actors_overlap(a, b, NONE) == pytest.approx((1.0 + 0.5) / 2)


def test_weights_explain_their_decision_by_name() -> None:
    w = Weights(bias=-1.0, weights={"same lemma": 2.0, "dates apart": -3.0})
    assert w.probability({"same lemma": 1.0}) > 0.5
    assert w.why({"same lemma": 1.0, "dates apart": 1.0}) == ["not: dates apart", "same lemma"]


def test_irregular_and_nominal_forms_share_a_stem() -> None:
    assert stem("met") == stem("meeting") == stem("meetings")
    assert stem("discussions") == stem("discussion") == stem("discuss")


def test_a_phrase_trigger_is_related_by_its_words() -> None:
    held = mention("a", trigger="held the talks", lemma="held the talks")
    met = mention("b", trigger="met", lemma="met")
    assert related_triggers(held, met, NONE) == 1.0


def test_countries_overlap_ignores_roles_and_actor_levels() -> None:
    services = mention("a", actors={"source": ("USA:SPY",), "target": ("QAT:GOV",)})
    people = mention("b", actors={"source": ("spy-chief",)}, countries=("QAT", "USA"))
    others = mention("c", actors={"source": ("EGY:GOV",)})
    assert countries_overlap(services, people, NONE) == 1.0
    assert countries_overlap(services, others, NONE) == 0.0
    assert countries_overlap(mention("d"), services, NONE) is None


def test_two_triggers_of_one_sentence_are_marked() -> None:
    a = MentionRecord(id="a", doc="d", sentence=2)
    assert same_sentence(a, MentionRecord(id="b", doc="d", sentence=2), NONE) == 1.0
    assert same_sentence(a, MentionRecord(id="c", doc="d", sentence=3), NONE) == 0.0


def test_a_day_or_two_between_reports_of_one_round_is_slack() -> None:
    sunday = mention("a", date_start=date(2024, 3, 3), date_end=date(2024, 3, 3))
    monday = mention("b", date_start=date(2024, 3, 4), date_end=date(2024, 3, 4))
    week_on = mention("c", date_start=date(2024, 3, 11), date_end=date(2024, 3, 11))
    assert dates_apart(sunday, monday, NONE) == 0.0
    assert dates_apart(sunday, week_on, NONE) == 1.0


def test_a_shared_context_derives_each_record_apart_even_under_one_id() -> None:
    ctx = Context()
    arrest, detain = mention("a", trigger="arrested"), mention("b", trigger="detained")
    assert related_triggers(arrest, detain, ctx) == 1.0
    other = mention("a", trigger="earthquake")  # a second record reusing the id "a"
    assert related_triggers(other, detain, ctx) == 0.0


def test_features_can_be_limited_to_the_scores_a_model_weighs() -> None:
    a, b = mention("a", trigger="attacked"), mention("b", trigger="attack")
    model = Weights(bias=0.0, weights={"similar trigger": 1.0, "same lemma": 0.0})
    assert model.used == ("similar trigger",)
    assert features(a, b, NONE, model.used) == {"similar trigger": 1.0}
    assert model.probability(features(a, b, NONE, model.used)) == model.probability(
        features(a, b, NONE)
    )


def test_a_trigger_modifying_another_word_is_marked() -> None:
    verb, noun = mention("a", lemma="update", dep="ROOT"), mention("b", lemma="security")
    assert a_side_modifies(verb, noun, NONE) is None  # no relation known: no evidence
    compound = mention("c", lemma="security", dep="compound")
    assert a_side_modifies(verb, compound, NONE) == 1.0
    assert a_side_modifies(verb, mention("d", lemma="fix", dep="dobj"), NONE) == 0.0


def test_a_trigger_most_reports_tell_is_widely_reported() -> None:
    quakes = [MentionRecord(id=f"q{k}", doc=f"d{k}", lemma="quake") for k in range(4)]
    rescue = MentionRecord(id="r", doc="d0", lemma="rescue")
    spread = spread_of([*quakes, rescue])
    assert spread[stem("quake")] == 1.0 and spread[stem("rescue")] == 0.25
    ctx = Context(spread=spread)
    assert widely_reported(quakes[0], quakes[1], ctx) == 1.0
    assert widely_reported(quakes[0], rescue, ctx) == 0.25
    assert widely_reported(quakes[0], quakes[1], NONE) is None


def test_a_negated_or_planned_mention_is_marked_unreal() -> None:
    done, planned = mention("a", status="occurred"), mention("b", status="planned")
    assert a_side_unreal(done, planned, NONE) == 1.0
    assert a_side_unreal(done, mention("c", status="negated"), NONE) == 1.0
    assert a_side_unreal(done, mention("d", status="ongoing"), NONE) == 0.0
    assert a_side_unreal(done, mention("e"), NONE) is None  # a status unknown: no evidence
