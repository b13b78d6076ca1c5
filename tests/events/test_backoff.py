"""The learned back-off (issue 13): a model codes the content verb the lexicon does not know."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import cast

import numpy as np
import pytest

import eventwire.events.backoff as backoff
from eventwire.events import find_events
from eventwire.events.derived import Draft
from eventwire.events.lexicon import PLOVER_TYPES, load_lexicon
from eventwire.events.principal import principal_event
from eventwire.nlp.parse import Parsed

Parse = Callable[..., Parsed]
DROPOUT = Path(__file__).resolve().parents[2] / "scripts" / "lexicon_dropout.py"
TRAIN = DROPOUT.parent / "train_backoff.py"


@pytest.fixture(autouse=True)
def _parse_features_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests stub the parse features' model: the vector model (its own tests are in
    test_backoff_vectors.py) would type their verbs otherwise."""
    monkeypatch.setattr(backoff, "load_vector_model", lambda: backoff.load_model())


def stub_model() -> backoff.Model:
    """Four classes; the verb 'pulverise' points hard at ASSAULT, other words nowhere."""
    coef = np.zeros((4, 2), dtype=np.float32)
    coef[1, 0] = 20.0
    classes = ["AID", "ASSAULT", "PROTEST", "REJECT"]
    return backoff.Model({"v=pulverise": 0, "s=bridge": 1}, coef, np.zeros(4), classes)


def test_events_backoff_shipped_weights_load_with_plover_classes() -> None:
    model = backoff.load_model()
    assert set(model.classes) <= PLOVER_TYPES and len(model.classes) >= 10


def test_events_backoff_candidate_is_the_reported_content_verb(parse: Parse) -> None:
    sent = next(parse("The minister said the army had pulverised the camps.").doc.sents)
    tok = backoff.candidate(sent, set(load_lexicon().report))
    assert tok is not None and tok.lower_ == "pulverised"
    assert "o=camp" in backoff.features(tok)


def test_events_backoff_derived_family_reaches_nominalisations() -> None:
    assert {"deployment", "invasion", "explosion", "militar", "evacuation"} <= {
        w
        for v in ("deploy", "invade", "explode", "militarize", "evacuate")
        for w in backoff.derived(v)
    }
    assert backoff.derived("protest")[0] == "protest"  # the verb itself as a noun first


def test_events_backoff_family_feature_types_an_unknown_verb_by_its_lexicon_noun(
    parse: Parse,
) -> None:
    lex = load_lexicon()
    types = backoff.noun_types(lex)
    assert types["invasion"] == lex.nouns[("invasion", "")].type
    sent = next(parse("The army invaded the northern provinces.").doc.sents)
    tok = backoff.candidate(sent, set(lex.report))
    assert tok is not None
    assert f"d={types['invasion']}" in backoff.features(tok, lex)
    sent = next(parse("The villagers admired the old bridge.").doc.sents)
    tok = backoff.candidate(sent, set(lex.report))
    assert tok is not None and not any(f.startswith("d=") for f in backoff.features(tok, lex))


def test_events_backoff_codes_an_unknown_verb_with_model_rule(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("The army pulverised the rebel camps overnight."), [])
    (ev,) = evs
    assert (ev.plover.type, ev.cameo[:2], ev.trigger.text) == ("ASSAULT", "19", "pulverised")
    assert re.fullmatch(r"events\.backoff:model:trigger-lr:[01]\.\d\d", ev.provenance.rule)
    assert ev.provenance.lexicon == backoff.WEIGHTS


