"""Argument roles of a trigger from the dependency parse: source, target, third party, venue, theme."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.placenames import PLACE_NOUNS, is_place, place_name
from eventwire.events.syntax import (
    OBJ,
    PASS_SUBJ,
    PLACE_ENTS,
    SUBJ,
    conjuncts,
    governor_subject,
    is_actorlike,
    is_passive,
    np_bounds,
    resolve_relative,
)
from eventwire.events.triggers import QUANTITY, Trigger
from eventwire.model import ActorMention, Participant, Span

BASE_FRAME = {
    "subj": "source",
    "agent": "source",
    "obj": "target",
    "dative": "target",
    "pobj": "target",
    "with": "target",
    "against": "target",
    "between": "target",
}
ON_TARGET = frozenset({"ASSAULT", "ACCUSE", "PROTEST", "SANCTION", "COERCE", "THREATEN"})
TO_TARGET = frozenset({"AID", "SUPPORT", "REQUEST", "AGREE", "CONCEDE", "MOBILIZE"})
FROM_TARGET = frozenset(
    {"COERCE", "SANCTION", "RETREAT"}
)  # seized from, imports from, withdrew from
MEDIATE_VERBS = frozenset({"mediate", "broker", "facilitate", "sponsor", "host", "chair"})
MEDIATION = frozenset({"mediation", "auspices", "sponsorship", "facilitation", "aegis"})
MEDIATORS = frozenset({"mediator", "broker", "intermediary", "facilitator", "go-between"})
VENUE_PREPS = frozenset({"in", "at"})
CONTAINERS = frozenset(
    """incident case act wave series spate string campaign report allegation instance episode
    round""".split()
)
LOOSE_TARGET_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "over"})
CIRCUMSTANCE_PREPS = frozenset(
    "if unless whether after before since despite during amid amidst following until because "
    "although though while over".split()
)


DEMANDERS = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
FALLBACK_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
PLACE_TARGETS = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN", "SANCTION", "AID"}
)  # AID: "deployed peacekeepers in Iraq", "delivered food in Gaza" aid the place
THEME_PREPS = frozenset({"of", "from", "to", "with", "for", "against", "on", "by", "in", "between"})
PRONOUN_POSS = frozenset({"its", "his", "her", "their", "our", "my", "your", "it"})


@dataclass
class Roles:
    """What role extraction found for one trigger."""

    participants: list[Participant] = field(default_factory=list)
    theme: Span | None = None
    heads: dict[str, list[str]] = field(default_factory=dict)  # role -> head lemmas
    theme_head: Token | None = None


@dataclass(frozen=True)
class ActorIndex:
    """Actor mentions of an article, looked up by the token they cover."""

    by_token: dict[int, ActorMention]
    mentions: list[ActorMention]  # sorted by start
    _starts: list[int] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [m.start for m in self.mentions]
        ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
        object.__setattr__(self, "_starts", starts if ordered else None)

    def covering(self, tok: Token) -> ActorMention | None:
        """The mention whose span covers the token, if any."""
        return self.by_token.get(tok.i)

    def inside(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying wholly inside a character span, in text order (a binary search
        for the first that starts inside: roles ask this for every slot of every trigger)."""
        mentions, starts = self.mentions, self._starts
        if starts is None:
            return [m for m in mentions if start <= m.start and m.end <= end]
        out = []
        for k in range(bisect_left(starts, start), len(mentions)):
            m = mentions[k]
            if m.start > end:
                break
            if m.end <= end:
                out.append(m)
        return out


def frame_for(trig: Trigger) -> dict[str, str]:
    """The slot -> role map of a trigger: base frame, type defaults, then the entry's own."""
    frame = dict(BASE_FRAME)
    if trig.entry.type in ON_TARGET:
        frame["on"] = "target"
    if trig.entry.type in TO_TARGET:
        frame["to"] = "target"
    if trig.entry.type in FROM_TARGET:
        frame["from"] = "target"
    frame.update(trig.entry.frame)
    return frame


