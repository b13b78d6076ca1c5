"""Modality of an event: occurred, ongoing, planned, expected, threatened, conditional, hypothetical, negated."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.syntax import raised_infinitives
from eventwire.model import Span, Status
from eventwire.nlp.parse import doc_text

NEG_WORDS = frozenset({"not", "n't", "never", "no"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing", "once"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPO_AUX = frozenset({"could", "might", "may", "would", "should", "must", "can", "'d"})
THREAT_GOV = frozenset({"threaten", "vow", "warn"})
EXPECT_GOV = frozenset({"expect", "likely", "poise", "unlikely"})
PLAN_GOV = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "prepare",
        "schedule",
        "set",
        "due",
        "slate",
        "agree",
        "promise",
        "pledge",
        "go",
        "arrange",
        "resolve",
        "commit",
        "ready",
        "willing",
        "prepared",
    }
)
HYPO_GOV = frozenset(
    {
        "hope",
        "want",
        "seek",
        "wish",
        "consider",
        "propose",
        "offer",
        "urge",
        "ask",
        "call",
        "demand",
        "request",
        "appeal",
        "push",
        "press",
        "need",
        "effort",
        "prevent",
        "avoid",
        "stop",
        "avert",
        "aim",
        "encourage",
        "invite",
        "plead",
        "allow",
        "help",
        "work",
        "struggle",
        "strive",
        "able",
    }
)
NEG_GOV = frozenset({"refuse", "decline", "fail", "reject", "deny", "halt", "stop", "cease"})
DENIAL_GOV = frozenset({"deny", "refute"})
# Verbs whose 'that' clause is a demand even when the tagger reads its bare verb as a present
# ("insisted that inspectors leave": past narration does not switch to the present).
MANDATIVE = frozenset({"insist", "demand", "urge", "require", "recommend", "ask"})


def mandative_clause(clause: Token) -> bool:
    """'Iraq insisted that UN inspectors leave': a bare present clause after a past mandative
    verb is what is demanded, not what happens."""
    gov = clause.head
    return (
        clause.dep_ == "ccomp"
        and clause.tag_ == "VBP"
        and gov.lemma_.lower() in MANDATIVE
        and gov.tag_ == "VBD"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in clause.children)
    )


# Verbs by which a proposal states its terms: what it includes is proposed, not done.
CONTENT_VERBS = frozenset(
    "include involve envisage envision foresee entail stipulate contain comprise propose".split()
)


def _infinitive_of_proposal(verb: Token) -> bool:
    """'defied international calls to halt the offensive': an infinitive the parser hangs on
    the verb, right after that verb's object, when the object is a call, plan or demand."""
    if verb.dep_ != "advcl" or verb.i < 2:
        return False
    to, noun = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return (
        to.lower_ == "to"
        and to.head.i == verb.i
        and noun.dep_ in ("dobj", "obj")
        and noun.head.i == verb.head.i
        and noun.lemma_.lower() in PROPOSAL_NOUNS
    )


AGREED_NOUNS = frozenset("deal agreement accord truce ceasefire treaty pact".split())


def _subject_lemma(verb: Token) -> str:
    """The lemma of the verb's subject ('the plan envisages ...': plan), or ''."""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), "")


ATTEMPTS = frozenset({"attempt", "bid", "try"})
PLAN_ADJ = frozenset({"upcoming", "planned", "proposed", "scheduled", "future", "forthcoming"})
HYPO_ADJ = frozenset({"possible", "potential", "proposed", "hypothetical", "feared", "looming"})
PROPOSAL_NOUNS = frozenset(
    {
        "draft",
        "proposal",
        "counterproposal",
        "plan",
        "offer",
        "framework",
        "initiative",
        "terms",
        "effort",
        "efforts",
        "push",
        "call",
        "demand",
        "hope",
        "chance",
        "prospect",
    }
)


@dataclass(frozen=True)
class Modality:
    status: Status
    condition: Span | None = None


def _negated(tok: Token) -> bool:
    return any(
        c.dep_ == "neg"
        or (c.lower_ in NEG_WORDS and c.dep_ in ("det", "advmod"))
        or (c.dep_ in ("nsubj", "nsubjpass") and _no_subject(c))
        for c in tok.children
    )


def _no_subject(subj: Token) -> bool:
    """'No group has claimed ...', 'nobody was arrested': a subject that denies the act (issue 13)."""
    return subj.lower_ in ("nobody", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children
    )


def condition_clause(tok: Token) -> Token | None:
    """An 'if/unless' clause, an 'only as part of' phrase, or 'until' under negation."""
    negated = _negated(tok)
    for c in tok.children:
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if c.dep_ == "advcl" and (marks & CONDITION_MARKS or (negated and "until" in marks)):
            return c
        if c.dep_ == "prep" and c.lower_ == "as" and any(p.lemma_ == "part" for p in c.children):
            if any(a.lower_ == "only" for a in tok.children):
                return c
        if c.dep_ == "prep" and negated and c.lower_ == "until":
            return c
    return None


def condition_span(tok: Token) -> Span | None:
    """The condition clause of the token (or of its complement) as a span."""
    clause = condition_clause(tok)
    if clause is None:
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                clause = condition_clause(c)
                if clause is not None:
                    break
    if clause is None:
        return None
    first = clause.left_edge
    last = clause.right_edge
    while last.is_punct and last.i > first.i:
        last = last.doc[last.i - 1]
    start, end = first.idx, last.idx + len(last.text)
    return Span(text=doc_text(tok.doc)[start:end], start=start, end=end)


