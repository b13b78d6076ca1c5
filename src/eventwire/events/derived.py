"""Events derived from another event's modality: intents, refusals, demands (PLOVER/CAMEO conventions).

"Finland will give Tanzania a grant" is coded AGREE (a promise, CAMEO 033); "said they would
boycott" THREATEN; "X will not withdraw" REJECT; "said China must drop barriers" REQUEST by the
speaker. The event the modality is about is kept beside it with its own status.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.lexicon import Lexicon
from eventwire.events.roles import Roles, _noun_anchor
from eventwire.events.status import Modality, mandative_clause
from eventwire.events.syntax import PRONOUNS
from eventwire.events.triggers import Trigger
from eventwire.model import Participant, Span, Status
from eventwire.nlp.parse import doc_text

COOPERATIVE = {
    "AID": "033",
    "RETREAT": "035",
    "CONCEDE": "034",
    "COOPERATE": "031",
    "SUPPORT": "032",
    "CONSULT": "036",
}
CONFLICTUAL = {
    "ASSAULT": "138",
    "COERCE": "132",
    "SANCTION": "131",
    "PROTEST": "133",
    "REJECT": "134",
}
THREAT_MODES = frozenset({"arrest", "ban", "expel", "restrict", "curfew"})
# Acts that announcing performs: "X will resign" is the yield itself (08x), not a promise (03x).
SELF_ENACTING_MODES = frozenset({"resign"})
THREAT_CODES = {"ban": "1322", "curfew": "1323"}
DEMAND_CODES = {
    "CONSULT": "106",
    "RETREAT": "105",
    "CONCEDE": "104",
    "AID": "103",
    "COOPERATE": "101",
    "AGREE": "107",
    "SUPPORT": "102",
}
REFUSE_CODES = {
    "CONSULT": "125",
    "RETREAT": "124",
    "CONCEDE": "123",
    "AID": "122",
    "COOPERATE": "121",
    "AGREE": "127",
    "SUPPORT": "120",
}
INTENT_AUX = frozenset({"will", "shall", "'ll", "would", "wo", "'d"})
DEMAND_AUX = frozenset({"must"})
INTENT_GOV = frozenset(
    {
        "plan",
        "intend",
        "willing",
        "ready",
        "prepared",
        "prepare",
        "determine",
        "resolve",
        "set",
        "going",
        "go",
        "want",
        "wish",
    }
)
STATEMENT_NOUNS = frozenset(
    {"statement", "communique", "communiqué", "announcement", "declaration"}
)


@dataclass
class Draft:
    """An event under construction: the trigger, its roles and status, before it is frozen."""

    trigger: Trigger
    roles: Roles
    modality: Modality
    start: int
    end: int
    type: str
    mode: str | None
    cameo: str
    rule: str
    confidence: float
    inner: list[Draft] = field(default_factory=list)


def clause_top(tok: Token) -> Token:
    """Climb xcomp/conj/acomp links to the head of the finite clause."""
    node = tok
    if node.pos_ != "VERB":
        node = _noun_anchor(node) or node
    for _ in range(8):
        if node.dep_ in ("xcomp", "conj", "acomp") and node.head.i != node.i:
            node = node.head
        else:
            break
    return node


def _aux_on_chain(tok: Token, words: frozenset[str]) -> Token | None:
    """An auxiliary from `words` on the verb or on the verbs it is the complement of."""
    node = tok if tok.pos_ == "VERB" else (_noun_anchor(tok) or tok)
    for _ in range(6):
        aux = next((c for c in node.children if c.dep_ == "aux" and c.lower_ in words), None)
        if aux is not None:
            return aux
        if node.dep_ not in ("xcomp", "acomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _speaker(top: Token, lex: Lexicon) -> Token | None:
    """The subject of the reporting verb the clause is the content of, if any."""
    gov = top.head
    if (
        top.dep_ not in ("ccomp", "acl")
        or gov.lemma_.lower() not in lex.report
        and gov.pos_ != "NOUN"
    ):
        return None
    if gov.pos_ == "NOUN":
        gov = gov.head
    return next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _self_stated(d: Draft, top: Token, lex: Lexicon) -> bool:
    """Main clause, or reported by its own actor ("Syria says it is willing to withdraw")."""
    if top.dep_ == "ROOT":
        return True
    speaker = _speaker(top, lex)
    if speaker is None:
        return False
    if speaker.lemma_.lower() in STATEMENT_NOUNS:
        return True
    sources = [p.text.lower() for p in d.roles.participants if p.role == "source"]
    return any(s in PRONOUNS or s == speaker.text.lower() for s in sources) or not sources


def _intent_anchor(d: Draft) -> Token | None:
    """The word that makes an event an intention: 'will', 'would', 'plans', 'willing'."""
    aux = _aux_on_chain(d.trigger.head, INTENT_AUX)
    if aux is not None:
        return aux
    node = d.trigger.head
    for _ in range(4):
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in INTENT_GOV:
            return node
    return None


def _intent_draft(d: Draft, anchor: Token) -> Draft:
    """AGREE (03x) for a promised cooperative act, THREATEN (13x) for a conflictual one."""
    cooperative = d.type in COOPERATIVE
    new_type = "AGREE" if cooperative else "THREATEN"
    mode = d.mode if not cooperative and d.mode in THREAT_MODES else None
    if not cooperative and d.type == "ASSAULT":
        mode = "violence"
    code = COOPERATIVE[d.type] if cooperative else CONFLICTUAL[d.type]
    code = THREAT_CODES.get(mode or "", code)
    roles = Roles([p for p in d.roles.participants if p.role in ("source", "target")], _core(d))
    status: Status = "conditional" if d.modality.condition is not None else "occurred"
    return Draft(
        d.trigger,
        roles,
        Modality(status, d.modality.condition),
        anchor.idx,
        d.end,
        new_type,
        mode,
        code,
        "events.derived:intent",
        d.confidence + 0.05,
    )


def intents(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """A self-stated future act ('Finland will give', 'said they would boycott') -> AGREE/THREATEN."""
    out: list[Draft] = []
    for d in drafts:
        if d.type not in COOPERATIVE and d.type not in CONFLICTUAL:
            continue
        if d.modality.status not in ("planned", "conditional", "hypothetical"):
            continue
        anchor = _intent_anchor(d)
        if anchor is None or anchor.i > d.trigger.head.i:
            continue
        if d.mode in SELF_ENACTING_MODES:
            _announce(d, anchor)
        elif _self_stated(d, clause_top(d.trigger.head), lex):
            out.append(_intent_draft(d, anchor))
    return out


def _announce(d: Draft, anchor: Token) -> None:
    """'X will resign': the announced yield is the event (CAMEO 0831, PLOVER RETREAT/resign).

    Announcing a resignation performs it, so the act is coded as it is, from the auxiliary on,
    as a statement that happened; no promise (03x) is derived beside it.
    """
    d.start = anchor.idx
    if d.modality.status == "planned":  # "would resign if ..." stays conditional
        d.modality = Modality("occurred", d.modality.condition)
    d.rule = "events.derived:announced-yield"
    d.confidence = round(d.confidence + 0.05, 2)


def _core(d: Draft) -> Span:
    """What is promised, refused or demanded: the inner event's trigger (and theme)."""
    start, end = d.start, d.end
    if d.roles.theme is not None and d.roles.theme.start >= start:
        end = max(end, d.roles.theme.end)
    text = doc_text(d.trigger.head.doc)
    return Span(text=text[start:end], start=start, end=end)