def _prep_slots(tok: Token, out: list[tuple[str, Token]], skip: Token | None = None) -> None:
    """Collect (preposition, object) pairs of a token's prepositional children."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and (skip is None or c.i != skip.i):
            name = "agent" if c.dep_ == "agent" else c.lower_
            objs = [p for p in c.children if p.dep_ == "pobj"] or _stranded_object(c)
            out.extend((name, p) for p in objs)


def _stranded_object(prep: Token) -> list[Token]:
    """'granted asylum to five officers holed up in ...': the parser made the preposition's
    object the subject of the clause after it; that subject is the object."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return []
    tok = doc[prep.i + 1]
    while tok.dep_ not in ("nsubj", "nsubjpass") and tok.head.i != tok.i and tok.head.i > tok.i:
        tok = tok.head
    clause = tok.head
    if (
        tok.dep_ in ("nsubj", "nsubjpass")
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.left_edge.i == prep.i + 1
        and clause.head.i == prep.head.i
        and clause.dep_ in ("advcl", "ccomp", "conj", "relcl", "acl")
    ):
        return [tok]
    return []


def verb_slots(verb: Token, trig: Trigger) -> list[tuple[str, Token]]:
    """Slots of a verbal trigger: subject, object, dative, prepositions, phrasal object."""
    passive = is_passive(verb)
    out: list[tuple[str, Token]] = []
    for c in verb.children:
        if c.dep_ in SUBJ and c.dep_ != "expl":
            out.append(("subj", resolve_relative(c)))
        elif c.dep_ in PASS_SUBJ or c.dep_ in OBJ:
            out.append(("obj", resolve_relative(c)))
        elif c.dep_ == "dative":  # "gave aid to Nepal": the parser marks 'to' itself dative
            objs = [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
            out.extend(("dative", p) for p in objs)
    if passive and verb.dep_ in ("acl", "relcl") and not any(s == "obj" for s, _ in out):
        out.append(("obj", verb.head))
    if not any(s == "obj" for s, _ in out):
        out.extend(("obj", t) for t in _infinitive_subjects(verb))
    _prep_slots(verb, out, skip=trig.particle)
    if trig.particle is not None:
        out.extend(("pobj", p) for p in trig.particle.children if p.dep_ == "pobj")
    out = [("subj", t) if s == "agent" else (s, t) for s, t in out]
    if not any(s == "subj" for s, _ in out):
        subj = governor_subject(verb)
        if subj is not None:
            out.append(("subj", subj))
    if trig.noun is not None and trig.noun.i != verb.i and not patient_noun(trig):
        out = [(s, t) for s, t in out if t.i != trig.noun.i]
        out.extend(noun_slots(trig.noun, with_anchor=False))
    return out


PATIENT_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "RETREAT"})


def patient_noun(trig: Trigger) -> bool:
    """'expelled two Norwegian diplomats', 'freed Filipino hostages': the light verb's noun is
    the people acted on, so its nationality is the target, not the agent as in 'Israeli strikes'."""
    noun = trig.noun
    if noun is None or trig.entry.type not in PATIENT_TYPES or noun.dep_ not in OBJ | PASS_SUBJ:
        return False
    national = any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in noun.children
    )
    return national and is_actorlike(noun)


def _infinitive_subjects(verb: Token) -> list[Token]:
    """'allowed Kurdish refugees to enter', 'let the candidate run': the parser makes the object
    the subject of the infinitive after it; in English that subject is the verb's object."""
    out: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        if infinitive or verb.lemma_.lower() in ("let", "make", "help"):
            out.extend(
                c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i and c.i > verb.i
            )
    return out


def _mediators(noun: Token) -> list[tuple[str, Token]]:
    """'talks mediated by Qatar', 'talks under Egyptian mediation' -> third parties."""
    out: list[tuple[str, Token]] = []
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in MEDIATE_VERBS:
            out.extend(("mediator", p) for a in c.children if a.dep_ == "agent" for p in a.children)
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in MEDIATION:
                    out.extend(("mediator", m) for m in _theme_actors(p, frozenset({"of", "by"})))
    return out


def _noun_anchor(noun: Token) -> Token | None:
    """The verb a noun is the object of (directly or through a preposition)."""
    if noun.dep_ in OBJ and noun.head.pos_ == "VERB":
        return noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        return head.head
    container = _container(noun)  # "to return for another round of talks"
    return _noun_anchor(container) if container is not None else None


def _circumstantial(noun: Token) -> bool:
    """'warned ... if an attack proceeds', 'retaliated after the attack': the verb's subject is not the noun's agent."""
    return noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANCE_PREPS


