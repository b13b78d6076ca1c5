"""The source of a cue: its subject, agent or "according to" object; its kind and actor."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from eventwire.attribution.cues import Cue, vehicle_verb
from eventwire.attribution.lexicon import lexicon
from eventwire.attribution.sourceless import passive_participle
from eventwire.model import ActorMention, SourceKind

_SUBJ = frozenset({"nsubj", "csubj"})
_MANNER_PREPS = frozenset({"by", "in", "after", "before", "while", "when", "without", "since"})
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_EDGE_PUNCT = frozenset({"PUNCT", "SPACE"})
_PERSON_WH = frozenset({"who", "whom"})  # "X, who runs Y," stays; "X, whose Y," does not
_SIDE_DEPS = frozenset({"advcl", "amod", "acl"})
_CLOSERS = {")": "(", "”": "“"}  # closing mark -> its opening mark
_NP_INNER = frozenset({"appos", "compound", "amod", "poss", "det", "nummod", "punct"})
_QUOTE_MARKS = frozenset({'"', "''", "“", "”", "‘", "’", "«", "»"})
_HELD = frozenset({"dobj", "advmod", "attr", "acomp"})  # "has a history of", "stopped short of"


def source_token(cue: Cue) -> Token | None:
    """The head token of the cue's source, climbing coordinations and participles."""
    if cue.source is not None:
        return cue.source
    tok = cue.head
    if passive_participle(tok):
        return None  # "Asked about X, Y said": someone unnamed asked (see sourceless.py)
    inverted = _inverted_subject(cue)
    if inverted is not None:
        return inverted
    for _ in range(6):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subjects = [c for c in tok.children if c.dep_ in _SUBJ]
        if subjects:
            return _inverted(tok, subjects)
        vehicle = vehicle_verb(tok)
        if vehicle is not None:
            tok = vehicle
            continue
        if any(c.dep_ == "auxpass" for c in tok.children):
            return _contracted_perfect(tok)  # "X is expected to Y": no source (sourceless.py)
        if _through_preposition(tok):
            tok = tok.head.head  # "X began by saying", "X lagged in calling for"
            continue
        holder = _gerund_holder(tok)
        if holder is not None:
            tok = holder  # "X has a long history of blaming", "X stopped short of endorsing"
            continue
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return _object_after_quote(cue) or _left_neighbour(cue)
        tok = tok.head
    return None


def _gerund_holder(tok: Token) -> Token | None:
    """The verb whose object or adverb a gerund's "of" phrase hangs from: its subject is the
    gerund's doer ("X has a history of blaming", "X stopped short of endorsing")."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    noun = prep.head
    if noun.dep_ not in _HELD or noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "his theme of questioning": the possessor, not the verb's subject
    return noun.head


def _contracted_perfect(verb: Token) -> Token | None:
    """ "he's said he will fight": 's is "has", which the parser read as a passive "is"."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if aux is None or subj is None or aux.lower_ not in {"'s", "’s"} or subj.lower_ == "it":
        return None
    return subj if any(c.dep_ in {"ccomp", "dobj"} for c in verb.children) else None


def _through_preposition(tok: Token) -> bool:
    """A gerund under a preposition of manner or time that hangs from a verb or copula
    adjective: its doer is that verb's subject ("picked up by saying", "bold enough to")."""
    prep = tok.head
    if tok.dep_ == "xcomp" and prep.dep_ == "acomp":
        return True  # "was bold enough to tout": climb to the copula
    return (
        tok.dep_ == "pcomp"
        and prep.lower_ in _MANNER_PREPS
        and prep.head.pos_ in {"VERB", "AUX"}
        and prep.head.i != prep.i
    )


def _inverted(verb: Token, subjects: list[Token]) -> Token:
    """Of a verb's subjects, the one after it when the parse gave it two ("Y, said X")."""
    after = [s for s in subjects if s.i > verb.i]
    if after and len(subjects) > 1:
        return after[0]
    nominal = [s for s in subjects if s.dep_ == "nsubj"]  # "Convincing wins show": not "Convincing"
    return nominal[0] if nominal else subjects[0]