def in_condition(tok: Token) -> bool:
    """True when the token sits inside an 'if/unless' clause (the condition itself)."""
    node = tok
    for _ in range(12):
        marks = {m.lower_ for m in node.children if m.dep_ == "mark"}
        if node.dep_ == "advcl" and marks & (CONDITION_MARKS | {"until"}):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "as" and node.lemma_ == "part":
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _aux_status(verb: Token) -> Status | None:
    """Status from auxiliaries: will -> planned, could -> hypothetical, is VBG -> ongoing."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "planned"
    if lowers & {"would", "'d"} and _reported(verb):
        return "planned"  # future in the past: "said they would boycott"
    if lowers & HYPO_AUX:
        return "hypothetical"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes if a.dep_ == "aux"):
        return "ongoing"
    return None


def _reported(verb: Token) -> bool:
    """True when the verb heads the content clause of a past reporting verb."""
    top = verb
    while top.dep_ in ("xcomp", "conj") and top.head.i != top.i:
        top = top.head
    return top.dep_ == "ccomp" and top.head.tag_ == "VBD"


def _governor_status(tok: Token) -> Status | None:
    """Status from the verb governing a complement: threaten to, expected to, plan to, refuse to."""
    if tok.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp") and not (
        tok.dep_ == "pobj" or tok.dep_ in ("dobj", "nsubjpass")
    ):
        return None
    gov = tok.head
    if gov.dep_ == "prep":
        if gov.lower_ not in ("for", "to", "of", "on"):
            return None  # "did not offer anything in talks with X": the talks are not negated
        gov = gov.head
    lemma = gov.lemma_.lower()
    if lemma in THREAT_GOV and tok.dep_ in ("xcomp", "ccomp"):
        return "threatened"
    if lemma in NEG_GOV and tok.dep_ in ("xcomp", "dobj"):
        return "negated"
    if lemma in DENIAL_GOV and tok.dep_ == "ccomp":
        return "negated"  # "denied that its troops had shelled the village": on its word, no
    if lemma in EXPECT_GOV:
        return "expected"
    if lemma in PLAN_GOV and tok.dep_ in ("xcomp", "acomp"):
        return "planned"
    if lemma in HYPO_GOV or (gov.pos_ == "NOUN" and lemma in PROPOSAL_NOUNS):
        return "hypothetical"
    if lemma in CONTENT_VERBS and tok.dep_ == "dobj":
        subject = _subject_lemma(gov)
        if subject in PROPOSAL_NOUNS:
            return "hypothetical"  # "the proposal includes the release of 40 hostages"
        if subject in AGREED_NOUNS:
            return "planned"  # "the deal includes the release": agreed, still to be done
    if tok.dep_ == "ccomp" and tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children):
        return "hypothetical"  # mandative subjunctive: "demanded that Israel ease restrictions"
    if mandative_clause(tok):
        return "hypothetical"  # "insisted that inspectors leave", read as a present
    if lemma in ATTEMPTS:
        return None  # an attempted act is coded as the act ("an attempt to assassinate")
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "hypothetical"  # purpose clause on a noun: "efforts to halt the fighting"
    if _infinitive_of_proposal(tok):
        return "hypothetical"  # "defied calls to halt the offensive", the parser's advcl
    if tok.dep_ in ("xcomp", "advcl", "acl") and gov.pos_ in ("VERB", "AUX"):
        return _aux_status(gov)
    return None


def verb_status(verb: Token) -> Status:
    """Status of a verbal predicate from negation, condition, auxiliaries and its governor."""
    if in_condition(verb):
        return "hypothetical"
    if _negated(verb):
        return "negated"
    return _governor_status(verb) or _aux_status(verb) or "occurred"


# What one responds to has happened, whatever the response's status: "vowed to retaliate *for*
# the air strike", "will be punished *for* the killings", "in revenge *for* the raid".
RESPONSE_WORDS = frozenset(
    """retaliate avenge punish apologise apologize compensate blame thank revenge retaliation
    reprisal reprisals response punishment compensation apology""".split()
)


def presupposed(noun: Token) -> bool:
    """An event noun in the for/over/to phrase of a word of response: the cause, a past act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("for", "over", "to"):
        return False
    host = prep.head
    return host.lemma_.lower() in RESPONSE_WORDS and (prep.lower_ != "to" or host.pos_ == "NOUN")


def noun_status(noun: Token, anchor: Token | None) -> Status:
    """Status of an eventive noun: its adjectives, a 'no' determiner, else its governing verb."""
    if presupposed(noun):
        return "occurred"
    if in_condition(noun):
        return "hypothetical"
    if any(c.lower_ == "no" for c in noun.children):
        return "negated"
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return "negated"  # "left Cairo without an agreement"
    adjs = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
    if adjs & PLAN_ADJ:
        return "planned"
    if adjs & HYPO_ADJ:
        return "hypothetical"
    gov = _governor_status(noun)
    if gov is not None:
        return gov
    if anchor is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        # "the ceasefire will take effect", "talks are expected to resume": the clause's
        # future or expectation is the event's (its negation is not: "the truce did not hold")
        for verb in (noun.head, *raised_infinitives(noun.head)):  # "talks are due to resume"
            subj_status = verb_status(verb)
            if subj_status in ("planned", "expected", "hypothetical"):
                return subj_status
    if anchor is not None:
        status = verb_status(anchor)
        direct = noun.dep_ in ("dobj", "nsubjpass")
        return status if (status != "negated" or direct) else "occurred"
    return "occurred"


def modality(head: Token, anchor: Token | None, *, nominal: bool) -> Modality:
    """Status and condition span of an event whose predicate is `head`."""
    status = noun_status(head, anchor) if nominal else verb_status(head)
    cond_host = anchor if nominal and anchor is not None else head
    cond = None if nominal and presupposed(head) else condition_span(cond_host)
    if cond is not None and status in ("occurred", "ongoing", "planned", "expected"):
        status = "conditional"
    return Modality(status, cond)
