"""Named, explainable pairwise scores between two event mentions, and their weighted sum.

Each evidence function returns a value in [0, 1] or None when one side lacks the field, so a
missing date never counts against a pair (ECB+ has no dates at all). The weights are data
(`data/merge/weights.json`, learned on the tune split by `scripts/train_merge.py`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.merge.records import MentionRecord
from eventwire.merge.tfidf import Vector, cosine

FAR_KM = 300.0  # places further apart than this are different places for one event
NEAR_KM = 50.0


@dataclass(frozen=True)
class Context:
    """What the scores need beyond the two records: TF-IDF vectors of documents and sentences,
    and how widely each trigger stem is reported (`spread`)."""

    documents: Mapping[str, Vector] = field(default_factory=dict)
    sentences: Mapping[str, Vector] = field(default_factory=dict)
    # trigger stem -> share of the merge's documents with a mention of it: the story every
    # report tells recurs in most of them, a side event in one or two
    spread: Mapping[str, float] = field(default_factory=dict)
    # per-record values the scores derive (families, stems, countries), keyed by kind and the
    # record object (held, so its id is not reused): a mention meets several others, so each
    # is derived once, not once per pair
    memo: dict[tuple[str, int], tuple[MentionRecord, frozenset[str]]] = field(default_factory=dict)


Evidence = Callable[[MentionRecord, MentionRecord, Context], float | None]


# Irregular past forms of common event verbs: stored triggers are surface text, not lemmas.
IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "said": "say",
    "fought": "fight",
    "struck": "strike",
    "shot": "shoot",
    "sought": "seek",
    "won": "win",
    "lost": "lose",
    "left": "leave",
    "fled": "flee",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "began": "begin",
    "begun": "begin",
    "broke": "break",
    "broken": "break",
    "sent": "send",
    "came": "come",
    "went": "go",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "stole": "steal",
    "stolen": "steal",
    "hit": "hit",
    "threw": "throw",
    "thrown": "throw",
    "drove": "drive",
    "driven": "drive",
    "flew": "fly",
    "flown": "fly",
    "fell": "fall",
    "fallen": "fall",
    "hung": "hang",
    "chose": "choose",
    "chosen": "choose",
    "rose": "rise",
    "risen": "rise",
    "led": "lead",
    "paid": "pay",
    "kept": "keep",
    "sank": "sink",
    "sunk": "sink",
    "bit": "bite",
    "froze": "freeze",
    "died": "die",
    "spoke out": "speak",
}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem so 'attack', 'attacks' and 'attacked' meet (no spaCy here)."""
    w = word.lower()
    w = IRREGULAR.get(w, w)  # then stemmed as its base form is: "took" meets "taking"
    if w.endswith(("ions", "ments")):
        w = w[:-1]  # the plural of a nominalisation: "discussions" -> "discussion" -> "discuss"
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s", "ion", "ment"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            # "agreed", "frees": only the d or s goes, the e is the stem's
            cut = 1 if suffix in ("ed", "es") and w[-3] == "e" else len(suffix)
            w = w[:-cut]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]  # "release" meets "releases", "released", "releasing" and "announcement"
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w


