"""Resolve one noun phrase to actors: KB entries, role compositions, collective actors.

"Egyptian intelligence chief" -> EGY SPY; "Hamas leader Ismail Haniyeh" -> the KB person;
"American, Egyptian, and Qatari mediators" -> three MED actors, one per demonym.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from eventwire.actors.kb import KB, Actor, Role, load_kb
from eventwire.actors.match import Hit
from eventwire.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

INDEFINITE = frozenset(
    {"a", "an", "two", "three", "four", "several", "some", "many", "one", "other"}
)
LOCATIVE_PREPS = frozenset(
    "in at to from near into inside outside across through via toward towards around within onto over of".split()
)
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "appos", "agent", "conj", "ROOT"})


@dataclass
class Draft:
    """A mention under construction: token span, resolution and how it was reached."""

    start: int
    end: int
    ref: ActorRef | None
    rule: str
    ner_label: str = ""
    definite: bool = False
    head_role: Role | None = None
    antecedent: tuple[int, int] | None = None  # character offsets
    group: ActorRef | None = None  # the group a member belongs to ("a Hamas official" -> Hamas)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoleMatch:
    """A role found at tokens [start, end) of a phrase."""

    role: Role
    start: int
    end: int


Words = tuple[list[str], list[str]]  # lower-case text and lemma of every token of a doc


def doc_words(doc: Doc) -> Words:
    """Lower-case text and lemma of each token, computed once per doc for role lookups."""
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA]).tolist()
    lower, lemma = _LOWER, _LEMMA_LOWER
    if len(lower) > WORDS_MEMO or len(lemma) > WORDS_MEMO:
        lower.clear()
        lemma.clear()
    for lo, le in rows:  # a string-store lookup once per distinct word, not once per token
        if lo not in lower:
            lower[lo] = strings[lo]
        if le not in lemma:
            lemma[le] = strings[le].lower()
    return [lower[lo] for lo, _ in rows], [lemma[le] for _, le in rows]


# String hashes are spaCy's fixed 64-bit hash of the text, the same in every vocab, so the
# words they name can be kept across docs (bounded: cleared past this many).
WORDS_MEMO = 200_000
_LOWER: dict[int, str] = {}
_LEMMA_LOWER: dict[int, str] = {}


@lru_cache(maxsize=1)
def _role_starts() -> frozenset[str]:
    """First words of all role phrases: a quick filter before lookups."""
    return frozenset(k[0] for k in load_kb().roles)


def find_roles(phrase: Span, hits: list[Hit], kb: KB, words: Words) -> list[RoleMatch]:
    """Role nouns and modifiers in a phrase, longest first, outside KB hits."""
    covered = {i for h in hits for i in range(h.start, h.end)}
    lowers, lemmas = words
    starts = _role_starts()
    out: list[RoleMatch] = []
    i = phrase.start
    while i < phrase.end:
        found = None
        if i not in covered and (lowers[i] in starts or lemmas[i] in starts):
            for n in (4, 3, 2, 1):
                end = i + n
                if end > phrase.end or not covered.isdisjoint(range(i, end)):
                    continue
                role = (
                    kb.roles.get(tuple(lowers[i:end]))
                    or kb.roles.get(tuple(lemmas[i:end]))
                    # "rights groups", "arms dealers": only the head word is inflected
                    or (n > 1 and kb.roles.get((*lowers[i : end - 1], lemmas[end - 1])))
                    or None
                )
                if role is not None:
                    found = RoleMatch(role, i, end)
                    break
        if found:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def compose_sectors(roles: list[RoleMatch], head: RoleMatch) -> list[str]:
    """The head role's sectors; a weak head takes the sectors of its modifiers ("army spokesman").
    Weak modifiers yield to strong ones: "the union's chief negotiator" is LAB, not LAB+GOV."""
    # "labour minister" stays GOV; "labour groups" and "business leaders" (members) are typed
    own = bool(head.role.sectors) and "member" not in head.role.flags
    others = [r for r in roles if r is not head and not (own and "type" in r.role.flags)]
    strong = [r for r in others if "weak" not in r.role.flags and r.role.sectors]
    mods = [s for r in (strong or others) for s in r.role.sectors]
    if ("weak" in head.role.flags or not head.role.sectors) and mods:
        return list(dict.fromkeys(mods))
    return list(dict.fromkeys(head.role.sectors))


@lru_cache(maxsize=1)
def _person_index() -> tuple[list[str], list[str]]:
    """Lower-cased names and aliases of KB persons, with their ids, for fuzzy lookup."""
    kb = load_kb()
    names: list[str] = []
    ids: list[str] = []
    for a in kb.actors.values():
        if a.kind == "person":
            for n in (a.name, *a.aliases):
                names.append(n.lower())
                ids.append(a.id)
    return names, ids


@lru_cache(maxsize=4096)
def fuzzy_person(name: str, country: str | None = None, cutoff: float = 86.0) -> Actor | None:
    """A KB person whose name or alias is a near spelling of `name` ("Haniya" ~ "Haniyeh").

    Below `cutoff` (down to 80) a candidate is kept only when every word starts alike
    ("Dos Sontas" ~ "dos Santos"), which keeps unrelated names with shared parts out.
    """
    names, ids = _person_index()
    kb = load_kb()
    key = name.lower()
    for cand, score, idx in process.extract(
        key, names, scorer=fuzz.ratio, score_cutoff=80, limit=3
    ):
        if score < cutoff and not _same_initials(key, cand):
            continue
        actor = kb.actors[ids[idx]]
        return actor if country is None or actor.country == country else None
    return None


def _same_initials(a: str, b: str) -> bool:
    """Same number of words, each starting with the same two letters."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) >= 2 and all(x[:2] == y[:2] for x, y in zip(wa, wb, strict=True))


def agent_position(tok: Token) -> bool:
    """Is a capital used as an agent ("Washington has urged") rather than a place ("in Cairo")?"""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.lower_ not in LOCATIVE_PREPS
    return tok.dep_ in AGENT_DEPS


def name_tokens(phrase: Span, hits: list[Hit], roles: list[RoleMatch]) -> Span | None:
    """The proper name at the end of a phrase ("... chief Abbas Kamel"), if any."""
    covered = {i for h in hits for i in range(h.start, h.end)} | {
        i for r in roles for i in range(r.start, r.end)
    }
    end = phrase.end
    start = end
    while (
        start > phrase.start
        and phrase.doc[start - 1].i not in covered
        and (phrase.doc[start - 1].pos_ == "PROPN" or phrase.doc[start - 1].ent_type_ == "PERSON")
    ):
        start -= 1
    return phrase.doc[start:end] if start < end else None


def is_definite(phrase: Span) -> bool:
    """Does the phrase start with a definite determiner?"""
    return phrase[0].lower_ in {"the", "this", "that", "these", "those"}


def is_indefinite(phrase: Span) -> bool:
    """An indefinite, counted or plural phrase ("a source", "two officials", "officials")."""
    return (
        phrase[0].lower_ in INDEFINITE or phrase[0].like_num or phrase.root.tag_ in {"NNS", "NNPS"}
    )
