"""The tense of the verb governing a temporal expression, read from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.dates.context import Tense

FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "wo", "would", "could", "might", "may", "can", "should", "must", "'d"}
)
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'s"})
# heads whose infinitive complement lies ahead: "plans to meet on Friday"
FORWARD_HEADS = frozenset(
    "go plan expect intend schedule set hope want aim prepare threaten vow pledge promise agree "
    "decide seek try due likely ready going ask urge order tell require invite call need".split()
)
# adjectives on the way up that point ahead: "payable Dec. 1", "effective June 1"
FORWARD_ADJ = frozenset(
    {"payable", "due", "effective", "scheduled", "slated", "set", "expected", "upcoming", "planned"}
)
BACKWARD_PREPS = frozenset({"after", "since", "following"})
# verbs whose date is that of the thing arranged, not of the arranging: "has scheduled a news
# conference Thursday", "postponed the vote to March 3", "set talks for Monday"
SCHEDULING_VERBS = frozenset({"schedule", "slate"})
# ... and those whose date is the arranging itself unless a preposition points ahead:
# "postponed Monday" is the postponing, "postponed to Monday" the new date
MOVING_VERBS = frozenset({"postpone", "defer", "reschedule", "delay", "push", "move"})
AHEAD_PREPS = frozenset({"to", "until", "till", "for", "into"})
MAX_UP = 8


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb or auxiliary at or above a token (a few steps up at most)."""
    for _ in range(MAX_UP):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """past / present / future from a verb's tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & {"will", "'ll", "shall", "wo"}:
        return "future"
    if verb.tag_ in ("VBN", "VBG") and lowers & PERFECT_AUX:
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "advcl", "relcl"):
        return "past"  # "the injunction issued Thursday"
    if lowers & FUTURE_AUX:
        return "future"
    if "to" in lowers or verb.tag_ == "VB" and verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in FORWARD_HEADS or head is verb:
            return "future"
        return _head_tense(verb, depth)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ in ("VBG", "VBN") and verb.head.i != verb.i:
        if verb.head.lower_ in BACKWARD_PREPS:
            return "past"  # "will travel on Friday, after concluding talks on Thursday"
        return _head_tense(verb, depth)
    return "none"


def _head_tense(verb: Token, depth: int) -> Tense:
    """The tense of the clause a non-finite verb hangs from (a few clauses up at most)."""
    head = governing_verb(verb.head) if verb.head.i != verb.i else None
    if head is None or head.i == verb.i or depth >= 3:
        return "none"
    return verb_tense(head, depth + 1)


def tense_of(tok: Token) -> Tense:
    """Tense of the clause a token (a timex's head) sits in."""
    up = tok
    for _ in range(3):
        if up.lower_ in FORWARD_ADJ and up.pos_ == "ADJ":
            return "future"
        if up.head.i == up.i or up.pos_ in ("VERB", "AUX"):
            break
        up = up.head
    verb = governing_verb(tok)
    if verb is None:
        return "none"
    if _arranged(tok, verb):
        return "future"
    return verb_tense(verb)


def _arranged(tok: Token, verb: Token) -> bool:
    """True when the timex dates the event a verb of scheduling arranges."""
    lemma = verb.lemma_.lower()
    prep = tok.head.lower_ if tok.dep_ == "pobj" else None
    if lemma in SCHEDULING_VERBS:
        return tok.dep_ in ("npadvmod", "tmod") or prep in AHEAD_PREPS | {"on"}
    return lemma in MOVING_VERBS and prep in AHEAD_PREPS


def signal_tense(tok: Token, tense: Tense) -> Tense:
    """'has been postponed until Saturday': after 'until' a perfect clause points ahead."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.lower_ not in ("until", "till") or tense != "past":
        return tense
    verb = governing_verb(tok)
    perfect = verb is not None and any(
        c.lower_ in PERFECT_AUX for c in verb.children if c.dep_ in ("aux", "auxpass")
    )
    return "future" if perfect else tense