def same_type(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    if not a.plover_type or not b.plover_type:
        return None
    if a.plover_type == b.plover_type:
        return (
            1.0 if a.plover_mode == b.plover_mode or not (a.plover_mode and b.plover_mode) else 0.8
        )
    if a.cameo and b.cameo and a.cameo[:2] == b.cameo[:2]:
        return 0.5
    return 0.0


def types_differ(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    s = same_type(a, b, ctx)
    return None if s is None else 1.0 - s


def same_lemma(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    if not a.lemma or not b.lemma:
        return None
    return 1.0 if a.lemma == b.lemma else 0.0


def _memo(
    kind: str, m: MentionRecord, ctx: Context, fn: Callable[[MentionRecord], frozenset[str]]
) -> frozenset[str]:
    key = (kind, id(m))
    got = ctx.memo.get(key)
    if got is None:
        got = ctx.memo[key] = (m, fn(m))
    return got[1]


def _stems(m: MentionRecord) -> frozenset[str]:
    return frozenset({stem(m.lemma), stem(m.trigger)} - {""})


def similar_trigger(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    """Same stem of the trigger words or lemmas (derived forms: 'killing' and 'kill')."""
    if not (a.lemma or a.trigger) or not (b.lemma or b.trigger):
        return None
    return 1.0 if _memo("stems", a, ctx, _stems) & _memo("stems", b, ctx, _stems) else 0.0


# Derivational endings left on a stem ("declarat", "withdrawal", "seizur", "appearanc"): cut
# so a nominalisation meets its verb; the rest must keep four letters ("metal" is not "met").
_DERIVED = ("at", "al", "ur", "anc", "enc")


@lru_cache(maxsize=200_000)
def root(word: str) -> str:
    """The stem with a derivational ending cut: 'declaration' and 'declare' meet, so do
    'withdrawal' and 'withdraw', 'seizure' and 'seize'."""
    w = stem(word)
    for suffix in _DERIVED:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=1)
def families() -> dict[str, frozenset[str]]:
    """Root of a trigger word -> the families of `data/merge/trigger_families.tsv` it is in.

    Families by CAMEO code of the coder's lexicons (data/events) were tried (issue 14) and
    scored lower by leave-one-topic-out: a noun such as "summit" is in four codes.
    """
    out: dict[str, set[str]] = {}

    def add(word: str, names: set[str]) -> None:
        if word.strip():
            out.setdefault(root(word.strip()), set()).update(names)

    text = (resources.files("eventwire") / "data" / "merge" / "trigger_families.tsv").read_text(
        encoding="utf-8"
    )
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, words = line.split("\t")
        for w in words.split(","):
            add(w, {name, f"kind:{kind}"})
    return {k: frozenset(v) for k, v in out.items()}


def _lookup(table: Mapping[str, frozenset[str]], word: str) -> frozenset[str]:
    """Families of a word, else of its longest known tail ('earthquake' by 'quake',
    'cyberattack' by 'attack'): an English compound names a kind of its head."""
    w = word.lower()
    got = table.get(root(w))
    if got:
        return got
    if " " in w or "-" in w:
        return frozenset()
    for k in range(1, len(w) - 4):  # a tail of five letters at least
        got = table.get(root(w[k:]))
        if got:
            return got
    return frozenset()


def _families(m: MentionRecord) -> frozenset[str]:
    """Families of the lemma and trigger; a phrase trigger ('held the talks') by its words."""
    table = families()
    out = _lookup(table, m.lemma) | _lookup(table, m.trigger)
    if not out:
        for w in m.trigger.split():
            out |= _lookup(table, w)
    return out


def related_triggers(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    """The triggers share a family of the lexicon ('shooting' and 'gunfire', 'arrest' and 'detain')."""
    fa, fb = _memo("families", a, ctx, _families), _memo("families", b, ctx, _families)
    if not fa or not fb:
        return None
    return float(bool({f for f in fa & fb if not f.startswith("kind:")}))


def both_saying(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    """Both are speech acts: every report has some, so a shared lemma says little."""
    fa, fb = _memo("families", a, ctx, _families), _memo("families", b, ctx, _families)
    return float("kind:saying" in fa and "kind:saying" in fb)


def _jaccard(a: Set[str], b: Set[str]) -> float | None:
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


def actors_overlap(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """Mean over roles both sides fill of the Jaccard overlap of their actors."""
    roles = [r for r in a.actors if a.actors[r] and b.actors.get(r)]
    if not roles:
        return None
    return sum(_jaccard(set(a.actors[r]), set(b.actors[r])) or 0.0 for r in roles) / len(roles)


def _countries(m: MentionRecord) -> frozenset[str]:
    """Countries of the participants, and of actor ids coded `ISO:SECTOR` (any role)."""
    out = set(m.countries)
    for ids in m.actors.values():
        out |= {a[:3] for a in ids if len(a) >= 3 and a[:3].isupper() and a[3:4] in ("", ":")}
    return frozenset(out)


def countries_overlap(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    """Overlap of the countries involved, whatever the role: one report's host is another's guest.

    "Israeli and US spy chiefs met Qatar's prime minister" and "Qatar hosted the Mossad chief"
    name the same parties in other roles and at another level (a person, a service, a state).
    """
    return _jaccard(_memo("countries", a, ctx, _countries), _memo("countries", b, ctx, _countries))


# Roles of argument words a record may carry in `actors` beside resolved actor ids: the words of
# the participants, the time and the place said in the mention's sentence (ECB+'s entity
# mentions, or eventwire's own participants, date and place).
ARGUMENT_ROLES = ("participant", "time", "place")


def _role_overlap(role: str) -> Evidence:
    """Jaccard overlap of the words one role holds on both sides (None when a side has none)."""

    def score(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
        x, y = a.actors.get(role), b.actors.get(role)
        return _jaccard(set(x), set(y)) if x and y else None

    return score


def _role_clash(role: str) -> Evidence:
    """1 when both sides name that role and share no word of it ("in 2008" and "last March")."""
    overlap = _role_overlap(role)

    def score(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
        value = overlap(a, b, ctx)
        return None if value is None else float(value == 0.0)

    return score


def arguments_overlap(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    return _jaccard(set(a.arguments), set(b.arguments))


def _gap_days(a: MentionRecord, b: MentionRecord) -> int | None:
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        return None
    return max((b.date_start - a.date_end).days, (a.date_start - b.date_end).days, 0)


def dates_overlap(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """1 when the intervals (a day, a week, a month, by granularity) overlap."""
    gap = _gap_days(a, b)
    return None if gap is None else float(gap == 0)


def dates_apart(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """Grows with the gap between the intervals beyond a day's slack, full at a week.

    The slack covers a round of talks over several days and reports dating it by another day.
    """
    gap = _gap_days(a, b)
    return None if gap is None else min(max(gap - 1, 0) / 7.0, 1.0)


def _km(a: MentionRecord, b: MentionRecord) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_near(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    km = _km(a, b)
    if km is None:
        if a.country and b.country:
            return 0.5 if a.country == b.country else 0.0
        return None
    return 1.0 if km <= NEAR_KM else max(0.0, 1.0 - (km - NEAR_KM) / (FAR_KM - NEAR_KM))


def places_far(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    km = _km(a, b)
    if km is None:
        return None if not (a.country and b.country) else float(a.country != b.country)
    return float(km > FAR_KM)


def similar_documents(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    va, vb = ctx.documents.get(a.doc), ctx.documents.get(b.doc)
    return cosine(va, vb) if va and vb else None


def similar_context(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    va, vb = ctx.sentences.get(a.id), ctx.sentences.get(b.id)
    return cosine(va, vb) if va and vb else None


def same_document(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    return float(a.doc == b.doc)


def same_sentence(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """Two triggers of one sentence are seldom one event ("demanded a ceasefire and a withdrawal")."""
    return float(a.doc == b.doc and a.sentence == b.sentence)


def status_differs(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """A planned meeting and one that occurred may still be one event, but it is evidence."""
    if not a.status or not b.status:
        return None
    return float(a.status != b.status)


# Relations of a trigger head that modify another word: "the security update", "an emergency
# landing", "the quake's victims" name a kind or a setting more often than an event reported.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


def a_side_modifies(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """1 when either trigger modifies another word (None unless both relations are known)."""
    if not a.dep or not b.dep:
        return None
    return float(a.dep in MODIFIER_DEPS or b.dep in MODIFIER_DEPS)


def spread_of(records: Iterable[MentionRecord]) -> dict[str, float]:
    """Stem of each lemma -> the share of the records' documents with a mention of it."""
    docs: dict[str, set[str]] = {}
    every: set[str] = set()
    for m in records:
        docs.setdefault(stem(m.lemma), set()).add(m.doc)
        every.add(m.doc)
    return {k: len(v) / len(every) for k, v in docs.items()}


def widely_reported(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
    """The smaller share of documents reporting either trigger (`Context.spread`)."""
    if not ctx.spread:
        return None
    return min(ctx.spread.get(stem(a.lemma), 0.0), ctx.spread.get(stem(b.lemma), 0.0))


# Statuses of a mention that did not (yet) happen: such a mention seldom has a report of the
# same event beside it ("talks could resume", "no one was hurt").
UNREAL = frozenset({"negated", "planned", "hypothetical", "conditional", "expected", "threatened"})


def a_side_unreal(a: MentionRecord, b: MentionRecord, _: Context) -> float | None:
    """1 when either mention is negated, planned or hypothetical (None unless both known)."""
    if not a.status or not b.status:
        return None
    return float(a.status in UNREAL or b.status in UNREAL)


def _both(x: Evidence, y: Evidence) -> Evidence:
    """Product of two scores: the same trigger means more in similar documents."""

    def score(a: MentionRecord, b: MentionRecord, ctx: Context) -> float | None:
        u, v = x(a, b, ctx), y(a, b, ctx)
        return None if u is None or v is None else u * v

    return score


EVIDENCE: dict[str, Evidence] = {
    "same type": same_type,
    "types differ": types_differ,
    "same lemma": same_lemma,
    "similar trigger": similar_trigger,
    "actors overlap": actors_overlap,
    "countries overlap": countries_overlap,
    "arguments overlap": arguments_overlap,
    "dates overlap": dates_overlap,
    "dates apart": dates_apart,
    "places near": places_near,
    "places far": places_far,
    "similar documents": similar_documents,
    "similar context": similar_context,
    "same document": same_document,
    "same sentence": same_sentence,
    "status differs": status_differs,
    "related triggers": related_triggers,
    "both saying": both_saying,
    "same trigger, similar documents": _both(similar_trigger, similar_documents),
    "same trigger, shared arguments": _both(similar_trigger, arguments_overlap),
    "same trigger, similar context": _both(similar_trigger, similar_context),
    "same trigger, same document": _both(similar_trigger, same_document),
    "related triggers, similar documents": _both(related_triggers, similar_documents),
    "related triggers, shared arguments": _both(related_triggers, arguments_overlap),
    "a side modifies": a_side_modifies,
    "a side unreal": a_side_unreal,
    "widely reported": widely_reported,
    "same trigger, widely reported": _both(similar_trigger, widely_reported),
    "participants overlap": _role_overlap("participant"),
    "participants differ": _role_clash("participant"),
    "times overlap": _role_overlap("time"),
    "times differ": _role_clash("time"),
    "place words overlap": _role_overlap("place"),
    "place words differ": _role_clash("place"),
}


def features(
    a: MentionRecord, b: MentionRecord, ctx: Context, names: Iterable[str] | None = None
) -> dict[str, float]:
    """Every evidence value of a pair (or only those `names`); a missing one is left out."""
    out = {}
    for name in EVIDENCE if names is None else names:
        value = EVIDENCE[name](a, b, ctx)
        if value is not None:
            out[name] = value
    return out


@dataclass(frozen=True)
class Weights:
    """A logistic model over the evidence: bias plus one weight per named score."""

    bias: float
    weights: Mapping[str, float]

    @property
    def used(self) -> tuple[str, ...]:
        """The evidence this model weighs: the others need not be computed."""
        return tuple(k for k in EVIDENCE if self.weights.get(k))

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def why(self, feats: Mapping[str, float], top: int = 3) -> list[str]:
        """The names of the scores that pushed this pair together (or apart) the most."""
        parts = sorted(
            ((self.weights.get(k, 0.0) * v, k) for k, v in feats.items()),
            key=lambda t: -abs(t[0]),
        )
        return [k if c > 0 else f"not: {k}" for c, k in parts[:top] if abs(c) > 0.05]


@lru_cache(maxsize=4)
def load_weights(name: str = "weights.json") -> Weights:
    """The shipped weights (`data/merge/<name>`)."""
    raw = json.loads(
        (resources.files("eventwire") / "data" / "merge" / name).read_text(encoding="utf-8")
    )
    return Weights(bias=float(raw["bias"]), weights=dict(raw["weights"]))