def _container(noun: Token) -> Token | None:
    """The 'incidents' of 'incidents of assault', 'a wave of arrests', 'reports of shelling'."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in CONTAINERS:
        return prep.head
    return None


def noun_slots(noun: Token, *, with_anchor: bool = True) -> list[tuple[str, Token]]:
    """Slots of an eventive noun: possessor and national adjective, 'by', preps, the anchor's subject."""
    out: list[tuple[str, Token]] = []
    for c in noun.children:
        if c.dep_ == "poss":
            out.append(("subj", c))
        elif c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "ORG", "PERSON"):
            out.append(("subj", c))
        elif c.dep_ in ("compound", "nmod") and c.ent_type_ in PLACE_ENTS:
            out.append(("place", c))
    _prep_slots(noun, out)
    container = _container(noun)
    if container is not None:  # "incidents of assault on women by men": the PPs hang on 'incidents'
        _prep_slots(container, out)
        out = [(s, t) for s, t in out if t.i != noun.i]
    out = [("subj", t) if s in ("by", "agent") else (s, t) for s, t in out]
    out = [(s, t) for s, t in out if t.lemma_.lower() not in MEDIATION] + _mediators(noun)
    if with_anchor and not any(s == "subj" for s, _ in out):
        anchor = _noun_anchor(noun)
        if anchor is not None and not _circumstantial(noun):
            subj = next((resolve_relative(c) for c in anchor.children if c.dep_ in SUBJ), None)
            subj = subj or governor_subject(anchor)
            if subj is not None:
                out.append(("subj", subj))
    return out


def quantity_head(tok: Token) -> Token:
    """'hundreds of UN troops', 'dozens of protesters' -> the noun counted, which is the actor."""
    if tok.ent_type_ not in ("CARDINAL", "QUANTITY") and tok.lemma_.lower() not in QUANTITY:
        return tok
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((p for p in prep.children if p.dep_ == "pobj"), tok)
    return tok


def _met_directly(slot: str, trig: Trigger, frame: dict[str, str]) -> bool:
    """'met with Egyptian mediators': whom a meeting verb meets is its target (issue 13)."""
    return (
        trig.entry.type == "CONSULT"
        and trig.kind in ("verb", "phrasal")
        and slot in ("obj", "pobj", "with")
        and frame.get(slot) == "target"
    )


def _role_of(slot: str, tok: Token, trig: Trigger, frame: dict[str, str]) -> str | None:
    """Role a slot filler plays, or None when the slot means nothing for this trigger."""
    if slot == "mediator":
        return "third_party"
    if tok.lemma_.lower() in MEDIATORS and trig.entry.type != "STATEMENT":
        return "target" if _met_directly(slot, trig, frame) else "third_party"
    if slot in ("place", "venue"):
        return "venue" if trig.entry.type == "CONSULT" else "source"
    role = frame.get(slot)
    if role is None and slot in VENUE_PREPS and tok.ent_type_ in PLACE_ENTS:
        return "venue"
    return role


def _participants(role: str, head: Token, actors: ActorIndex, text: str) -> list[Participant]:
    """One participant per actor mention in the phrase (or per conjoined nationality)."""
    start, end = np_bounds(head)
    end = _before_clause(head, end)
    inside = actors.inside(start, end)
    if len(inside) >= 2:
        return [
            Participant(role=role, text=m.text, start=m.start, end=m.end, actor=m.actor)
            for m in inside
        ]
    mention = actors.covering(head) or (inside[0] if inside else None)
    adjs = [c for c in head.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]
    if mention is None and adjs and len(conjuncts(adjs[0])) >= 2:
        return [
            Participant(role=role, text=a.text, start=a.idx, end=a.idx + len(a.text))
            for a in conjuncts(adjs[0])
        ]
    actor = mention.actor if mention is not None else None
    if mention is not None and mention.start <= head.idx < mention.end:
        start, end = min(start, mention.start), max(end, mention.end)  # the whole name
    return [Participant(role=role, text=text[start:end], start=start, end=end, actor=actor)]


def _banned_actor(trig: Trigger, slot: str, mention: ActorMention | None) -> bool:
    """Is the object of a ban or a sanction ("banned X", "suspended X") an actor? Then it is
    the target, not the thing banned ("banned protests")."""
    if trig.entry.type not in ("COERCE", "SANCTION") or slot != "obj" or mention is None:
        return False
    actor = mention.actor
    return actor is not None and bool(actor.sector or actor.country)


