"""The events stage: triggers + roles + status -> `Event` records, sentence by sentence."""

from __future__ import annotations

import hashlib

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.attribution.headline import recased_title
from eventwire.events.backoff import backoff_drafts
from eventwire.events.coding import (
    COMMIT_VERBS,
    commitment_type,
    quad_goldstein,
    refine,
    refine_by_actors,
    refine_by_theme,
    refine_cyber,
    refine_expel,
    refine_test_fire,
)
from eventwire.events.derived import (
    THREAT_CODES,
    THREAT_MODES,
    Draft,
    demands,
    intents,
    orders,
    refusals,
)
from eventwire.events.lexicon import STATEMENT, Lexicon, load_lexicon
from eventwire.events.modes import assault_mode
from eventwire.events.restate import CESSATION_NOUNS, merge_restatements
from eventwire.events.roles import (
    ActorIndex,
    _container,
    _noun_anchor,
    extract_roles,
    frame_for,
)
from eventwire.events.status import Modality, modality
from eventwire.events.syntax import OBJ, PASS_SUBJ, clause_depth, is_passive, raised_infinitives
from eventwire.events.targets import PlaceMemo, fill_actors
from eventwire.events.triggers import KIND_CONFIDENCE, Trigger, find_triggers, noun_trigger
from eventwire.model import ActorMention, Event, Plover, Provenance, Sentence, Span
from eventwire.nlp.parse import Parsed, doc_text

THEME_DEPS = OBJ | PASS_SUBJ | {"attr", "oprd"}
UNREAL = frozenset({"hypothetical", "threatened", "planned", "expected", "negated"})
OCCUR_VERBS = frozenset(
    """take occur happen erupt break continue begin start rage escalate spread resume end turn
    intensify follow paralyse paralyze cripple sweep rock grip engulf shake disrupt hit reach
    arrive flare unfold last open conclude close""".split()
)  # "a strike paralysed the ports", "protests swept the capital", "aid arrived" (issue 13)
ANONYMITY = frozenset({"name", "identify", "quote"})


def event_id(article_id: str, sentence: int, start: int, end: int, salt: str = "") -> str:
    """Stable id: hash of article id, sentence index and trigger offsets (salted on a tie)."""
    raw = f"{article_id}\x00{sentence}\x00{start}\x00{end}" + (f"\x00{salt}" if salt else "")
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def actor_index(parsed: Parsed, actors: list[ActorMention]) -> ActorIndex:
    """Map token indexes to the actor mention covering them."""
    by_token: dict[int, ActorMention] = {}
    for m in actors:
        span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                by_token.setdefault(tok.i, m)
    return ActorIndex(by_token, sorted(actors, key=lambda m: m.start))


def _is_theme_noun(trig: Trigger, verb_triggers: dict[int, Trigger]) -> bool:
    """A noun that is the object of a coded verb is its theme, not an event of its own."""
    noun = trig.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    gov = verb_triggers.get(noun.head.i)
    if noun.dep_ in THEME_DEPS and gov is not None:
        return gov.kind != "report"  # "announced a suspension" is the suspension
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        gov = verb_triggers.get(noun.head.head.i)
        if gov is not None:
            prep = noun.head
            is_particle = gov.particle is not None and prep.i == gov.particle.i
            return is_particle or prep.lower_ in frame_for(gov)
    return False


def _object_of(trig: Trigger, verb_triggers: dict[int, Trigger]) -> bool:
    """An event noun that a verb of commitment or cessation takes as its object ("promised
    more arrests", "suspended the raids"): its type says what is promised or stopped."""
    gov = verb_triggers.get(trig.head.head.i)
    if gov is None or trig.head.dep_ not in THEME_DEPS:
        return False
    return gov.entry.lemma in COMMIT_VERBS or gov.head.lemma_.lower() in CESSATION_VERBS


def _description_penalty(head: Token) -> float:
    """'a militia backed by Iran': a participle describing a noun is background, not the news."""
    return 0.1 if head.dep_ == "acl" and head.tag_ == "VBN" else 0.0