def _inverted_subject(cue: Cue) -> Token | None:
    """ "Y, a senior official said" misparsed as a subjectless clause hanging off Y's verb.

    When the cue has no subject of its own, follows the verb it hangs from, and is directly
    preceded by a noun phrase that a comma sets off, that noun phrase is the source.
    """
    head = cue.head
    if any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in head.children):
        return None
    if head.dep_ not in {"advcl", "conj", "ccomp"} or head.i < head.head.i:
        return None
    doc = head.doc
    i = cue.tokens[0].i - 1
    if i <= head.sent.start or doc[i].pos_ not in {"NOUN", "PROPN"}:
        return None
    j = i
    while (
        j > head.sent.start
        and not doc[j - 1].is_punct
        and doc[j - 1].pos_ in {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"}
    ):
        j -= 1
    if j <= head.head.i or doc[j - 1].text != ",":
        return None
    return doc[i]


def _after_quote(cue: Cue) -> bool:
    """Does a quotation close right before the cue ('"...," wrote X')?"""
    doc = cue.head.doc
    i = cue.tokens[0].i - 1
    while i >= cue.head.sent.start and doc[i].is_punct:
        if doc[i].text in _QUOTE_MARKS:
            return True
        i -= 1
    return False


def _object_after_quote(cue: Cue) -> Token | None:
    """'"...," read one.' / '"...," wrote a reader': the parser made the speaker an object."""
    if cue.sense is None or cue.sense.cls != "speech" or not _after_quote(cue):
        return None
    nxt = cue.tokens[-1].i + 1
    return next(
        (c for c in cue.head.children if c.dep_ in {"dobj", "attr"} and c.left_edge.i == nxt),
        None,
    )


def _left_neighbour(cue: Cue) -> Token | None:
    """A misparsed subject: the noun phrase right before the cue ("..., Senator X, said")."""
    if _after_quote(cue):
        return None  # what closes a quotation is its words, not its speaker
    i = cue.tokens[0].i - 1
    doc = cue.head.doc
    while i >= cue.head.sent.start and doc[i].is_punct:
        i -= 1
    if i < cue.head.sent.start:
        return None
    tok = doc[i]
    while tok.head.i < cue.head.i and tok.head.i != tok.i and not _quote_between(tok.head, tok):
        if tok.dep_ in _NP_INNER:
            if tok.ent_type_ == "PERSON" and tok.head.ent_type_ != "PERSON":
                break  # a person in apposition to a place ("Nevada, Senator X") is the source
            tok = tok.head
        elif _of_object(tok) and tok.head.head.dep_ == "appos":
            tok = tok.head.head  # "X, chief of staff, said": out of the apposition's "of"
        else:
            break
    return tok if tok.pos_ in {"PROPN", "NOUN", "PRON"} else None


def _of_object(tok: Token) -> bool:
    """The object of a noun's "of" phrase ("staff" in "chief of staff")."""
    return (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in {"NOUN", "PROPN"}
    )


def _quote_between(a: Token, b: Token) -> bool:
    """Is there a quotation mark between two tokens (a source never reaches into a quote)?"""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in _QUOTE_MARKS for t in a.doc[lo + 1 : hi])


def source_tokens(head: Token, cue: Cue) -> list[Token]:
    """The source phrase: the head's subtree, stopping at the cue, without side clauses.

    PolNeAR's source is the noun phrase with its appositions: "Hamas, which is still
    holding hostages, says" -> "Hamas"; "Graham, a former candidate, said" keeps the
    apposition and its closing comma; brackets and quote marks stay balanced.
    """
    ids = {t.i for t in head.subtree} - {t.i for t in cue.tokens}
    ids -= {t.i for t in head.subtree if "\n" in t.text}
    for side in _side_clauses(head):
        ids -= {t.i for t in side.subtree}
    doc = head.doc
    ids |= {t.i for t in doc[head.left_edge.i : head.right_edge.i + 1] if _blank(t)}
    lo, hi = head.i, head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    run = list(doc[lo : hi + 1])
    while run and run[0].pos_ in _EDGE_PUNCT and run[0].text not in _CLOSERS.values():
        run.pop(0)
    while run and run[-1].pos_ in _EDGE_PUNCT and not _closes(run):
        run.pop()
    return _close_apposition(run) if run else [head]


def _blank(tok: Token) -> bool:
    """A whitespace token inside a line (a no-break space the parser attached elsewhere)."""
    return tok.is_space and "\n" not in tok.text


def _side_clauses(head: Token) -> list[Token]:
    """Relative and participial clauses set off by a comma after the source head."""
    doc = head.doc
    return [
        c
        for c in head.rights
        if (c.dep_ in _SIDE_DEPS or c.dep_ == "relcl" and c.left_edge.lower_ not in _PERSON_WH)
        and c.left_edge.i > 0
        and doc[c.left_edge.i - 1].text in {",", "(", "—", "–", "--"}
    ]


def _closes(run: list[Token]) -> bool:
    """Does the run's last token close a bracket or quotation opened inside the run?"""
    opener = _CLOSERS.get(run[-1].text)
    return opener is not None and any(t.text == opener for t in run[:-1])


def _close_apposition(run: list[Token]) -> list[Token]:
    """Extend over a missing closing bracket/quote and the comma that ends an apposition."""
    doc = run[0].doc
    end = run[-1].i + 1
    nxt = doc[end].text if end < len(doc) else ""
    if _CLOSERS.get(nxt) in {t.text for t in run} and not _closes(run):
        run = [*run, doc[end]]
        end += 1
    inner_comma = any(t.text == "," for t in run)
    if inner_comma and end < len(doc) and doc[end].text == ",":
        run = [*run, doc[end]]
    return run


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Word-boundary patterns for anonymity markers and agency names, built once."""
    lex = lexicon().sources
    anon = [re.escape(k) for k, v in lex.items() if v == "anonymous" and " " in k]
    agency = [re.escape(k) for k, v in lex.items() if v == "agency"]
    return (
        re.compile(r"\b(?:" + "|".join(anon) + r")\b", re.I),
        re.compile(r"\b(?:" + "|".join(sorted(agency, key=len, reverse=True)) + r")\b", re.I),
    )


def source_kind(head: Token, text: str, sentence: str, actor: ActorMention | None) -> SourceKind:
    """Named, anonymous (unnamed individuals, anonymity phrases) or agency (outlets)."""
    anon_phrase, agency = _kind_patterns()
    if (
        lexicon().sources.get(head.lower_) == "agency"
        or agency.search(text)
        and not _has_person(head)
    ):
        return "agency"
    if anon_phrase.search(sentence):
        return "anonymous"
    if actor is not None and actor.actor is not None and actor.actor.anonymous:
        return "anonymous"
    if lexicon().sources.get(head.lemma_.lower()) == "anonymous" and not (
        head.pos_ == "PROPN" or _has_person(head)
    ):
        return "anonymous"
    return "named"


def _has_person(head: Token) -> bool:
    """Does the source phrase name someone (a proper noun in it)?"""
    return any(t.ent_type_ == "PERSON" for t in head.subtree)
