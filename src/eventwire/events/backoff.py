"""The learned back-off: a trigger-level classifier for sentences the lexicon leaves empty.

When no lexicon trigger codes a sentence (nothing, or only a reporting statement), the main
content verb (the root, or the clause a verb of saying reports) is classified by a logistic
regression over parse features: its lemma, the lexicon types of its noun family ("deploy" ->
"deployment"), its object (and the object's lexicon type), particle and prepositions, and the
content lemmas of the sentence. Weights are trained by `scripts/train_backoff.py`
(`make train-events`) on ngec-synthetic/train.jsonl, each sentence labelled with the lexicon's
type of its verb where the lexicon codes it (else its story's type), so the model learns to
type an unknown verb the way the lexicon types known ones; they ship as
`data/events/backoff_lr.npz` (no pickle). The event's
rule says `events.backoff:model:trigger-lr:<probability>` (issue 13). A second set of weights,
`backoff_lr_t2v.npz`, also reads the verb's and its object's tok2vec rows; it types the verb
on docs parsed by the model build it was trained on (`classify`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.errors import DataFileError
from eventwire.events.derived import Draft
from eventwire.events.lexicon import PLOVER_TYPES, STATEMENT, Entry, Lexicon, load_lexicon
from eventwire.events.ontology import plover_to_cameo_root
from eventwire.events.roles import ActorIndex, extract_roles
from eventwire.events.status import modality
from eventwire.events.syntax import raises_subject
from eventwire.events.triggers import Trigger
from eventwire.nlp.vectors import KEPT_DEPS, row

WEIGHTS = "backoff_lr.npz"
# The same recipe with the verb's and its object's tok2vec rows beside the parse features: on
# ngec-synthetic train, five folds by verb lemma (every test verb unseen), lexicon-typed units
# 0.676 -> 0.698 right (the verb's row alone 0.691; the rows weighted 1.0 instead of 0.2:
# 0.639). Used only on docs parsed by the model build it was trained on (`nlp.vectors`).
VECTOR_WEIGHTS = "backoff_lr_t2v.npz"
RULE = "events.backoff:model:trigger-lr"
MIN_PROB = 0.3  # below it the sentence stays uncoded (measured on the tune splits)
# A model event at least this sure outranks the lexicon events its verb governs and may code a
# verb whose object is a lexicon noun (lexicon dropout on plover-gsr tune: 0.40 -> 0.53; 0.3
# lost a check item, 0.5 and 0.7 measured the same). Cross-validated on ngec-synthetic train
# with the verb lemmas held out (an unseen verb), lexicon labels: 87% of p >= 0.5 predictions
# are right (34% of units), 74% of p >= 0.3 (53%); before the training rows' unseen copies
# (train_backoff.fit) 91% (20%) / 79% (40%): more events made right, at a lower rate.
MAIN_PROB = 0.5
CONFIDENCE_SCALE = 0.6  # a model event ranks below a lexicon event of the same clause
OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
# Light, stative and control verbs: the event, if any, is in their complement ("are known to have died")
LIGHT = frozenset(
    """be have do get make take become seem appear remain continue know think want need try
    include consider plan expect begin start fail decide hope intend seek aim prepare manage
    come go keep stay let help""".split()
)


@dataclass(frozen=True)
class Dense:
    """Weights over a content verb's context vector (`context_vector`), standardised by the
    training rows' mean and spread and scaled by `weight`; `key` names the model build whose
    tensors they were trained on (`nlp.vectors.model_key`)."""

    key: str
    coef: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    weight: float

    def scores(self, vec: np.ndarray) -> np.ndarray:
        return np.asarray(self.coef @ ((vec - self.mean) / self.scale * self.weight))


@dataclass(frozen=True)
class Model:
    """Linear weights over binary parse features (l2-normalised), one row per PLOVER type,
    and optionally over the verb's context vector."""

    index: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]
    dense: Dense | None = None

    def proba(self, feats: list[str], vec: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities of one feature list (unknown features are ignored) and, for a
        model with a dense part, the verb's context vector."""
        idx = [self.index[f] for f in feats if f in self.index]
        scores = self.intercept.copy()
        if idx:
            scores += self.coef[:, idx].sum(axis=1) / np.sqrt(len(feats))
        if self.dense is not None and vec is not None:
            scores = scores + self.dense.scores(vec)
        scores = np.exp(scores - scores.max())
        return np.asarray(scores / scores.sum())


def verb_object(tok: Token) -> Token | None:
    """The content verb's object, whose tensor row joins the verb's (`context_vector`)."""
    return next((c for c in tok.children if c.dep_ in KEPT_DEPS), None)


def context_vector(tok: Token, key: str) -> np.ndarray | None:
    """The verb's tok2vec row and its object's (zeros without an object), as the parse kept
    them (`nlp.vectors`), or None when the doc has no rows of the model build `key`."""
    verb = row(tok, key)
    if verb is None:
        return None
    obj = verb_object(tok)
    other = row(obj, key) if obj is not None else None
    return np.concatenate([verb, other if other is not None else np.zeros_like(verb)])


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def candidate(sent: SpacySpan, report: Collection[str]) -> Token | None:
    """The sentence's content verb: its root, or the clause a verb of saying reports."""
    tok = sent.root
    for _ in range(4):
        if (
            tok.pos_ == "VERB"
            and _lemma(tok) not in report
            and _lemma(tok) not in LIGHT
            and not raises_subject(tok)
        ):
            return tok
        nxt = next(
            (c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")),
            None,
        )
        if nxt is None:
            return None
        tok = nxt
    return None


def fallbacks(sent: SpacySpan, report: Collection[str]) -> list[Token]:
    """Content verbs `candidate` passes over, tried only when it finds none that codes: a light
    verb with a noun object where the chain stops ("made a pledge", "took control"), a
    coordinated verb of the chain ("shelled and stormed"), and under a nominal root (a
    headline fragment parsed as a noun phrase) its past-tense clause ("Engineers from two aid
    groups repaired ...")."""
    chain: list[Token] = []
    tok = sent.root
    for _ in range(4):
        chain.append(tok)
        nxt = next(
            (c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")),
            None,
        )
        if nxt is None:
            break
        tok = nxt
    out: list[Token] = []
    for t in chain:
        lemma = _lemma(t)
        if t.pos_ == "VERB" and lemma in LIGHT and lemma not in report:
            if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in t.children):
                out.append(t)
        out += [c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if sent.root.pos_ in ("NOUN", "PROPN"):
        out += [t for t in sent if t.dep_ in ("acl", "relcl") and t.tag_ == "VBD"]
    main = candidate(sent, report)
    return [t for t in dict.fromkeys(out) if main is None or t.i != main.i]


# Nominalising suffixes: a verb's noun family ("deploy" -> "deployment", "invade" -> "invasion")
NOMINAL = ("ment", "ion", "ation", "al", "ure", "age", "ance", "ence", "ing")
# Verb-forming suffixes and what their base ends in ("militarize" -> "militar-", "intensify" -> "intensity")
VERBAL = (("ize", ""), ("ise", ""), ("ify", "y"), ("ate", ""), ("en", ""))


_NOUN_TYPES: dict[int, tuple[Lexicon, dict[str, str]]] = {}


def noun_types(lex: Lexicon) -> dict[str, str]:
    """Lemma -> PLOVER type of the lexicon's single-word event nouns (statements left out);
    built once per lexicon object (the lexicon holds dicts, so it is not hashable)."""
    kept = _NOUN_TYPES.get(id(lex))
    if kept is not None and kept[0] is lex:
        return kept[1]
    out: dict[str, str] = {}
    for (lemma, modifier), e in lex.nouns.items():
        if not modifier and e.type != STATEMENT:
            out.setdefault(lemma, e.type)
    if len(_NOUN_TYPES) >= 4:
        _NOUN_TYPES.clear()
    _NOUN_TYPES[id(lex)] = (lex, out)
    return out


def derived(lemma: str) -> list[str]:
    """The verb's derivational family: itself as a noun, its stems and their nominalisations."""
    stems = [lemma]
    if lemma.endswith("e"):
        stems.append(lemma[:-1])  # "invade" -> "invad" (+ "ion" is not it, + "sion" below)
    if lemma.endswith("de"):
        stems.append(lemma[:-2] + "s")  # "invade" -> "invas(ion)", "explode" -> "explos(ion)"
    for suffix, base in VERBAL:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            stems.append(lemma[: -len(suffix)] + base)
    out = [*stems, *(st + n for st in stems for n in NOMINAL)]
    return list(dict.fromkeys(out))


def features(tok: Token, lex: Lexicon | None = None) -> list[str]:
    """Parse features of a content verb: lemma, its noun family's lexicon types, object,
    particle, prepositions, sentence words.

    The family feature (`d=TYPE`) is what carries over to a verb the training stories never
    used: an unknown verb whose noun ("blockade", "deployment") the lexicon types is likely of
    that type (ngec-synthetic train, five folds by verb lemma: 0.459 -> 0.476 right; by
    headline template 0.342 -> 0.363).
    """
    types = noun_types(lex or load_lexicon())
    lemma = _lemma(tok)
    out = [f"v={lemma}"]
    out += [f"d={types[w]}" for w in derived(lemma) if w in types]
    for c in tok.children:
        if c.dep_ in OBJ_DEPS:
            out += [f"o={_lemma(c)}", f"vo={lemma}|{_lemma(c)}", *_typed("od", c, types)]
        elif c.dep_ in ("prt", "prep", "agent"):
            out.append(f"vp={lemma}|{c.lower_}")
            out += [f"po={c.lower_}|{_lemma(p)}" for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("xcomp", "ccomp"):
            out.append(f"x={_lemma(c)}")
        elif c.dep_ == "neg":
            out.append("neg")
    out += _frames(tok)
    out += [f"s={_lemma(t)}" for t in tok.sent if t.pos_ in CONTENT_POS and not t.is_stop]
    return sorted(set(out))


SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _frames(tok: Token) -> list[str]:
    """Complement frames that name the kind of verb without naming the verb: a mandative
    subjunctive ("insisted that the commander *withdraw*", "... that the port *be* reopened": a bare verb
    with its own subject) is what verbs of asking take; an object with a to-infinitive ("ordered
    the minister *to appear*", "urged parties to allow") is what verbs of asking, forcing and allowing
    take. Unlike `x=`, they carry over to a verb the training stories never used."""
    out: list[str] = []
    kids = list(tok.children)
    has_obj = any(c.dep_ in ("dobj", "dative") for c in kids)
    for c in kids:
        if c.dep_ not in ("ccomp", "xcomp", "advcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        sub = list(c.children)
        subject = any(s.dep_ in SUBJECTS for s in sub)
        infinitive = any(s.dep_ == "aux" and s.lower_ == "to" for s in sub)
        base = c.tag_ == "VB" or any(s.dep_ == "auxpass" and s.tag_ == "VB" for s in sub)
        finite_aux = any(
            s.dep_ in ("aux", "auxpass") and s.tag_ in ("MD", "VBZ", "VBD", "VBP") for s in sub
        )
        if c.dep_ == "ccomp" and subject and base and not infinitive and not finite_aux:
            out.append("c=mandative")
        elif infinitive and (has_obj or (subject and c.dep_ == "ccomp")):
            out.append("c=obj-inf")
    return out


def _typed(name: str, noun: Token, types: dict[str, str]) -> list[str]:
    """The lexicon type of an object noun ("launched *strikes*", "staged a *walkout*"): what an
    unknown verb's object names carries over to verbs the training stories never used
    (ngec-synthetic train, by verb lemma 0.476 -> 0.478; by headline template 0.363 -> 0.368)."""
    t = types.get(_lemma(noun))
    return [f"{name}={t}"] if t is not None else []


def training_label(lemma: str, story: str, lex: Lexicon) -> str:
    """A training sentence's label: the lexicon's type of its content verb where the lexicon
    codes that verb, else its story's type (a story's type is its sentences' verbs' type only
    two times in five on ngec-synthetic train; the lexicon's is the sentence's own)."""
    entry = lex.verbs.get(lemma)
    return entry.type if entry is not None and entry.type != STATEMENT else story


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped weights, loaded and checked once per process."""
    return _load(WEIGHTS)


@lru_cache(maxsize=1)
def load_vector_model() -> Model:
    """The shipped weights with a dense part over context vectors (`context_vector`)."""
    return _load(VECTOR_WEIGHTS)


def _load(name: str) -> Model:
    ref = resources.files("eventwire") / "data" / "events" / name
    dense: Dense | None = None
    try:
        with ref.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
            vocab = [str(v) for v in npz["vocab"]]
            coef = npz["coef"].astype(np.float32)
            intercept = npz["intercept"].astype(np.float32)
            classes = [str(c) for c in npz["classes"]]
            if "dense_coef" in npz:
                dense = Dense(
                    str(npz["dense_key"]),
                    npz["dense_coef"].astype(np.float32),
                    npz["dense_mean"].astype(np.float32),
                    npz["dense_scale"].astype(np.float32),
                    float(npz["dense_weight"]),
                )
    except (OSError, KeyError, ValueError) as exc:
        raise DataFileError(f"{name}: cannot load back-off weights ({exc})") from exc
    if coef.shape != (len(classes), len(vocab)) or not set(classes) <= PLOVER_TYPES:
        raise DataFileError(f"{name}: weights {coef.shape} do not fit {len(classes)} classes")
    if dense is not None and not (
        dense.coef.shape[0] == len(classes) and dense.mean.shape == dense.scale.shape
    ):
        raise DataFileError(f"{name}: dense weights {dense.coef.shape} do not fit")
    return Model({f: i for i, f in enumerate(vocab)}, coef, intercept, classes, dense)


def classify(
    tok: Token, model: Model | None = None, lex: Lexicon | None = None
) -> tuple[str, float]:
    """The most likely PLOVER type of a content verb in its sentence, and its probability.

    Without a model given, the parse features' model gives the probability the thresholds
    (MIN_PROB, MAIN_PROB) were measured on, and the model with context vectors, where the doc
    kept rows of the model build it was trained on, gives the type: it types unseen verbs
    better, but its own probabilities are higher, and gating on them made more events
    (petr2-gsr tune 1.38 -> 1.48 a sentence) for no more right ones."""
    feats = features(tok, lex)
    if model is not None:
        vec = context_vector(tok, model.dense.key) if model.dense is not None else None
        proba = model.proba(feats, vec)
        best = int(proba.argmax())
        return model.classes[best], float(proba[best])
    plain, vectors = load_model(), load_vector_model()
    base = plain.proba(feats)
    vec = context_vector(tok, vectors.dense.key) if vectors.dense is not None else None
    typed = (vectors, vectors.proba(feats, vec)) if vec is not None else (plain, base)
    return typed[0].classes[int(typed[1].argmax())], float(base.max())


ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})


def _covers(d: Draft, tok: Token) -> bool:
    """True if a lexicon draft already codes the content verb's own clause.

    A draft on the verb itself does, and so does a noun event that is an argument of the verb
    ("inked a pact"; "talks" of "talks are expected to resume", the subject raised), not one in
    a modifier ("a visit to Cairo, where ... "). An event in a
    clause or phrase the verb governs ("agreed to *reopen* the border", "rejected an *appeal*
    for ...") does not: it is what the main event is about, and the main verb, unknown to the
    lexicon, still names the event (issue 13: lexicon dropout).
    """
    if _on_verb(d, tok):
        return True
    head = d.trigger.head
    raised = tok.dep_ == "xcomp" and raises_subject(tok.head)  # "talks are expected to resume"
    return (
        d.type != STATEMENT
        and head.dep_ in ARG_DEPS
        and (head.head.i == tok.i or (raised and head.head.i == tok.head.i))
    )


def _on_verb(d: Draft, tok: Token) -> bool:
    """True if a lexicon draft is on the content verb itself."""
    return d.type != STATEMENT and (
        d.trigger.head.i == tok.i or any(t.i == tok.i for t in d.trigger.tokens)
    )


def _governed(d: Draft, tok: Token) -> bool:
    """True if the draft's trigger sits under the content verb (in its subtree, not itself)."""
    return tok.is_ancestor(d.trigger.head)


def _judge(tok: Token, drafts: list[Draft], lex: Lexicon) -> tuple[Token, str, float] | None:
    """The model's type and probability for a content verb, or None where it stays silent."""
    if _lemma(tok) in lex.verbs or tok.dep_ in ("amod", "compound"):
        return None  # a verb the lexicon knows and declined (e.g. no object) stays declined
    if any(_on_verb(d, tok) for d in drafts):
        return None
    ptype, prob = classify(tok, lex=lex)
    if prob < MIN_PROB:
        return None
    unknown = _lemma(tok) not in lex.verb_lemmas  # not even a light verb ("imposed a blackout")
    covering = [d for d in drafts if _covers(d, tok)]
    if covering and not unknown and not _content_light(tok, ptype, prob, covering):
        return None
    if covering and prob < MAIN_PROB:
        return None
    return tok, ptype, prob


def _content_light(tok: Token, ptype: str, prob: float, covering: list[Draft]) -> bool:
    """True if a verb the lexicon knows only in light uses with other nouns ("violate" of
    "violate a truce") names an event of its own beside the lexicon noun it takes ("violated
    a *ban*"): the model is sure and types it otherwise than that noun (were they the same
    type, the noun event already says it: "staged a *walkout*")."""
    return (
        prob >= MAIN_PROB
        and _lemma(tok) not in LIGHT
        and not any(d.type == ptype for d in covering)
    )


def backoff_drafts(
    sent: SpacySpan, drafts: list[Draft], lex: Lexicon, index: ActorIndex, text: str
) -> list[Draft]:
    """A model event for the sentence's content verb when no lexicon entry knows that verb.

    The verb is the root (or the clause a verb of saying reports); a lexicon draft on it leaves
    it alone, and so does one on a noun argument of it ("inked a pact") unless the verb has no
    lexicon use at all and the model is sure (MAIN_PROB: "spurned the offer"). A sure model
    event ranks above the lexicon drafts the verb governs, so "X agreed to reopen the border"
    stays about the agreeing. A verb the lexicon knows only in light uses with other nouns may
    speak beside its noun object when sure and of another type (`_content_light`); where
    nothing coded the sentence, the verbs the chain passed over may speak (`fallbacks`).
    """
    report = lex.report.keys()
    tok = candidate(sent, report)
    found = _judge(tok, drafts, lex) if tok is not None else None
    if found is None and not any(d.type != STATEMENT for d in drafts):
        # nothing coded the sentence: the verbs the chain passed over may speak, first one wins
        for other in fallbacks(sent, report):
            found = _judge(other, drafts, lex)
            if found is not None:
                break
    if found is None:
        return []
    tok, ptype, prob = found
    cameo = plover_to_cameo_root(ptype) + "0"
    entry = Entry("verb", _lemma(tok), ptype, None, cameo, {}, "", 0, WEIGHTS)
    trig = Trigger(entry, tok, (tok,))
    start, end = tok.idx, tok.idx + len(tok.text)
    roles = extract_roles(trig, index, text)
    mod = modality(tok, None, nominal=False)
    rule = f"{RULE}:{prob:.2f}"
    confidence = round(CONFIDENCE_SCALE * prob, 2)
    governed = [d.confidence for d in drafts if d.type != STATEMENT and _governed(d, tok)]
    if governed and prob >= MAIN_PROB:
        confidence = min(1.0, round(max(confidence, max(governed) + 0.01), 2))
    return [
        Draft(
            trig,
            roles,
            mod,
            start,
            end,
            ptype,
            None,
            cameo,
            rule,
            confidence,
        )
    ]