def _draft(trig: Trigger, index: ActorIndex, text: str) -> Draft:
    """Roles, status and codes of one trigger."""
    nominal = trig.head.pos_ != "VERB"
    anchor = _noun_anchor(trig.head) if nominal else None
    roles = extract_roles(trig, index, text)
    mod = modality(trig.head, anchor, nominal=nominal)
    start, end = trig.bounds
    entry = trig.entry
    theme_head = (
        text[roles.theme.start : roles.theme.end].split()[-1].lower() if roles.theme else None
    )
    type_, mode, cameo = refine_by_theme(entry.type, entry.mode, entry.cameo, theme_head)
    targets = roles.heads.get("target", [])
    type_, mode, cameo = refine_expel(type_, mode, cameo, targets[0] if targets else theme_head)
    type_, mode, cameo = refine_by_actors(type_, mode, cameo, entry.lemma, roles.heads)
    type_, mode, cameo = refine_cyber(type_, mode, cameo, trig.head)
    type_, mode, cameo = refine_test_fire(type_, mode, cameo, trig.head)
    if type_ == "ASSAULT":
        mode, cameo = assault_mode(trig.head, mode, cameo)
    base = KIND_CONFIDENCE[entry.kind] + (
        0.1 if anchor is not None and entry.kind == "noun" else 0.0
    )
    conf = base - 0.1 * clause_depth(anchor or trig.head) - _description_penalty(trig.head)
    return Draft(
        trig,
        roles,
        mod,
        start,
        end,
        type_,
        mode,
        cameo,
        f"events.triggers:{entry.rule}",
        round(max(conf, 0.1), 2),
    )


def _event_of(obj: Token, by_head: dict[int, Draft]) -> Draft | None:
    """The event an object noun is, or the event compound naming it ("renew their *bombing*
    campaign")."""
    if obj.i in by_head:
        return by_head[obj.i]
    return next(
        (by_head[c.i] for c in obj.children if c.dep_ == "compound" and c.i in by_head), None
    )


def _object_event(verb: Token, by_head: dict[int, Draft]) -> Draft | None:
    """The event noun a verb takes as its direct object (see `_event_of`)."""
    for o in verb.children:
        found = _event_of(o, by_head) if o.dep_ == "dobj" else None
        if found is not None:
            return found
    return None


def _complement(draft: Draft, by_head: dict[int, Draft]) -> Draft | None:
    """The coded event in the xcomp/ccomp of a THREATEN/REQUEST/REJECT predicate: the clause's
    verb, or the event noun it takes ("threatened to impose a *curfew* in X": the curfew). A
    commitment verb may take the act as its own object ("promised more *arrests*")."""
    head = draft.trigger.head
    for c in head.children:
        if c.dep_ in ("xcomp", "ccomp") and c.i in by_head:
            return by_head[c.i]
    for c in head.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            obj = _object_event(c, by_head)
            if obj is not None:
                return obj
    if draft.trigger.noun is None and draft.trigger.entry.lemma in COMMIT_VERBS:
        return _object_event(head, by_head)
    return None


def _span_of(tok: Token, *, core: bool = False) -> Span:
    """Span of a token's subtree; `core` keeps only the predicate and its objects."""
    first, last = tok.left_edge, tok.right_edge
    if core:
        keep = [tok] + [
            c for c in tok.children if c.dep_ in ("dobj", "prt", "dative", "neg", "aux")
        ]
        first = min((k.left_edge for k in keep), key=lambda t: t.i)
        last = max((k.right_edge if k.dep_ == "dobj" else k for k in keep), key=lambda t: t.i)
    end = last.idx + len(last.text)
    return Span(text=doc_text(tok.doc)[first.idx : end], start=first.idx, end=end)


def link_complements(drafts: list[Draft], objects: tuple[Draft, ...] = ()) -> None:
    """'threatening to attack X' -> THREATEN takes mode, code, target and theme from the attack.

    `objects` are event nouns kept out as themes of their verb ("promised more arrests"): they
    are not events of their own, but say what a commitment commits to."""
    by_head = {d.trigger.head.i: d for d in objects}
    by_head.update({d.trigger.head.i: d for d in drafts})
    for d in drafts:
        if d.type not in ("THREATEN", "REQUEST", "REJECT", "AGREE"):
            continue
        inner = _complement(d, by_head)
        xcomp = next((c for c in d.trigger.head.children if c.dep_ == "xcomp"), None)
        if d.roles.theme is None and xcomp is not None:
            d.roles.theme = _span_of(xcomp)
        if inner is None:
            continue
        if d.type == "REJECT" and inner.type == STATEMENT:  # "declined to comment": CAMEO 011
            d.type, d.mode, d.cameo = STATEMENT, None, "011"
            continue
        conditional = (d.modality.condition or inner.modality.condition) is not None
        committed = commitment_type(
            d.type, d.trigger.entry.lemma, inner.type, conditional=conditional
        )
        if committed != d.type:
            d.type, d.mode, d.cameo = committed, None, "030" if committed == "AGREE" else "130"
            if committed == "THREATEN" and inner.modality.status in ("planned", "conditional"):
                inner.modality = Modality("threatened", inner.modality.condition)
        d.mode, d.cameo = refine(d.type, d.mode, d.cameo, inner.type)
        if d.type == "THREATEN" and inner.mode in THREAT_MODES:  # "threatened to impose a curfew"
            d.mode, d.cameo = inner.mode, THREAT_CODES.get(inner.mode or "", d.cameo)
        if d.type == "THREATEN" or not any(p.role == "target" for p in d.roles.participants):
            d.roles.participants.extend(p for p in inner.roles.participants if p.role == "target")
        if d.type == "THREATEN":
            d.roles.theme = inner.roles.theme or d.roles.theme