def test_events_backoff_stays_silent_below_its_threshold(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    assert find_events(parse("The villagers admired the old bridge."), []) == []


def test_events_backoff_leaves_a_lexicon_event_alone(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("Rebels shelled the town on Monday."), [])
    assert [e.provenance.rule.split(":")[0] for e in evs] == ["events.triggers"]


def test_events_backoff_unknown_main_verb_outranks_the_clause_it_governs(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "end the rebellion" is a lexicon event inside the complement of an unknown main verb:
    # the main verb still names the event (lexicon dropout, issue 13)
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("The army pulverised the camps to end the rebellion."), [])
    rules = {e.trigger.text: e.provenance.rule.split(":")[0] for e in evs}
    assert rules.get("pulverised") == "events.backoff"
    main = principal_event(evs)
    assert main is not None and main.trigger.text == "pulverised"
    assert main.plover.type == "ASSAULT"


def unsure_model() -> backoff.Model:
    """The stub with every weight zeroed: four flat classes, each at 0.25."""
    model = stub_model()
    return backoff.Model(model.index, model.coef * 0.0, model.intercept, model.classes)


def test_events_backoff_unsure_main_verb_does_not_outrank_the_clause(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", unsure_model)
    monkeypatch.setattr(backoff, "MIN_PROB", 0.2)  # four flat classes: 0.25, below MAIN_PROB
    evs = find_events(parse("The army pulverised the camps to end the rebellion."), [])
    main = principal_event(evs)
    assert main is not None and main.provenance.rule.startswith("events.triggers")


def _dropout_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lexicon_dropout", DROPOUT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lexicon_dropout_names_the_content_word_of_a_trigger() -> None:
    words = _dropout_module().trigger_words
    assert words("events.triggers:light:hold-talks") == {"talks"}
    assert words("events.triggers:phrasal:call-for") == {"call"}
    assert words("events.triggers:verb:shell") == {"shell"}
    assert words("events.triggers:report:say") == set()


def test_lexicon_dropout_removes_every_entry_keyed_by_the_word() -> None:
    mod = _dropout_module()
    full = load_lexicon()
    reduced = mod.without(mod.all_entries(), {"demand"})
    assert "demand" in full.verbs and "demand" not in reduced.verbs
    assert "say" in reduced.report and len(reduced.verbs) == len(full.verbs) - 1


def test_events_backoff_sure_model_codes_a_verb_whose_object_is_a_lexicon_noun(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", stub_model)
    main = principal_event(find_events(parse("The rebels pulverised the ceasefire."), []))
    assert main is not None and main.trigger.text == "pulverised"
    assert main.plover.type == "ASSAULT"


def test_events_backoff_unsure_model_leaves_a_lexicon_noun_object_alone(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "load_model", unsure_model)
    monkeypatch.setattr(backoff, "MIN_PROB", 0.2)
    evs = find_events(parse("The rebels pulverised the ceasefire."), [])
    assert evs and all(e.provenance.rule.startswith("events.triggers") for e in evs)


def test_events_backoff_object_noun_type_is_a_feature(parse: Parse) -> None:
    # an unknown verb's object that the lexicon types as an event noun carries its type
    lex = load_lexicon()
    types = backoff.noun_types(lex)
    sent = next(parse("The rebels unleashed an invasion of the valley.").doc.sents)
    tok = backoff.candidate(sent, set(lex.report))
    assert tok is not None and tok.lower_ == "unleashed"
    assert f"od={types['invasion']}" in backoff.features(tok, lex)
    sent = next(parse("The rebels unleashed their dogs.").doc.sents)
    tok = backoff.candidate(sent, set(lex.report))
    assert tok is not None and not any(f.startswith("od=") for f in backoff.features(tok, lex))


def test_lexicon_dropout_masks_the_model_features_naming_a_dropped_word(parse: Parse) -> None:
    mod = _dropout_module()
    sent = next(parse("The rebels demanded the release of the prisoners.").doc.sents)
    tok = backoff.candidate(sent, set(load_lexicon().report))
    assert tok is not None and tok.lower_ == "demanded"
    plain = backoff.features(tok)
    kept = mod.masked({"demand"})(tok)
    assert "v=demand" in plain and "v=demand" not in kept
    assert not any("demand" in f.partition("=")[2].split("|") for f in kept)
    assert "o=release" in kept  # the other words stay


def test_events_backoff_training_label_is_the_lexicon_type_of_the_verb() -> None:
    lex = load_lexicon()
    assert backoff.training_label("demand", "PROTEST", lex) == lex.verbs["demand"].type
    assert lex.verbs["demand"].type != "PROTEST"
    assert backoff.training_label("zzqverb", "PROTEST", lex) == "PROTEST"  # unknown: the story's


# The training script imports scikit-learn, whose BLAS would stay loaded at two threads in
# this process (tests/nlp/test_gemm.py checks one): it is run in a child process.
TRAIN_CHECK = """
import json, sys
import numpy as np
sys.path.insert(0, sys.argv[1])
import train_backoff as mod
from eventwire.events.backoff import Model
row = ["d=ASSAULT", "o=bridge", "po=on|monday", "s=bridge", "s=pulverise", "v=pulverise",
       "vo=pulverise|bridge", "vp=pulverise|on"]
pairs = [("shell", "ASSAULT"), ("bomb", "ASSAULT"), ("send", "AID"), ("ship", "AID"),
         ("march", "PROTEST"), ("rally", "PROTEST")]
arrays = mod.fit([[f"v={v}", f"od={t}"] for v, t in pairs] * 3, [t for _, t in pairs] * 3)
model = Model({str(f): i for i, f in enumerate(arrays["vocab"])},
              arrays["coef"].astype(np.float32), arrays["intercept"],
              [str(c) for c in arrays["classes"]])
proba = model.proba(["v=pound", "od=ASSAULT"])
print(json.dumps({"unseen": mod.unseen(row), "bare": mod.unseen(["o=bridge"]),
                  "frame": mod.frame_only(["c=mandative", "s=bridge", "v=insist", "x=quit"]),
                  "best": model.classes[int(proba.argmax())], "p": float(proba.max()),
                  "dense": sorted(k for k in mod.fit([["v=a"], ["v=b"]] * 2, ["AID", "ASSAULT"] * 2,
                                                     [np.ones(4), -np.ones(4)] * 2) if k.startswith("dense"))}))
"""


@pytest.fixture(scope="module")
def trained() -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", TRAIN_CHECK, str(TRAIN.parent)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_train_backoff_unseen_copy_drops_only_the_features_naming_the_verb(
    trained: dict[str, object],
) -> None:
    assert trained["unseen"] == ["d=ASSAULT", "o=bridge", "po=on|monday", "s=bridge"]
    assert trained["bare"] == ["o=bridge"]  # no verb feature: nothing to drop
    assert trained["frame"] == ["c=mandative"]  # the complement frame trains on its own too
    # with context vectors the dense part is written beside the sparse weights
    assert trained["dense"] == [
        "dense_coef",
        "dense_key",
        "dense_mean",
        "dense_scale",
        "dense_weight",
    ]


def test_train_backoff_fit_learns_context_features_for_an_unknown_verb(
    trained: dict[str, object],
) -> None:
    # each verb's own feature explains its label; the unseen copies make the shared
    # context feature ("od=ASSAULT") carry the type to a verb the model never saw
    assert trained["best"] == "ASSAULT"
    assert isinstance(trained["p"], float) and trained["p"] > 0.75  # 0.70 without the copies


def _root_frames(parse: Parse, text: str) -> list[str]:
    sent = next(parse(text).doc.sents)
    return backoff._frames(sent.root)


def test_events_backoff_complement_frame_features(parse: Parse) -> None:
    # a bare verb with its own subject in the complement: a request, whatever the verb
    assert _root_frames(parse, "The envoys insisted that the commander withdraw his troops.") == [
        "c=mandative"
    ]
    assert "c=obj-inf" in _root_frames(
        parse, "The judge has ordered the minister to appear in court."
    )
    assert _root_frames(parse, "He said that the commander withdrew his troops.") == []  # finite
    assert _root_frames(parse, "He wants to go home.") == []  # no object: subject control


def test_events_backoff_fallbacks_only_where_the_chain_passed_over(parse: Parse) -> None:
    report = set(load_lexicon().report)
    sent = next(parse("The rebels made a pledge to the villagers.").doc.sents)
    assert backoff.candidate(sent, report) is None  # a light verb: no content verb
    assert [t.lower_ for t in backoff.fallbacks(sent, report)] == ["made"]
    sent = next(parse("The army pulverised and flattened the camps.").doc.sents)
    main = backoff.candidate(sent, report)
    assert main is not None and main.lower_ == "pulverised"
    assert [t.lower_ for t in backoff.fallbacks(sent, report)] == ["flattened"]
    sent = next(parse("The villagers admired the old bridge.").doc.sents)
    assert backoff.fallbacks(sent, report) == []


def test_events_backoff_coordinated_verb_speaks_when_nothing_coded(
    parse: Parse, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the first verb is unknown and the model is silent on it; its coordinated verb is the one
    # the model knows, and nothing else coded the sentence
    monkeypatch.setattr(backoff, "load_model", stub_model)
    evs = find_events(parse("The soldiers admired and pulverised the old bridge."), [])
    assert [(e.trigger.text, e.plover.type) for e in evs] == [("pulverised", "ASSAULT")]
    assert evs[0].provenance.rule.startswith("events.backoff")


def test_events_backoff_light_only_verb_speaks_beside_its_noun_only_when_it_differs(
    parse: Parse,
) -> None:
    doc = parse("The paper violated a ban and the rebels made a pledge.").doc
    violated = next(t for t in doc if t.lower_ == "violated")
    made = next(t for t in doc if t.lower_ == "made")
    ban = [cast(Draft, SimpleNamespace(type="COERCE"))]
    assert backoff._content_light(violated, "REJECT", 0.9, ban)
    assert not backoff._content_light(violated, "COERCE", 0.9, ban)  # the noun says it
    assert not backoff._content_light(violated, "REJECT", 0.4, ban)  # unsure
    assert not backoff._content_light(made, "REJECT", 0.9, ban)  # a light verb proper