def refusals(drafts: list[Draft]) -> list[Draft]:
    """'will not withdraw', 'failed to reach agreement' -> REJECT beside the negated act."""
    out: list[Draft] = []
    for d in drafts:
        head = d.trigger.head
        if d.modality.status != "negated" or d.type not in REFUSE_CODES:
            continue
        anchor = _aux_on_chain(head, INTENT_AUX)
        if anchor is None and head.dep_ == "xcomp" and head.head.lemma_.lower() == "fail":
            anchor = head.head
        if anchor is None or anchor.i > head.i:
            continue
        sources = [p for p in d.roles.participants if p.role == "source"]
        mode = {"CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "change", "AID": "assist"}.get(
            d.type
        )
        out.append(
            Draft(
                d.trigger,
                Roles(sources, _core(d)),
                Modality("occurred", d.modality.condition),
                anchor.idx,
                d.end,
                "REJECT",
                mode,
                REFUSE_CODES[d.type],
                "events.derived:refusal",
                d.confidence + 0.05,
            )
        )
    return out


def is_subjunctive(verb: Token) -> bool:
    """'demanded that Israel ease restrictions': a bare verb with its own subject, no auxiliary."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _demand_clause(report: Token, noun: Token | None) -> tuple[Token, Token] | None:
    """The content clause of a reporting verb (or its noun: 'a reminder that ...') stating an obligation."""
    hosts = [report] if noun is None else [report, noun]
    for c in (c for h in hosts for c in h.children):
        if c.dep_ not in ("ccomp", "acl"):
            continue
        aux = _aux_on_chain(c, DEMAND_AUX)
        if aux is None and (is_subjunctive(c) or mandative_clause(c)):
            aux = c
        if aux is not None:
            return c, aux
    return None


def _demanded_party(clause: Token, inner: Draft | None) -> list[Participant]:
    """Who must act: the coded act's source (with its actor), else the clause subject."""
    if inner is not None:
        sources = [p for p in inner.roles.participants if p.role == "source"]
        if sources:
            return [p.model_copy(update={"role": "target"}) for p in sources]
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    start, end = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    return [Participant(role="target", text=doc_text(subj.doc)[start:end], start=start, end=end)]