def _engaged_objects(noun: Token) -> list[tuple[str, Token]]:
    """ "engaged Chadian troops in a firefight", "killed 20 rebels in an ambush": the object of
    the verb an attack noun hangs on through 'in' is whom the attack hit."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "into") or prep.head.pos_ != "VERB":
        return []
    return [("obj", c) for c in prep.head.children if c.dep_ == "dobj"]


def _before_clause(head: Token, end: int) -> int:
    """ "accused by rights groups of killing civilians": an 'of' phrase holding a verb is what
    the head did or is charged with, not part of who it is; the phrase ends before it."""
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children):
            last = head.doc[c.i - 1]
            return min(end, last.idx + len(last.text))
    return end


def _argument_venues(slots: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """'met with mediators in Cairo': a place phrase the parser hung on an argument."""
    out: list[tuple[str, Token]] = []
    for _, filler in slots:
        for prep in filler.children:
            if prep.dep_ == "prep" and prep.lower_ in VENUE_PREPS:
                out.extend(
                    ("venue", p)
                    for p in prep.children
                    if p.dep_ == "pobj" and p.ent_type_ in PLACE_ENTS
                )
    return out


def extract_roles(trig: Trigger, actors: ActorIndex, text: str) -> Roles:
    """Map slot fillers to roles; non-actor targets become the theme; one participant per conjunct."""
    frame = frame_for(trig)
    slots = verb_slots(trig.head, trig) if trig.head.pos_ != "NOUN" else noun_slots(trig.head)
    roles = Roles()
    seen: set[int] = set()
    if trig.entry.type == "CONSULT":
        slots = slots + _argument_venues(slots)
    if trig.head.pos_ == "NOUN" and trig.entry.type in ("ASSAULT", "COERCE"):
        slots = slots + _engaged_objects(trig.head)
    reciprocal = False
    for slot, filler in slots:
        role = _role_of(slot, filler, trig, frame)
        if role is None:
            continue
        if role == "target" and is_reciprocal(filler):
            reciprocal = True  # "accused each other": the sources are each other's targets
            continue
        for tok in conjuncts(quantity_head(filler)):
            if (
                tok.i in seen
                or tok.i == trig.head.i
                or (trig.noun is not None and tok.i == trig.noun.i and not patient_noun(trig))
            ):
                continue
            seen.add(tok.i)
            covering = actors.covering(tok)
            if covering is not None:
                # "met Faisal al-Rashid": the parser may split one name into several objects
                seen.update(t.i for t in tok.doc.char_span(covering.start, covering.end) or ())
            actorlike = covering is not None or is_actorlike(tok)
            if role == "theme" and _banned_actor(trig, slot, covering):
                role = "target"  # "outlawed the extremist organization", "banned the newspaper"
            actorlike = actorlike or (role == "source" and _group_modifier(tok, actors))
            if role == "theme" or (role == "target" and not actorlike):
                if roles.theme is None and tok.ent_type_ not in ("DATE", "TIME"):
                    start, end = np_bounds(tok)  # "on Sunday" is when, not what
                    roles.theme = Span(text=text[start:end], start=start, end=end)
                    roles.theme_head = tok
                if not (role == "target" and is_place_target(trig, tok)):
                    continue
            if role == "source" and not actorlike:
                if trig.entry.type == "ASSAULT":
                    roles.participants.extend(_unknown_attackers(tok, actors, text))
                continue
            roles.participants.extend(_participants(role, tok, actors, text))
            roles.heads.setdefault(role, []).append(tok.lemma_.lower())
    _between_source(roles, slots)
    if reciprocal:
        _reciprocal_targets(roles)
    if roles.theme is None and trig.noun is not None and trig.kind == "light":
        start, end = np_bounds(trig.noun)  # "holding more than 100 hostages" -> the hostages
        roles.theme = Span(text=text[start:end], start=start, end=end)
    if not roles.heads.get("target"):
        _fallback_targets(trig, roles, slots, actors, text)
    return roles


DEVICES = frozenset(
    "bomb bombing blast explosion explosive ied landmine mine grenade device ambush".split()
)
STRIKES = DEVICES | frozenset(
    "airstrike strike raid attack shelling missile rocket drone offensive bombardment".split()
)


def _unknown_attackers(tok: Token, actors: ActorIndex, text: str) -> list[Participant]:
    """ "A roadside bomb near Baqubah killed three policemen": no one is named, so the source is
    unidentified attackers (UAF) of the country where it went off, when a place says so;
    "an Israeli airstrike killed": the attack's national modifier is the source."""
    if tok.lemma_.lower() not in STRIKES or tok.pos_ != "NOUN":
        return []
    start, end = np_bounds(tok)
    named = [m for m in actors.inside(tok.left_edge.idx, tok.idx) if m.actor is not None]
    if named:  # "an Israeli airstrike killed", "a Hamas rocket hit": the modifier's actor
        return [
            Participant(role="source", text=m.text, start=m.start, end=m.end, actor=m.actor)
            for m in named
        ]
    if tok.lemma_.lower() not in DEVICES:
        return []
    from eventwire.actors.context import gazetteer_country
    from eventwire.actors.refs import composite_ref

    iso = next((c for t in tok.subtree if (c := gazetteer_country(t)) is not None), None)
    ref = composite_ref(iso, ["UAF"], "people", text[start:end])
    return [Participant(role="source", text=text[start:end], start=start, end=end, actor=ref)]


