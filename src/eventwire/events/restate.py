"""One action, one event: clauses and nouns that restate an action become its theme (issue 13).

What is prevented ("to prevent an attack"), the goal of a noun ("talks to halt the fighting")
and the condition of another act ("if a deal is not reached") did not happen: not events.

"X met with mediators in Cairo to discuss a ceasefire, his first visit to the capital" is one
meeting: the purpose clause ("to discuss a ceasefire") gives its theme and the apposition ("his
first visit") restates it; so does a purpose clause of an eventive object ("started a hunger
strike to protest the arrests") and a noun of the same type framing a verb ("killed 46 civilians
in an attack"). "Efforts to secure a ceasefire" make the ceasefire a theme of the
effort, not an event of its own; "a pause in the bombing" makes the bombing what paused.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.derived import Draft
from eventwire.model import Span
from eventwire.nlp.parse import doc_text

PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
RESTATING_DEPS = frozenset({"appos", "npadvmod"})
EFFORT_NOUNS = frozenset(
    "effort bid attempt push drive quest campaign endeavour endeavor initiative hope".split()
)

# Nouns naming the stop of an activity: the activity in their of/in/to phrase is not going on.
CESSATION_NOUNS = frozenset(
    """pause lull halt end cessation suspension stop letup let-up respite break moratorium
    freeze hiatus""".split()
)


def _is_purpose(verb: Token) -> bool:
    """'to discuss', 'in order to discuss': an infinitive clause hanging from a verb."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in PURPOSE_DEPS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _governor(d: Draft, by_head: dict[int, Draft], by_verb: dict[int, Draft]) -> Draft | None:
    """The draft of the same type that `d` restates (purpose clause or apposition), if any.

    The host is the verb the clause hangs from, or the eventive noun that verb takes as its
    object: "started a hunger strike to protest the arrests" is one protest, the strike.
    """
    head = d.trigger.head
    if _is_purpose(head):
        hosts = [head.head]
    elif head.pos_ != "VERB" and head.dep_ in RESTATING_DEPS:
        hosts = [head.head, head.head.head]  # the parser may hang it on the verb's argument
    else:
        return None
    for host in hosts:
        for gov in (by_head.get(host.i), by_verb.get(host.i)):
            if gov is not None and gov is not d and gov.type == d.type:
                return gov
    return None


def _object_events(drafts: list[Draft]) -> dict[int, Draft]:
    """Noun events by the verb they are the object of ('started a hunger strike' -> started)."""
    out: dict[int, Draft] = {}
    for d in drafts:
        head = d.trigger.head
        if head.pos_ != "VERB" and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            out.setdefault(head.head.i, d)
    return out


# "killed 46 civilians in an attack", "met at a summit", "died during clashes": the noun in an
# in/at/during phrase of a verb of its own type names the same act (its frame), not a second
# one ("after fierce fighting" is another).
SAME_ACT_PREPS = frozenset({"in", "at", "during"})
# "flew to Moscow for talks": the journey coded as a visit and the talks it is for are one act.
MOTION_VERBS = frozenset("travel fly go come head arrive return journey".split())


def _same_act_noun(d: Draft, by_head: dict[int, Draft]) -> bool:
    """'killed 46 civilians in an attack': the attack is the killing, not another event.

    The verb's event keeps what the noun said of the act: its theme and targets, if it had none.
    """
    head = d.trigger.head
    if head.pos_ == "VERB" or head.dep_ != "pobj":
        return False
    verb = head.head.head
    purpose = head.head.lower_ == "for" and verb.lemma_.lower() in MOTION_VERBS
    if head.head.lower_ not in SAME_ACT_PREPS and not purpose:
        return False
    if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "provided $10 million in aid": the phrase hangs on the object
    gov = by_head.get(verb.i)
    if gov is None or gov is d or verb.pos_ != "VERB" or gov.type != d.type:
        return False
    if gov.roles.theme is None:
        gov.roles.theme = d.roles.theme
    if not any(p.role == "target" for p in gov.roles.participants):
        gov.roles.participants.extend(p for p in d.roles.participants if p.role == "target")
    return True


def _effort_theme(d: Draft) -> bool:
    """'efforts to secure a ceasefire': a noun trigger that is what an effort aims at."""
    head = d.trigger.head
    if head.pos_ == "VERB" or head.dep_ not in ("dobj", "pobj"):
        return False
    verb = head.head if head.dep_ == "dobj" else head.head.head
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in ("acl", "relcl")
        and verb.head.lemma_.lower() in EFFORT_NOUNS
    )


def _ceased_theme(d: Draft) -> bool:
    """'a pause in the bombing', 'an end to the shelling': the stopped activity is a theme."""
    head = d.trigger.head
    if (
        head.pos_ == "VERB"
        or head.dep_ != "pobj"
        or head.head.lower_ not in ("in", "of", "to", "on")
    ):
        return False
    noun = head.head.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in CESSATION_NOUNS


# Verbs whose object is kept from happening: "to prevent an attack" is no attack.
PREVENT_VERBS = frozenset("prevent avert avoid forestall preempt pre-empt deter thwart".split())
# Nouns whose infinitive names a goal, not an act: "talks to halt the fighting", "a plan to withdraw".
GOAL_NOUNS = EFFORT_NOUNS | frozenset(
    """talks negotiations negotiation plan plans proposal proposals deal agreement accord
    offer mission way ways strategy""".split()
)
CONDITION_MARKS = frozenset("if unless until once".split())
# "if drone attacks continue": the attacks are going on; only their continuation is the condition.
CONTINUING = frozenset("continue persist resume keep go".split())
UNREAL = frozenset({"hypothetical", "threatened", "planned", "expected", "negated", "conditional"})