# Stopping an act de-escalates by what is stopped: halting attacks or air strikes is a ceasefire
# (RETREAT, 0871), calling off a strike or ending a curfew or sanctions a yield (CONCEDE 08x).
CESSATION_VERBS = frozenset(
    "suspend halt stop end cease lift abandon drop scrap cancel freeze pause shelve".split()
)
CEASED = {
    "ASSAULT": ("RETREAT", "ceasefire", "0871"),
    "PROTEST": ("CONCEDE", None, "082"),
    "COERCE": ("CONCEDE", None, "081"),
    "SANCTION": ("CONCEDE", None, "085"),
}
PLAN_NOUNS = frozenset("plan plans intention bid decision threat threats".split())


def _ceased(d: Draft, by_head: dict[int, Draft], lex: Lexicon) -> str | None:
    """The type of the act a cessation verb or noun stops ("halted the *air strikes*", "a
    suspension of *attacks*", "suspended plans to *impose* a curfew"), if it is coded."""
    head, trig = d.trigger.head, d.trigger
    if trig.kind == "noun":
        if head.lemma_.lower() not in CESSATION_NOUNS:
            return None
        objects = [g for c in head.children if c.lower_ == "of" for g in c.children]
    elif head.lemma_.lower() in CESSATION_VERBS:
        objects = [c for c in head.children if c.dep_ in OBJ or c.dep_ in PASS_SUBJ]
    else:
        return None
    for obj in objects:
        if trig.kind == "light" and trig.noun is not None and obj.i == trig.noun.i:
            own = noun_trigger(obj, lex)  # "halted air strikes": the compound decides
            return own.entry.type if own is not None else None
        found = _event_of(obj, by_head) if obj.dep_ in OBJ else by_head.get(obj.i)
        if found is None and obj.lemma_.lower() in PLAN_NOUNS:
            found = next((by_head[c.i] for c in obj.children if c.i in by_head), None)
        if found is not None:
            return found.type
    return None


def link_cessations(drafts: list[Draft], objects: tuple[Draft, ...], lex: Lexicon) -> None:
    """Re-code a stop by what it stops: 'halted air strikes' is a ceasefire, not a yield."""
    by_head = {d.trigger.head.i: d for d in objects}
    by_head.update({d.trigger.head.i: d for d in drafts})
    for d in drafts:
        ceased = _ceased(d, by_head, lex)
        if ceased is None or ceased not in CEASED or CEASED[ceased][0] == d.type:
            continue
        d.type, d.mode, d.cameo = CEASED[ceased]


def label_events(sent: SpacySpan, lex: Lexicon, index: ActorIndex, text: str) -> list[Draft]:
    """'dismissed it as a deception', 'called them terrorists' -> ACCUSE by the subject."""
    out: list[Draft] = []
    for tok in sent:
        entry = lex.labels.get(tok.lemma_.lower())
        if entry is None or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
        if not (tok.dep_ in ("oprd", "pobj", "attr", "xcomp", "ccomp") and head.pos_ == "VERB"):
            continue
        verb_trig = Trigger(entry, head, (tok,), noun=tok)
        roles = extract_roles(verb_trig, index, text)
        roles.participants = [
            p for p in roles.participants if p.role != "target" or p.start != tok.idx
        ]
        for p in list(roles.participants):
            if p.role == "target" and roles.theme is None:
                roles.theme = Span(text=p.text, start=p.start, end=p.end)
        mod = modality(head, None, nominal=False)
        conf = KIND_CONFIDENCE["label"] - 0.1 * clause_depth(head)
        out.append(
            Draft(
                verb_trig,
                roles,
                mod,
                tok.idx,
                tok.idx + len(tok.text),
                entry.type,
                entry.mode,
                entry.cameo,
                f"events.find:{entry.rule}",
                round(max(conf, 0.1), 2),
            )
        )
    return out