def is_reciprocal(tok: Token) -> bool:
    """ "each other", "one another" (the parser heads them on 'other' or on 'one')."""
    word, dets = tok.lower_, {c.lower_ for c in tok.children if c.dep_ == "det"}
    return (word == "other" and "each" in dets) or (word == "one" and "another" in dets)


def _reciprocal_targets(roles: Roles) -> None:
    """ "Russia and Ukraine accused each other": every source is also a target."""
    sources = [p for p in roles.participants if p.role == "source"]
    if len(sources) < 2:
        return
    roles.participants += [p.model_copy(update={"role": "target"}) for p in sources]
    roles.heads.setdefault("target", []).extend(roles.heads.get("source", []))


def _group_modifier(tok: Token, actors: ActorIndex) -> bool:
    """'Thai army units seized': a body of people or an organisation in the subject's modifiers
    makes it an actor (a bare state does not: 'Israeli weapons'; objects stay themes: 'a UN plan')."""
    start = tok.left_edge.idx
    return any(
        m.actor is not None and m.actor.kind in ("organisation", "people") and m.actor.sector
        for m in actors.inside(start, tok.idx)
    )


def _between_source(roles: Roles, slots: list[tuple[str, Token]]) -> None:
    """'talks between Kenya and Somalia' with no subject: the first party is the source."""
    if roles.heads.get("source") or not any(s == "between" for s, _ in slots):
        return
    targets = [i for i, p in enumerate(roles.participants) if p.role == "target"]
    if len(targets) >= 2:
        first = roles.participants[targets[0]]
        roles.participants[targets[0]] = first.model_copy(update={"role": "source"})
        roles.heads["source"] = roles.heads.get("target", [])[:1]


def _fallback_targets(
    trig: Trigger, roles: Roles, slots: list[tuple[str, Token]], actors: ActorIndex, text: str
) -> None:
    """No target yet: an actor inside the theme, a demanded party, or the place attacked."""
    if trig.entry.type not in FALLBACK_TYPES:
        return
    heads = [h for h in (roles.theme_head, trig.noun) if h is not None and h.i != trig.head.i]
    preps = THEME_PREPS - {"in"} if trig.entry.type == "CONSULT" else THEME_PREPS
    used = {p.start for p in roles.participants}
    found = [
        t
        for h in heads
        for t in _theme_actors(h, preps)
        if t.idx not in used and not _taken(t, roles) and t.lemma_.lower() not in MEDIATORS
    ]
    if not found:  # "halted aid to Serbia": the parser hung the noun's phrase on the verb
        found = [
            t
            for s, t in slots
            if s in LOOSE_TARGET_PREPS
            and not _taken(t, roles)
            and (actors.covering(t) is not None or is_actorlike(t))
        ]
    if not found and trig.entry.type in DEMANDERS:
        found = [c for c in trig.head.children if c.dep_ == "nsubj" and c.head.dep_ == "ccomp"]
        found += [
            g
            for c in trig.head.children
            if c.dep_ == "ccomp"
            for g in c.children
            if g.dep_ == "nsubj"
        ]
    venue = False
    if not found and trig.entry.type in PLACE_TARGETS:
        places = (place_name(t) for s, t in slots + _anchor_venues(trig) if s in VENUE_PREPS)
        found = [p for p in places if p is not None]
        venue = bool(found)
        roles.participants = [p for p in roles.participants if p.role != "venue"]
    for tok in conjuncts(found[0])[:4] if found else []:  # "talks between A and B": both
        parts = _participants("target", tok, actors, text)
        people = venue and not _state_property(tok)
        roles.participants.extend([_residents(p, tok) for p in parts] if people else parts)
        roles.heads.setdefault("target", []).append(tok.lemma_.lower())


