"""Multiword verb cues from idioms.tsv: "took aim at Y", "made it clear that Y" (issue 7).

The words must follow the verb in order; determiners, possessives, reflexives, adjectives
and adverbs may sit between them ("took direct aim at", "distanced himself from"). The
verb's subject is the source, as for any verb cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.attribution.cues import Cue, before
from eventwire.attribution.lexicon import CueVerb, lexicon

_SKIPPABLE = frozenset({"DET", "ADJ", "ADV"})
_MAX_GAP = 3


def _skippable(tok: Token) -> bool:
    if tok.pos_ in _SKIPPABLE:
        return True
    return tok.pos_ == "PRON" and (tok.dep_ == "poss" or tok.lower_.endswith(("self", "selves")))


def _match(verb: Token, rest: tuple[str, ...]) -> list[Token] | None:
    """The tokens matching `rest` after the verb, or None."""
    doc, end = verb.doc, verb.sent.end
    j, out = verb.i + 1, []
    for word in rest:
        gap = 0
        while j < end and doc[j].lower_ != word and doc[j].lemma_.lower() != word:
            if not _skippable(doc[j]) or gap == _MAX_GAP:
                return None
            j, gap = j + 1, gap + 1
        if j >= end:
            return None
        out.append(doc[j])
        j += 1
    return out


def _holder(verb: Token, words: list[Token], content: str) -> tuple[Token, CueVerb]:
    """Which token's dependents hold the content, and the sense that finds them."""
    lemma = " ".join([verb.lemma_.lower(), *(w.lower_ for w in words)])
    if content == "pobj":
        prep = words[-1]
        return prep.head, CueVerb(lemma, "speech", ("pobj",), prep.lower_)
    if content == "ccomp":
        holder = verb if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children) else words[-1]
        return holder, CueVerb(lemma, "speech", ("ccomp", "xcomp"))
    return verb, CueVerb(lemma, "speech", ("dobj",))


def idiom_cue(tok: Token) -> Cue | None:
    """A multiword cue headed by this verb, the longest listed one that matches."""
    if tok.pos_ != "VERB":
        return None
    for rest, content in lexicon().idioms.get(tok.lemma_.lower(), ()):
        words = _match(tok, rest)
        if words is None:
            continue
        holder, sense = _holder(tok, words, content)
        tokens = (*before(tok), *tok.doc[tok.i : words[-1].i + 1])
        return Cue(head=tok, tokens=tokens, sense=sense, content_head=holder)
    return None