def _prevented(d: Draft) -> bool:
    """'hoping to prevent an Israeli attack': the object of a prevention verb."""
    head = d.trigger.head
    return head.dep_ == "dobj" and head.head.lemma_.lower() in PREVENT_VERBS


def _goal_of_noun(d: Draft) -> bool:
    """'negotiations to halt the fighting': an infinitive clause hanging from a goal noun."""
    head = d.trigger.head
    return (
        head.pos_ == "VERB"
        and head.dep_ == "acl"
        and head.head.lower_ in GOAL_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        and d.modality.status in UNREAL
    )


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a token sits in (the token itself for a verb)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _condition_of(d: Draft, by_head: dict[int, Draft]) -> bool:
    """'threatening to attack if a deal is not reached': a condition clause of a coded act."""
    if d.modality.status not in UNREAL:
        return False
    verb = _clause_verb(d.trigger.head)
    if verb.lemma_.lower() in CONTINUING:
        return False
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children
    ):
        return False
    host = verb.head
    return any(_clause_verb(g.trigger.head).i == host.i for g in by_head.values() if g is not d)


def _described(d: Draft, by_head: dict[int, Draft]) -> bool:
    """'officials accused of playing a role': a participle naming who a noun is, beside news."""
    head = d.trigger.head
    return (
        head.dep_ == "acl"
        and head.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in head.children)
        and not _fragment_news(head)
        and any(g is not d and g.trigger.head.i != head.i for g in by_head.values())
    )


def _fragment_news(participle: Token) -> bool:
    """'Four killed in air strike', 'Eight killed, 45 injured': a participle on a count or on
    the sentence's own head is the news of a verbless report, not a description."""
    noun = participle.head
    if noun.pos_ == "NUM":
        return True
    return noun.dep_ == "ROOT" or (noun.dep_ == "appos" and noun.head.dep_ == "ROOT")


def _unreal_theme(d: Draft, by_head: dict[int, Draft]) -> bool:
    """True if `d` is only the theme, goal or condition of another act in its sentence."""
    if _prevented(d) or _goal_of_noun(d) or _described(d, by_head):
        return True
    return _condition_of(d, by_head)


def _clause_span(tok: Token) -> Span:
    """The text of a token's subtree."""
    first, last = tok.left_edge, tok.right_edge
    end = last.idx + len(last.text)
    return Span(text=doc_text(tok.doc)[first.idx : end], start=first.idx, end=end)


def _same_act_participle(d: Draft, by_head: dict[int, Draft]) -> bool:
    """'an attack carried out by militants', 'a meeting at a lunch hosted by X': a participle
    describing an act of its own type (or the place of one) restates it.

    The described noun's event takes the participle's source when it has no participant.
    """
    head = d.trigger.head
    if head.pos_ != "VERB" or head.dep_ != "acl" or head.tag_ != "VBN":
        return False
    noun = head.head
    own = by_head.get(noun.i)
    if own is not None and own is not d and own.type == d.type:
        if not own.roles.participants:  # 'talks hosted by X' where X is already a mediator
            own.roles.participants.extend(p for p in d.roles.participants if p.role == "source")
        return True
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        host = noun.head.head  # the parser may hang the phrase on the verb's object
        for gov in (by_head.get(host.i), by_head.get(host.head.i)):
            if gov is not None and gov is not d and gov.type == d.type:
                return True
    return False


def _same_act_conjunct(d: Draft, by_head: dict[int, Draft]) -> bool:
    """'Gunmen killed three soldiers and wounded five others', 'a bomb exploded, killing six':
    a verb joined to a verb of its own type, or a participle giving its result, sharing its
    subject, status and mode, is the same act; its targets join the first."""
    head = d.trigger.head
    if head.pos_ != "VERB" or d.trigger.kind not in ("verb", "phrasal"):
        return False
    if head.dep_ != "conj" and not (head.dep_ == "advcl" and head.tag_ == "VBG"):
        return False  # joined ("and wounded"), or its result ("fired on protesters, killing 12")
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False  # its own subject: "the army shelled the town and rebels fired back"
    gov = by_head.get(head.head.i)
    if gov is None or gov is d or gov.type != d.type or gov.modality != d.modality:
        return False
    if gov.mode and d.mode and gov.mode != d.mode:
        return False  # "kidnapped advisers and exploded bombs": two kinds of attack
    have = {(p.start, p.end) for p in gov.roles.participants}
    gov.roles.participants.extend(
        p for p in d.roles.participants if p.role == "target" and (p.start, p.end) not in have
    )
    return True


def merge_restatements(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts that restate another draft's action; the restating clause becomes its theme."""
    by_head = {d.trigger.head.i: d for d in drafts}
    own: dict[int, Draft] = {}
    for d in drafts:  # a verb's own event, not what is derived from it (an intent)
        own.setdefault(d.trigger.head.i, d)
    by_verb = _object_events(drafts)
    out: list[Draft] = []
    for d in drafts:
        gov = _governor(d, by_head, by_verb)
        if gov is not None:
            if gov.roles.theme is None and d.trigger.head.pos_ == "VERB":
                gov.roles.theme = d.roles.theme or _clause_span(d.trigger.head)
            continue
        if (
            _effort_theme(d)
            or _ceased_theme(d)
            or any(_same_act_noun(d, m) for m in (own, by_head))
        ):
            continue
        if _same_act_participle(d, by_head):
            continue
        if _unreal_theme(d, by_head):
            continue
        out.append(d)
    kept = {d.trigger.head.i: d for d in out}  # joined to an act that stays
    return [d for d in out if not _same_act_conjunct(d, kept)]