STATE_PROPERTY = frozenset(
    "government state official presidential ministry parliament military army embassy".split()
)


def _state_property(place: Token) -> bool:
    """'strike government buildings in Kyiv': what is hit there is the state's, so the place
    stands for its government, not its people."""
    prep = place.head
    owner = prep.head if prep.dep_ == "prep" else None
    if owner is None:
        return False
    # the place phrase may hang on the thing hit or on the verb that hits it ("shell ... in")
    things = (
        [owner] if owner.pos_ in ("NOUN", "PROPN") else [c for c in owner.children if c.dep_ in OBJ]
    )
    words = {t.lemma_.lower() for n in things for t in (*n.lefts, n)}
    return bool(words & STATE_PROPERTY)


COMPASS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern".split()
)


def _capital(name: str, iso: str) -> bool:
    """Is `name` a capital of the country `iso` (the actors KB's list)?"""
    from eventwire.actors.kb import load_kb

    country = load_kb().countries.get(iso)
    return country is not None and name.lower() in {c.lower() for c in country.capitals}


def _residents(part: Participant, tok: Token) -> Participant:
    """'clashed in eastern Kazakhstan', 'raided a village in western Cambodia': the region where
    a coercive act happens is hit through its people (country + CVL); a country or its capital
    stays the government it stands for."""
    from eventwire.actors.refs import composite_ref
    from eventwire.events.placenames import place_entry, proper_name

    found = place_entry(proper_name(tok)) if tok.pos_ == "PROPN" else None
    country = part.actor.country if part.actor is not None else None
    country = country or (found[0] if found else None)
    if country is None or len(country) != 3 or country in ("IGO", "NGO"):
        return part
    compass = any(c.lemma_.lower() in COMPASS for c in tok.children)
    if not compass and (found is None or found[1] == "country" or _capital(tok.text, country)):
        return part  # a country or its capital stays the government it stands for
    ref = composite_ref(country, ["CVL"], "people", part.text)
    return part.model_copy(update={"actor": ref})


def _anchor_venues(trig: Trigger) -> list[tuple[str, Token]]:
    """'troops remained on alert in the West Bank', 'declared a curfew in the port': the place
    phrase hangs on the verb the noun trigger depends on, not on the noun."""
    head = trig.head
    if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        out: list[tuple[str, Token]] = []  # "instituted a curfew in the port": on the verb
        _prep_slots(head.head, out)
        return out
    if head.pos_ != "NOUN" or head.dep_ != "pobj" or head.head.dep_ != "prep":
        return []
    verb = head.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    out = []
    _prep_slots(verb, out, skip=head.head)
    return out


def is_place_target(trig: Trigger, tok: Token) -> bool:
    """'attack the city', 'shelled Kharkiv': a place as the object of a conflictual act is its target."""
    if trig.entry.type not in PLACE_TARGETS:
        return False
    return is_place(tok) or tok.lemma_.lower() in PLACE_NOUNS


def _taken(tok: Token, roles: Roles) -> bool:
    """True if the phrase headed by `tok` overlaps a participant already found."""
    start, end = np_bounds(tok)
    return any(p.start < end and start < p.end for p in roles.participants)


def _theme_actors(head: Token, preps: frozenset[str]) -> list[Token]:
    """'Saddam's proposal', 'a Senegalese plan', 'aid to Serbia', 'the withdrawal of Serb forces'."""
    out: list[Token] = []
    for c in head.children:
        if c.dep_ == "poss" and c.lower_ not in PRONOUN_POSS:
            out.append(c)
        elif c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and is_actorlike(p) and p.lower_ not in PRONOUN_POSS:
                    out.append(p)
                elif p.dep_ == "pobj":
                    out.extend(_theme_actors(p, preps)[:1])
    return out
