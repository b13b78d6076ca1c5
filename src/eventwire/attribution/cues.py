"""Find attribution cues in a parse: reporting verbs (with aux, particle, "in a statement")
and "according to"-style phrases. Cue spans follow PolNeAR's conventions ("has said")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.attribution.lexicon import CueVerb, lexicon

_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_ADVERBS = frozenset(
    {"also", "repeatedly", "first", "now", "later", "previously", "again", "recently", "publicly",
     "privately", "often", "never", "long", "already", "once", "initially", "reportedly", "still",
     "frequently", "consistently", "separately", "earlier", "further", "even", "just", "then"}
)


@dataclass(frozen=True)
class Cue:
    """A cue found in the parse: its tokens (first..last), its head and lexicon sense."""

    head: Token
    tokens: tuple[Token, ...]
    sense: CueVerb | None
    phrase_source: Token | None = None  # the "according to X" object, when a phrase cue


def _sense(tok: Token) -> CueVerb | None:
    """The lexicon sense of a verb token: a particle sense if its particle is present."""
    senses = lexicon().verbs.get(tok.lemma_.lower())
    if not senses or not tok.tag_.startswith("VB"):
        return None
    kids = {c.lower_ for c in tok.children if c.dep_ in {"prep", "prt", "agent"}}
    for sense in senses:
        if sense.prep and sense.prep in kids:
            return sense
    return next((s for s in senses if not s.prep), None)


def _before(tok: Token) -> list[Token]:
    """Auxiliaries, negation and reporting adverbs right before a cue verb."""
    out: list[Token] = []
    i = tok.i - 1
    while i >= tok.sent.start:
        left = tok.doc[i]
        if left.head is tok and (left.dep_ in _AUX_DEPS or left.lower_ in _ADVERBS):
            out.insert(0, left)
            i -= 1
            continue
        break
    return out


def _after(tok: Token, sense: CueVerb) -> list[Token]:
    """The particle of a phrasal sense, the passive agent "by", a "in a statement" phrase."""
    out: list[Token] = []
    for child in tok.rights:
        if sense.prep and child.lower_ == sense.prep and child.dep_ in {"prep", "prt"}:
            out.append(child)
        elif child.dep_ == "agent" and child.i == tok.i + 1:
            out.append(child)
        elif child.dep_ == "prep" and child.i == tok.i + 1 and _is_extension(child):
            out.extend(child.subtree)
    return out


def _is_extension(prep: Token) -> bool:
    """Is this prepositional phrase a cue extension such as "in a statement"?"""
    words = " ".join(t.lower_ for t in prep.subtree)
    return lexicon().phrases.get(words) == "cue-extension"


def verb_cue(tok: Token) -> Cue | None:
    """A cue headed by a reporting verb, or None if the token is not one."""
    sense = _sense(tok)
    if sense is None:
        return None
    tokens = (*_before(tok), tok, *_after(tok, sense))
    return Cue(head=tok, tokens=tuple(sorted(tokens, key=lambda t: t.i)), sense=sense)


def phrase_cue(tok: Token) -> Cue | None:
    """A cue such as "according to X": the source is the object of the last word."""
    if tok.dep_ not in {"prep", "advcl", "pcomp"} and tok.lower_ not in {"according", "quoted"}:
        return None
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        if lexicon().phrases.get(f"{tok.lower_} {child.lower_}") != "source-pobj":
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return Cue(head=tok, tokens=(tok, child), sense=None, phrase_source=obj)
    return None


def find_cues(sent: list[Token]) -> list[Cue]:
    """Every cue of one sentence, in text order."""
    out: list[Cue] = []
    for tok in sent:
        cue = verb_cue(tok) or phrase_cue(tok)
        if cue is not None:
            out.append(cue)
    return out