def _demand_draft(d: Draft, clause: Token, aux: Token, inner: Draft | None) -> Draft:
    """The REQUEST a reported obligation makes: speaker -> the party that must act."""
    speakers = [p for p in d.roles.participants if p.role == "source"]
    parts = speakers + _demanded_party(clause, inner)
    code = DEMAND_CODES.get(inner.type, "100") if inner is not None else "100"
    end = clause.right_edge.idx + len(clause.right_edge.text)
    theme = Span(text=doc_text(clause.doc)[clause.idx : end], start=clause.idx, end=end)
    conf = max(d.confidence, inner.confidence if inner is not None else 0.7) + 0.05
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    start = min(aux.idx, subj.left_edge.idx) if subj is not None else aux.idx
    return Draft(
        d.trigger,
        Roles(parts, theme),
        Modality("occurred"),
        start,
        clause.idx + len(clause.text),
        "REQUEST",
        None,
        code,
        "events.derived:demand",
        conf,
    )


def demands(drafts: list[Draft]) -> list[Draft]:
    """'X said China must drop barriers' -> REQUEST (10x) by X to China, with or without a coded act."""
    by_head = {d.trigger.head.i: d for d in drafts}
    out: list[Draft] = []
    for d in drafts:
        found = _demand_clause(d.trigger.head, d.trigger.noun) if d.type == "STATEMENT" else None
        if found is None:
            continue
        clause, aux = found
        near = [clause, *(c for c in clause.children if c.dep_ in ("xcomp", "acomp"))]
        inner = next((by_head[c.i] for c in near if c.i in by_head), None)
        out.append(_demand_draft(d, clause, aux, inner))
    return out


ORDER_VERBS = frozenset({"order", "instruct", "command", "direct"})
FORCE_NOUNS = frozenset(
    """police policeman policemen officer troop soldier army force military guard unit navy
    marine paratrooper commando militia security gendarme gendarmerie battalion brigade
    reservist""".split()
)
# What an order to one's own forces (or an order of patrols or strikes) makes: the act itself.
ORDERED_NOUN_TYPES = frozenset({"MOBILIZE", "ASSAULT"})
UNORDERABLE = frozenset({"REQUEST", "STATEMENT"})


def _adopt(d: Draft, type_: str, mode: str | None, cameo: str) -> None:
    """The order becomes the ordered act, by the one who ordered it."""
    d.type, d.mode, d.cameo = type_, mode, cameo
    d.rule = "events.derived:order"


def orders(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """'ordered police to disperse protesters', 'ordered patrols': the act, not a demand.

    A commander's order to his own police or troops is coded as what they were ordered to do
    (or as a mobilisation when that is not coded); the order and the act are one event, whose
    source is who gave the order. Orders to other parties stay REQUEST (10x).
    """
    by_head = {d.trigger.head.i: d for d in drafts}
    absorbed: set[int] = set()
    for d in drafts:
        head = d.trigger.head
        if d.type != "REQUEST" or head.lemma_.lower() not in ORDER_VERBS or id(d) in absorbed:
            continue
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        mods = [c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")]
        noun = next(
            (lex.nouns[k] for k in [(obj.lemma_.lower(), m) for m in mods] if k in lex.nouns),
            lex.nouns.get((obj.lemma_.lower(), "")),
        )
        if obj.lemma_.lower() in FORCE_NOUNS:
            comp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp")), None)
            inner = by_head.get(comp.i) if comp is not None else None
            # the forces are the orderer's own, not a target of the act
            d.roles.participants = [p for p in d.roles.participants if p.role != "target"]
            if inner is not None and inner.type not in UNORDERABLE:
                _adopt(d, inner.type, inner.mode, inner.cameo)
                d.roles.participants += [p for p in inner.roles.participants if p.role != "source"]
                d.roles.theme = inner.roles.theme or d.roles.theme
                absorbed.add(id(inner))
            else:
                police = obj.lemma_.lower() in ("police", "policeman", "policemen", "officer")
                _adopt(d, "MOBILIZE", "police" if police else "troops", "153" if police else "154")
        elif noun is not None and noun.type in ORDERED_NOUN_TYPES:
            _adopt(d, noun.type, noun.mode, noun.cameo)
    return [d for d in drafts if id(d) not in absorbed]