# Verbs that host a visitor only when what they take is a party: "received the envoy" is a
# visit (CONSULT 043); "received medical treatment", "received reports", "received an award"
# are not events (goods received are AID, refined by theme before this).
HOSTING_ONLY_WITH_PARTY = frozenset({"receive"})


def _received_thing(d: Draft) -> bool:
    """'Many children received treatment': a hosting verb whose object is no party."""
    return (
        d.type == "CONSULT"
        and d.cameo == "043"
        and d.trigger.kind == "verb"
        and d.trigger.entry.lemma in HOSTING_ONLY_WITH_PARTY
        and d.roles.theme is not None
        and not any(p.role == "target" for p in d.roles.participants)
    )


def _occurrence_verb(verb: Token) -> bool:
    """A verb that says its subject takes place, itself or through the infinitive it raises
    ('erupted'; 'are expected to resume', 'are due to begin')."""
    if verb.lemma_.lower() in OCCUR_VERBS:
        return True
    return any(c.lemma_.lower() in OCCUR_VERBS for c in raised_infinitives(verb))


def _keep(d: Draft, others: bool) -> bool:
    """Drop statements when the sentence has other events, bare nouns, anonymity requests."""
    trig = d.trigger
    if d.type == STATEMENT:
        if trig.kind == "report" and is_passive(trig.head):
            return False  # "is expected to", "is believed to": no speaker, no statement
        if trig.kind == "light":
            return True  # an explicit speech act: "delivered remarks", "issued a statement"
        return not others or d.modality.status == "negated"
    if _received_thing(d):
        return False
    if d.type == "REQUEST" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in ANONYMITY for c in trig.head.children
    ):
        return False
    if trig.kind == "noun":
        head = _container(trig.head) or trig.head  # "a new round of talks opened"
        occurs = head.dep_ == "ROOT" or (
            head.dep_ in ("nsubj", "nsubjpass") and _occurrence_verb(head.head)
        )
        # a headline fragment ("Protests in Hamburg"), "fighting erupted", "talks are expected to
        # resume" / "talks are due to resume"
        return bool(d.roles.participants) or _noun_anchor(head) is not None or occurs
    return True


def _describes_speaker(d: Draft, drafts: list[Draft]) -> bool:
    """'two officials briefed on the negotiations said', 'a source close to the talks': an
    event noun inside the description of who speaks is how they know, not news."""
    head = d.trigger.head
    if d.trigger.kind != "noun":
        return False
    for r in drafts:
        if r.trigger.kind != "report":
            continue
        for subj in r.trigger.head.children:
            if subj.dep_ == "nsubj" and subj.i != head.i and _modifies(head, subj):
                return True
    return False


def _modifies(noun: Token, subj: Token) -> bool:
    """Is `noun` inside a participle or adjective describing `subj` ("officials *briefed on*
    the talks", "a source *close to* the talks"), and not in a relative clause of its own?"""
    path: list[Token] = []
    tok = noun
    while tok.i != subj.i:
        if tok.head.i == tok.i or len(path) > 8:
            return False  # not under the subject
        path.append(tok)
        tok = tok.head
    if any(t.dep_ == "relcl" for t in path):
        return False  # "Hamas, which holds hostages captured in the attack, said": news
    return any(t.dep_ == "acl" or t.pos_ == "ADJ" for t in path)


def sentence_drafts(sent: SpacySpan, lex: Lexicon, index: ActorIndex, text: str) -> list[Draft]:
    """All drafts of one sentence, complements linked, statements filtered."""
    triggers = find_triggers(sent, lex)
    verb_triggers = {t.head.i: t for t in triggers if t.head.pos_ == "VERB"}
    kept = [t for t in triggers if t.head.pos_ == "VERB" or not _is_theme_noun(t, verb_triggers)]
    drafts = [_draft(t, index, text) for t in kept]
    drafts += label_events(sent, lex, index, text)
    objects = tuple(
        _draft(t, index, text) for t in triggers if t not in kept and _object_of(t, verb_triggers)
    )
    link_complements(drafts, objects)
    link_cessations(drafts, objects, lex)
    drafts = orders(drafts, lex)
    drafts += refusals(drafts) + intents(drafts, lex) + demands(drafts)
    drafts = [d for d in drafts if not _describes_speaker(d, drafts)]
    kept_drafts = [d for d in drafts if d.type == STATEMENT or _keep(d, True)]
    others = any(d.type != STATEMENT and d.modality.status not in UNREAL for d in kept_drafts)
    final = merge_restatements([d for d in kept_drafts if _keep(d, others)])
    return final + backoff_drafts(sent, final, lex, index, text)  # issue 13: unseen words


