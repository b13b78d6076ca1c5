"""Argument words by role (participants, time, place) and the stems of -e verbs."""

from __future__ import annotations

import json
from importlib import resources

from eventwire.eval.coref import default_params, entity_roles, words
from eventwire.merge.records import MentionRecord
from eventwire.merge.similarity import EVIDENCE, Context, features, stem

NONE = Context()


def mention(id: str, **roles: tuple[str, ...]) -> MentionRecord:
    return MentionRecord(id=id, doc=f"doc-{id}", actors=dict(roles))


def test_verbs_ending_in_e_share_a_stem_with_their_inflections() -> None:
    assert stem("release") == stem("releases") == stem("released") == stem("releasing")
    assert stem("agree") == stem("agreed") == stem("agrees")
    assert stem("announce") == stem("announcement")
    assert stem("took") == stem("taking") == stem("take")
    assert stem("died") == stem("dies")
    assert stem("release") != stem("relay")


def test_times_that_share_no_word_differ() -> None:
    a = mention("a", time=("2008",), participant=("quake", "villagers"))
    b = mention("b", time=("2011",), participant=("villagers",))
    f = features(a, b, NONE)
    assert f["times differ"] == 1.0 and f["times overlap"] == 0.0
    assert f["participants overlap"] == 0.5 and f["participants differ"] == 0.0


def test_a_role_one_side_lacks_is_no_evidence() -> None:
    a = mention("a", place=("harbour",))
    b = mention("b", time=("monday",))
    f = features(a, b, NONE)
    assert "place words differ" not in f and "times differ" not in f


def test_entity_mentions_fill_roles_by_type_per_sentence() -> None:
    entities = [
        {
            "doc_id": "d1",
            "sentence": 2,
            "text": "Tuesday morning",
            "type": "TIME_DATE",
            "chain": "x",
        },
        {"doc_id": "d1", "sentence": 2, "text": "the harbour", "type": "LOC_FAC", "chain": "y"},
        {"doc_id": "d1", "sentence": 2, "text": "Coast guard", "type": "HUMAN_PART_ORG"},
        {"doc_id": "d1", "sentence": 3, "text": "the boat", "type": "NON_HUMAN_PART"},
    ]
    roles = entity_roles(entities)
    assert roles[("d1", 2)] == {
        "time": ("morning", "tuesday"),
        "place": ("harbour",),
        "participant": ("coast", "guard"),
    }
    assert roles[("d1", 3)] == {"participant": ("boat",)}


def test_words_keep_numbers_and_drop_stop_words() -> None:
    assert words("the 2008 Sichuan quake") == {"2008", "sichuan", "quake"}


def test_shipped_model_names_its_thresholds_and_known_evidence() -> None:
    raw = json.loads(
        (resources.files("eventwire") / "data" / "merge" / "weights.json").read_text("utf-8")
    )
    assert 0 < raw["doc_threshold"] < 1 and 0 < raw["threshold"] < 1
    assert 0 <= raw["alone_below"] < 1
    assert set(raw["weights"]) <= set(EVIDENCE)
    # the eval's parameters are the shipped model's
    params = default_params()
    assert (params.threshold, params.alone_below) == (raw["threshold"], raw["alone_below"])
