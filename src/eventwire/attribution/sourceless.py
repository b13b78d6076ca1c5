"""Attributions without a source: "reportedly", "is expected to", "seems", "known as".

An analyst needs to see that a claim rests on nobody in particular: these records have no
speaker and the kind "unsourced". Frames come from data/attribution/sourceless.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.attribution.cues import before
from eventwire.attribution.lexicon import lexicon

_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acomp", "oprd", "attr"})


@dataclass(frozen=True)
class Sourceless:
    """A sourceless cue: its words, the token runs of its content, and its rule name."""

    cue: tuple[Token, ...]
    content: tuple[Token, ...]
    rule: str


def _subtrees(*heads: Token | None) -> list[Token]:
    return [t for h in heads if h is not None for t in h.subtree]


def _child(tok: Token, deps: frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _adverb(tok: Token) -> Sourceless | None:
    verb = tok.head
    if tok.dep_ != "advmod" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    content = [t for t in verb.subtree if t.i != tok.i and not t.is_punct or t.text in '"“”']
    return Sourceless((tok,), tuple(content), f"sourceless:{tok.lower_}")


def _clause(tok: Token, subject: str, prep: str) -> Sourceless | None:
    """Subject and complement (or a `prep` phrase) of a raising or passive verb as content."""
    subj = _child(tok, frozenset({subject}))
    comp = _child(tok, _COMPLEMENTS)
    extra = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep), None)
    if subj is None or subj.lower_ in {"it", "there"} or (comp is None and extra is None):
        return None
    cue = [*before(tok), tok, *([extra] if extra is not None else [])]
    rest = _subtrees(subj, comp) + (_subtrees(*extra.children) if extra is not None else [])
    return Sourceless(tuple(cue), tuple(rest), f"sourceless:{tok.lemma_.lower()}")


def _raising(tok: Token) -> Sourceless | None:
    """ "The truce seemed fragile", "X looks like Y", "it seems (likely) that Y"."""
    return _clause(tok, "nsubj", "like") or _extraposed(tok)


def _extraposed(tok: Token) -> Sourceless | None:
    """ "It seems (likely) that Y": the that-clause alone is the content."""
    subj = _child(tok, frozenset({"nsubj"}))
    if subj is None or subj.lower_ != "it":
        return None
    holders = [tok, *(c for c in tok.children if c.dep_ in {"acomp", "oprd"})]
    clause = next((c for h in holders for c in h.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return Sourceless(
        (*before(tok), tok), tuple(clause.subtree), f"sourceless:{tok.lemma_.lower()}"
    )


def _passive(tok: Token) -> Sourceless | None:
    """ "X is expected to Y", "X was seen as Y", with no agent."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    return _clause(tok, "nsubjpass", "as")


def passive_participle(tok: Token) -> bool:
    """ "Asked about the talks, ...", "when asked": a bare past participle of a verb whose
    passive subject is the one spoken to (a sourceless passive frame), with no subject."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux", "agent"} for c in tok.children):
        return False
    return lexicon().sourceless.get(tok.lemma_.lower()) == "passive"


def _participle(tok: Token) -> Sourceless | None:
    """ "Asked about the talks, X said ...": what was asked is the content, nobody the source."""
    if not passive_participle(tok):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about"), None)
    comp = _child(tok, frozenset({"ccomp", "xcomp", "dobj"}))
    held = comp or (next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None)
    if held is None:
        return None
    lead = [c for c in tok.lefts if c.dep_ == "advmod" and c.lower_ in {"when", "if", "once"}]
    cue = [*lead, tok, *([prep] if prep is not None and comp is None else [])]
    return Sourceless(tuple(cue), tuple(held.subtree), f"sourceless:{tok.lemma_.lower()}")


def _known_as(tok: Token) -> Sourceless | None:
    as_ = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if tok.lower_ != "known" or as_ is None:
        return None
    name = _subtrees(*as_.children)
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
        noun = tok.head
        phrase = [t for t in tok.doc[noun.left_edge.i : noun.i + 1]]
    else:
        subj = _child(tok, frozenset({"nsubjpass", "nsubj"}))
        phrase = _subtrees(subj)
    if not name or not phrase:
        return None
    lead = [c for c in tok.lefts if c.dep_ in {"advmod", "aux", "auxpass", "neg"}]
    return Sourceless((*lead, tok, as_), tuple(phrase + name), "sourceless:known-as")


def sourceless_cue(tok: Token) -> Sourceless | None:
    """A sourceless attribution headed by this token, or None."""
    frames = lexicon().sourceless
    frame = frames.get(tok.lemma_.lower()) or frames.get(tok.lower_)
    if frame == "adverb" and tok.pos_ == "ADV":
        return _adverb(tok)
    if frame == "raising" and tok.pos_ == "VERB":
        return _raising(tok)
    if frame == "passive" and tok.pos_ == "VERB":
        return _passive(tok) or _participle(tok)
    if frame == "known-as":
        return _known_as(tok)
    return None