def to_event(
    d: Draft, parsed: Parsed, sentence: Sentence, memo: PlaceMemo, salt: str = ""
) -> Event:
    """Freeze a draft into an `Event` record (participants lacking an actor get one if found)."""
    text = parsed.article.text
    quad, goldstein = quad_goldstein(d.cameo)
    return Event(
        id=event_id(parsed.article.id, sentence.index, d.start, d.end, salt),
        article_id=parsed.article.id,
        sentence=sentence.index,
        text=sentence.text,
        trigger=Span(text=text[d.start : d.end], start=d.start, end=d.end),
        plover=Plover(type=d.type, mode=d.mode),
        cameo=d.cameo,
        quad=quad,
        goldstein=goldstein,
        participants=fill_actors(d.roles.participants, memo.index, memo),
        theme=d.roles.theme,
        status=d.modality.status,
        condition=d.modality.condition,
        confidence=d.confidence,
        provenance=Provenance(stage="events", rule=d.rule, lexicon=d.trigger.entry.lexicon),
    )


def _sentence_record(
    parsed: Parsed, sent: SpacySpan, by_start: dict[int, Sentence]
) -> Sentence | None:
    """The `Sentence` record of a spaCy sentence (matched on its first non-space character);
    None for a whitespace-only one. Reads the doc's text by offsets (`sent.text` joins tokens)."""
    raw = doc_text(parsed.doc)[sent.start_char : sent.end_char]
    if not raw.strip():
        return None
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    found = by_start.get(start)
    if found is None:
        index = parsed.sentence_of(start)
        found = parsed.sentences[index] if index >= 0 else None
    return found


def _sentences(parsed: Parsed) -> list[SpacySpan]:
    """The article's sentences, a Title Case first line re-parsed in sentence case ("Denmark
    Arrests 20 in Regional Crackdown" parses as a name); offsets are the article's own."""
    sents = list(parsed.doc.sents)
    title = recased_title(parsed.article.text)
    if not title:
        return sents
    end = title[-1].end_char
    text = doc_text(parsed.doc)
    if any(s.start_char < end and text[end : s.end_char].strip() for s in sents):
        return sents  # the first line runs on into the body: not a title
    body = [s for s in sents if s.start_char >= end]
    head = [(t.i, t.idx) for t in parsed.doc if t.idx < end and not t.is_space]
    if head != [(t.i, t.idx) for s in title for t in s if not t.is_space]:
        return sents  # tokenised differently: actor look-ups by token would go astray
    return [*title, *body]


def _title_index(parsed: Parsed, sent: SpacySpan, actors: list[ActorMention]) -> ActorIndex:
    """Actors of a re-parsed title, less the names the Title Case misled the tagger into
    ("Rebels Quit Peace Talks" as one organisation): a name does not hold a verb."""
    verbs = [t.idx for t in sent if t.pos_ in ("VERB", "AUX")]
    return actor_index(parsed, [m for m in actors if not any(m.start <= v < m.end for v in verbs)])


def find_events(parsed: Parsed, actors: list[ActorMention]) -> list[Event]:
    """Code every sentence of a parsed article into events (see issue 4)."""
    lex = load_lexicon()
    index = actor_index(parsed, actors)
    memo = PlaceMemo(parsed.doc, index)
    text = parsed.article.text
    by_start = {s.start: s for s in parsed.sentences}
    events: list[Event] = []
    for sent in _sentences(parsed):
        sentence = _sentence_record(parsed, sent, by_start)
        if sentence is None:
            continue
        sent_index = index if sent.doc is parsed.doc else _title_index(parsed, sent, actors)
        seen: set[tuple[int, int]] = set()
        drafts = sentence_drafts(sent, lex, sent_index, text)
        for d in sorted(drafts, key=lambda d: (d.start, d.end)):
            salt = d.type if (d.start, d.end) in seen else ""
            seen.add((d.start, d.end))
            events.append(to_event(d, parsed, sentence, memo, salt))
    return events
