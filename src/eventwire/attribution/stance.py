"""Stance cues that are not verbs: "X is confident that Y", "X's call for Y", "X voiced
support for Y" (issue 7).

An adjective after a copula takes the copula's subject as source, as does a role noun ("X is
a critic of Y"); a stance noun takes its possessor, or the subject of its light verb.
The content is the word's clause or the object of its preposition, which joins the cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.attribution.cues import Cue
from eventwire.attribution.lexicon import CueVerb, lexicon

_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "acl"})
_FROM_NOUNS = frozenset({"criticism", "support", "praise", "condemnation", "backing", "opposition"})
# Verbs that turn a stance noun into an act of its subject: "voiced support for", "raised
# concerns about", "made the argument that", "launched an attack on".
_LIGHT_VERBS = frozenset(
    {
        "make",
        "voice",
        "express",
        "offer",
        "give",
        "launch",
        "unleash",
        "level",
        "deliver",
        "raise",
        "sound",
        "heap",
        "lodge",
        "file",
        "issue",
        "renew",
        "repeat",
        "reiterate",
        "throw",
        "lend",
        "signal",
        "register",
        "air",
        "stress",
        "add",
    }
)


def _lead(verb: Token) -> list[Token]:
    """Auxiliaries and negation before a verb, which join a cue built on it ("has not been")."""
    return [c for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i]


def _prep_sense(tok: Token, senses: tuple[CueVerb, ...]) -> tuple[CueVerb, Token | None] | None:
    """The sense whose preposition is present (with that prep token), else a clausal sense."""
    preps = {c.lower_: c for c in tok.rights if c.dep_ == "prep"}
    for sense in senses:
        if sense.prep and sense.prep in preps:
            return sense, preps[sense.prep]
    clause = any(c.dep_ in _CLAUSE_DEPS for c in tok.rights)
    for sense in senses:
        if not sense.prep and clause:
            return sense, None
    return None


def _adjective(tok: Token) -> Cue | None:
    """ "X is/remains (not) confident that Y": cue from the copula to the adjective (+ prep)."""
    senses = lexicon().adjectives.get(tok.lower_)
    if not senses or tok.dep_ != "acomp":
        return None
    found = _prep_sense(tok, senses)
    if found is None:
        return None
    sense, prep = found
    verb = tok.head
    lead = _lead(verb)
    inner = [c for c in tok.children if c.dep_ in {"neg", "advmod"} and c.i < tok.i]
    words = sorted(
        {*lead, verb, *inner, tok, *([prep] if prep is not None else [])}, key=lambda t: t.i
    )
    return Cue(head=verb, tokens=tuple(words), sense=sense, content_head=tok)


def _noun(tok: Token) -> Cue | None:
    """ "X's call for Y", "her criticism of Y": the possessor is the source."""
    senses = lexicon().nouns.get(tok.lemma_.lower())
    if not senses or tok.pos_ != "NOUN":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    found = _prep_sense(tok, senses)
    if found is None:
        return _predicated(tok, senses, owner)
    sense, prep = found
    tail = [prep] if prep is not None else []
    if owner is not None:
        return Cue(head=tok, tokens=(tok, *tail), sense=sense, source=owner, content_head=tok)
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    lead = _lead(verb)
    words = sorted({*lead, *tok.doc[verb.i : tok.i + 1], *tail}, key=lambda t: t.i)
    return Cue(head=tok, tokens=tuple(words), sense=sense, source=subj, content_head=tok)


def _predicated(tok: Token, senses: tuple[CueVerb, ...], owner: Token | None) -> Cue | None:
    """ "X's claim is that Y": the clause after the copula is the content."""
    verb = tok.head
    if owner is None or tok.dep_ != "nsubj" or verb.lemma_ != "be":
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    sense = next((s for s in senses if not s.prep), None)
    if sense is None:
        return None
    clausal = CueVerb(sense.lemma, sense.cls, ("ccomp",), "")
    return Cue(head=tok, tokens=(tok,), sense=clausal, source=owner, content_head=verb)


def _role(tok: Token) -> Cue | None:
    """ "X is a longtime critic of Y": cue from the copula to the role noun's preposition."""
    senses = lexicon().roles.get(tok.lemma_.lower())
    verb = tok.head
    if not senses or tok.dep_ != "attr" or verb.lemma_ != "be":
        return None
    found = _prep_sense(tok, senses)
    if found is None or found[1] is None:
        return None
    sense, prep = found
    lead = _lead(verb)
    words = sorted({*lead, *tok.doc[verb.i : tok.i + 1], prep}, key=lambda t: t.i)
    return Cue(head=verb, tokens=tuple(words), sense=sense, content_head=tok)


def participle_cue(tok: Token) -> Cue | None:
    """ "X is (not) convinced that Y", parsed as a passive verb: the passive subject holds
    the stance, as after any copula."""
    senses = lexicon().adjectives.get(tok.lower_) if tok.tag_ == "VBN" else None
    if not senses:
        return None
    aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i]
    holders = [tok, *aux]  # the parser sometimes hangs the subject on the auxiliary
    subj = next((c for h in holders for c in h.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if subj is None or not any(c.dep_ == "auxpass" for c in aux):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None  # "was scared by X": X is the cause, handled as a verb cue
    found = _prep_sense(tok, senses)
    if found is None:
        return None
    sense, prep = found
    words = sorted({*aux, tok, *([prep] if prep is not None else [])}, key=lambda t: t.i)
    return Cue(head=tok, tokens=tuple(words), sense=sense, source=subj, content_head=tok)


def _from_noun(tok: Token) -> Cue | None:
    """ "drew criticism from X", "support among X": the object of from/among is the source,
    and what drew it (the verb's subject) is the content."""
    if tok.lemma_.lower() not in _FROM_NOUNS or tok.dep_ != "dobj":
        return None
    verb = tok.head
    preps = [c for c in (*tok.rights, *verb.rights) if c.i > tok.i and c.dep_ == "prep"]
    prep = next((c for c in preps if c.lower_ in {"from", "among"}), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if obj is None or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    sense = CueVerb(tok.lemma_.lower(), "noun", ("nsubj",))
    return Cue(head=tok, tokens=(tok,), sense=sense, source=obj, content_head=verb)


def stance_cue(tok: Token) -> Cue | None:
    """An adjective or noun cue headed by this token, or None."""
    if tok.pos_ == "ADJ":
        return _adjective(tok)
    if tok.pos_ == "NOUN":
        return _noun(tok) or _role(tok) or _from_noun(tok)
    return None
