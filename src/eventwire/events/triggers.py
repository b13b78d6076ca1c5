"""Find event triggers in a parsed sentence: light verbs, phrasal verbs, verbs, eventive nouns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.morph import known_lemma
from eventwire.events.syntax import OBJ, PASS_SUBJ

LIGHT_OBJ_DEPS = OBJ | PASS_SUBJ | {"oprd", "attr", "nsubj"}
# Light verbs whose noun comes through a preposition: "participate in talks", "go on strike",
# "spoke by phone" / "talked over the telephone" / "spoke on the phone", "embarked on a tour",
# "was stripped of his citizenship" (issue 13).
PREP_LIGHT: dict[str, frozenset[str]] = {
    "participate": frozenset({"in"}), "engage": frozenset({"in"}), "go": frozenset({"on"}),
    "take": frozenset({"to"}), "enter": frozenset({"into"}), "join": frozenset({"in"}),
    "open": frozenset({"on"}), "step": frozenset({"up"}), "withdraw": frozenset({"from"}),
    "speak": frozenset({"in", "by", "over", "on"}), "come": frozenset({"under"}),
    "talk": frozenset({"by", "over", "on"}), "confer": frozenset({"by", "over", "on"}),
    "embark": frozenset({"on"}), "strip": frozenset({"of"}),
}  # fmt: skip
QUANTITY = frozenset(
    "dozen hundred thousand million score number group handful lot couple more some several".split()
)
KIND_CONFIDENCE = {
    "light": 0.85,
    "phrasal": 0.83,
    "verb": 0.8,
    "noun": 0.65,
    "label": 0.7,
    "report": 0.4,
}
VERB_PREFIXES = ("re", "over", "out", "with", "up", "under", "mis")
IRREGULAR_PAST = {
    "took": "take", "taken": "take", "ran": "run", "drew": "draw", "drawn": "draw",
    "threw": "throw", "thrown": "throw", "fought": "fight", "shot": "shoot", "struck": "strike",
    "sent": "send", "gave": "give", "given": "give", "broke": "break", "broken": "break",
    "held": "hold", "began": "begin", "begun": "begin", "wrote": "write", "written": "write",
    "stood": "stand", "came": "come", "went": "go", "gone": "go", "made": "make",
}  # fmt: skip
# Modifiers that make a light verb's noun another type of act ("joint exercises").
OWN_TYPE_MODIFIERS = frozenset({"joint"})
# Particles that can change what a light verb's object means ('call off', 'pull out of').
PARTICLES = frozenset({"off", "out", "back", "down", "up", "over"})
NOT_EVENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
# Prepositions whose object is the standing arrangement an act is done by ("released under
# the deal", "per the agreement"), an event told before, not one reported here.
FRAME_PREPS = frozenset({"under", "per"})
# ... but what one is put or kept under is done to them: "placed under house arrest", "a city
# under siege", "under curfew", "came under fire / attack".
UNDER_STATES = frozenset(
    "arrest siege curfew blockade fire attack bombardment shelling occupation lockdown".split()
)
NOMINAL_DEPS = frozenset({"amod", "compound", "dobj", "pobj", "nsubj", "nsubjpass", "appos"})


@dataclass(frozen=True)
class Trigger:
    """A predicate found in the text, with the lexicon entry that codes it."""

    entry: Entry
    head: Token  # the verb (or the noun, for noun triggers) whose dependents give roles
    tokens: tuple[Token, ...]  # the words of the trigger: verb, particle, object noun
    noun: Token | None = None  # the eventive noun of a light verb or of a noun trigger
    particle: Token | None = None  # the preposition / particle of a phrasal verb

    @property
    def kind(self) -> str:
        """The lexicon entry's kind: verb, phrasal, light, noun, report, label."""
        return self.entry.kind

    @property
    def bounds(self) -> tuple[int, int]:
        """Character span covering every word of the trigger."""
        first = min(self.tokens, key=lambda t: t.i)
        last = max(self.tokens, key=lambda t: t.i)
        return first.idx, last.idx + len(last.text)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, or a regular de-inflection the lexicon knows ('cordoned' -> 'cordon')."""
    return known_lemma(verb.lemma_.lower(), verb.lower_, lex.verb_lemmas)


def _quantified(tok: Token) -> list[Token]:
    """'dozens of hostages' -> [dozens, hostages]: the noun behind a quantity word."""
    if tok.ent_type_ in ("CARDINAL", "QUANTITY") or tok.lemma_.lower() in QUANTITY:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return [tok, *(p for p in prep.children if p.dep_ == "pobj")]
    return [tok]


def _light_objects(verb: Token) -> list[Token]:
    """Nouns that can complete a light verb: objects, passive subjects, 'in'/'on' objects."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in LIGHT_OBJ_DEPS and (c.dep_ != "nsubj" or verb.lemma_ == "be"):
            out.extend(_quantified(c))
        elif c.dep_ in ("prep", "agent") and c.lower_ in PREP_LIGHT.get(verb.lemma_.lower(), ()):
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prt":
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "xcomp" and c.tag_ == "VBG":  # 'stopped attacking' = 'stopped attacks'
            out.append(c)
        elif c.dep_ in ("ccomp", "acomp") and c.pos_ == "ADJ":  # 'found them guilty'
            out.append(c)
        elif c.dep_ in SMALL_CLAUSE_DEPS and c.pos_ == "NOUN" and not _has_subject(c):
            out.append(c)  # 'took three foreigners hostage': the parse makes 'hostage' a clause
    return out


# A bare noun the parse hangs under the verb as a clause: the predicate of a small clause
# ('took them hostage'), which completes a light verb like an object.
SMALL_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})  # "oprd" is a light object already


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children)


def _compound(lex: Lexicon, head: str, modifier: Token) -> Entry | None:
    """A multiword noun by its modifier's lemma or, failing that, its written form: the
    lemmatizer reads plural-only modifiers as singulars ('media blackout' -> 'medium')."""
    return lex.nouns.get((head, _lemma(modifier))) or lex.nouns.get((head, modifier.lower_))


def _specific(entry: Entry, noun: Token, lex: Lexicon) -> Entry:
    """'carried out a gas attack', 'started a hunger strike': the compound noun's finer code.

    The light verb keeps its frame; the code and mode come from the multiword noun entry when
    it is of the same type; a modifier that names another kind of act ('held joint exercises':
    military cooperation, not a show of force) gives the noun entry's type too (issue 13).
    So does a compound naming the noun's own sense when the light row reads the noun in
    another: 'launch strike' is an attack, but 'launched a *hunger* strike' performs a protest
    as the bare noun 'strike' is one ('called off a hunger strike' keeps its row: 'call off'
    performs nothing). A performing verb's carrier noun ('launched a *relief* operation')
    is the act its compound names (issue 13).
    """
    performs = entry.lemma in lex.performers
    alone = lex.nouns.get((_lemma(noun), ""))
    for c in noun.children:
        if c.dep_ in ("compound", "amod"):
            found = _compound(lex, _lemma(noun), c)
            if found is not None and found.type == entry.type:
                return replace(entry, mode=found.mode or entry.mode, cameo=found.cameo)
            own_sense = (
                performs and found is not None and alone is not None and alone.type == found.type
            )
            if found is not None and (c.lower_ in OWN_TYPE_MODIFIERS or own_sense):
                return replace(entry, type=found.type, mode=found.mode, cameo=found.cameo)
            if performs and c.dep_ == "compound" and _lemma(noun) in CARRIER_NOUNS:
                act = lex.nouns.get((_lemma(c), "")) or lex.nouns.get((c.lower_, ""))
                if act is not None and act.type != entry.type:
                    return replace(entry, type=act.type, mode=act.mode, cameo=act.cameo)
    return entry


def hyphen_pieces(tok: Token) -> tuple[Token, ...]:
    """The tokens of the hyphenated word a token is part of ('build', '-', 'up'), or the token."""
    doc, first, last = tok.doc, tok.i, tok.i
    if tok.whitespace_ and (first == 0 or doc[first - 1].whitespace_):
        return (tok,)  # spaced on both sides: no tight hyphen (the common case, kept cheap)

    def joined(i: int) -> bool:  # doc[i] is a hyphen written tight between two words
        return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    while first >= 2 and joined(first - 1):
        first -= 2
    while last + 2 < len(doc) and joined(last + 1):
        last += 2
    return tuple(doc[first : last + 1])


def hyphen_word(tok: Token) -> str:
    """'sit-in', 'walk-out', 'cease-fire': the whole hyphenated word a token is part of.

    The English tokenizer splits at infix hyphens, and the parse may make either part the head,
    so a light verb's object is looked up by the written word as well (issue 13).
    """
    pieces = hyphen_pieces(tok)
    return "".join(t.text for t in pieces).lower() if len(pieces) > 1 else tok.lower_


def noun_keys(tok: Token) -> list[str]:
    """The forms a noun is looked up by: the hyphenated word it ends ('sit-in', 'build-up'),
    the same closed up ('walk-out' -> 'walkout', 'crack-down' -> 'crackdown'), which the
    lexicon spells either way, then its lemma and written form (issue 13)."""
    word = hyphen_word(tok)
    keys = [word, word.replace("-", "")] if word != tok.lower_ else []
    return list(dict.fromkeys([*keys, _lemma(tok), tok.lower_]))


def _particle_dep(verb: Token, c: Token) -> bool:
    """A particle as the parser attaches it: prt, prep, or an adverb right after the verb
    ("stepped down", "pulled back": the parse often makes these advmod; issue 13)."""
    return c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.i == verb.i + 1)


def _particles(verb: Token) -> list[Token]:
    """The verb's particles ('called off', 'pulled out of', 'gave up'), as the parser attaches them."""
    return [c for c in verb.children if _particle_dep(verb, c) and c.lower_ in PARTICLES]


def _of_objects(particle: Token) -> list[Token]:
    """'pulled out of the talks': the object of the 'of' under a particle."""
    return [
        p
        for of in particle.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for p in of.children
        if p.dep_ == "pobj"
    ]


def _light_match(
    verb: Token, key_verb: str, objects: list[Token], lex: Lexicon, particle: Token | None
) -> Trigger | None:
    for obj in objects:
        for key in noun_keys(obj):
            entry = lex.light.get((key_verb, key))
            if entry is None:
                continue
            parts = tuple(t for t in (verb, particle, obj) if t is not None)
            return Trigger(_specific(entry, obj, lex), verb, parts, noun=obj, particle=particle)
    return None


def light_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """'hold talks', 'talks were held', 'participate in talks', 'open fire'.

    Rows keyed by verb and particle ('call_off strike', 'pull_out talks') come first, since the
    particle can turn the light verb's meaning round ('called off the strike').
    """
    lemma = _verb_lemma(verb, lex)
    objects = _light_objects(verb)
    for particle in _particles(verb):
        own = objects + _of_objects(particle)
        found = _light_match(verb, f"{lemma}_{particle.lower_}", own, lex, particle)
        if found is not None:
            return found
    return _light_match(verb, lemma, objects, lex, None)


def _dates(prep: Token) -> bool:
    """'agreed on Friday', 'called on Wednesday for': a time phrase, not the verb's particle."""
    return prep.dep_ == "prep" and any(
        p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children
    )


def phrasal_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """'call for', 'pull out', 'meet with': a verb with its particle or preposition."""
    lemma = _verb_lemma(verb, lex)
    for c in verb.children:
        if not _particle_dep(verb, c) or c.lower_ not in lex.particles or _dates(c):
            continue
        entry = lex.phrasal.get((lemma, c.lower_))
        if entry is not None and (entry.frame.get("need") != "obj" or _has_object(verb)):
            return Trigger(entry, verb, (verb, c), particle=c)  # 'drove out the rebels'
    return None


def clause_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """A verb whose sense a reported clause selects, as a 'that' row ('charge that' the vote
    was rigged: an accusation; 'charged him with fraud' keeps the verb's own row)."""
    entry = lex.phrasal.get((_verb_lemma(verb, lex), "that"))  # few verbs have one
    if entry is None or any(c.dep_ in OBJ or c.dep_ == "dative" for c in verb.children):
        return None
    return Trigger(entry, verb, (verb,)) if any(c.dep_ == "ccomp" for c in verb.children) else None


# Verbs of offering whose infinitive is what is offered ("offered to mediate"); complements
# that make them a forecast instead ("promises to be tough").
OFFER_VERBS = frozenset({"promise", "pledge", "offer", "propose", "undertake"})
COPULAR = frozenset({"be", "become", "remain", "prove", "seem", "get"})


def _promised_act(verb: Token, comp: Token) -> bool:
    """'promised to hold elections': an offering verb with an infinitive act as its object."""
    return verb.lemma_.lower() in OFFER_VERBS and comp.lemma_.lower() not in COPULAR


def _has_object(verb: Token) -> bool:
    """Direct object, passive subject, or a clause with its own subject ("allow X to return")."""
    for c in verb.children:
        if c.dep_ in OBJ or c.dep_ in PASS_SUBJ or c.dep_ == "dative":
            return True
        if c.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" for g in c.children):
            return True
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and _promised_act(verb, c):
            return True  # "promised to hold elections": the act promised is the object
    return verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"


def prefixed_lemma(word: str) -> str | None:
    """'retook' -> 'retake', 'overran' -> 'overrun': irregular pasts the lemmatizer leaves alone."""
    for prefix in VERB_PREFIXES:
        stem = word[len(prefix) :] if word.startswith(prefix) else ""
        if stem in IRREGULAR_PAST:
            return prefix + IRREGULAR_PAST[stem]
    return None


# Verbs of coming together, which a purpose infinitive says the point of: "gathered to welcome
# the president" is the welcome, "gathered to denounce the arrests" a demonstration.
ASSEMBLY_VERBS = frozenset({"gather", "assemble", "congregate"})
# Purposes that make a gathering a protest: to denounce, reject, demand or threaten.
PROTEST_PURPOSES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def _purpose(verb: Token) -> Token | None:
    """The to-infinitive saying what a verb is done for ('gathered *to welcome* the king')."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB":
            if any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children):
                return c
    return None


def _assembly(verb: Token, entry: Entry, lex: Lexicon) -> Trigger | None:
    """A gathering with a purpose is coded by it: a protest when the purpose is to denounce,
    reject or demand; nothing of its own when the purpose codes itself ('to protest', 'to
    welcome') or is no event ('to mourn', 'to watch'). A crowd is not a protest for being a
    crowd (issue 13)."""
    purpose = _purpose(verb)
    if purpose is None:
        return Trigger(entry, verb, (verb,))
    act = verb_trigger(purpose, lex)
    if act is None or act.entry.type not in PROTEST_PURPOSES:
        return None
    protest = replace(entry, type="PROTEST", mode="demo", cameo="141")
    return Trigger(protest, verb, (verb,))


def verb_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """A verb by lemma, most specific construction first (light, phrasal, plain, report)."""
    found = light_trigger(verb, lex) or phrasal_trigger(verb, lex) or clause_trigger(verb, lex)
    if found is not None:
        return found
    lemma = _verb_lemma(verb, lex)
    if lemma not in lex.verbs and lemma not in lex.report:
        lemma = prefixed_lemma(verb.lower_) or lemma
    entry = lex.verbs.get(lemma)
    if entry is not None and lemma in ASSEMBLY_VERBS:
        return _assembly(verb, entry, lex)
    if entry is not None and (entry.frame.get("need") != "obj" or _has_object(verb)):
        return Trigger(entry, verb, (verb,))
    report = lex.report.get(lemma)
    if report is not None:
        return Trigger(report, verb, (verb,))
    return None


# Nouns of light verbs whose act their 'of' object names, as the verb's object does: "the use
# of chemical weapons" is what "used chemical weapons" is, "the firing of tear gas", "the
# deployment of peacekeepers", "the imposition of a curfew", "the lifting of sanctions".
NOMINAL_LIGHT = {
    "use": "use", "usage": "use", "deployment": "deploy", "firing": "fire", "imposition": "impose",
    "lifting": "lift", "launch": "launch", "launching": "launch", "holding": "hold",
    "staging": "stage", "dispatch": "dispatch", "sending": "send",
}  # fmt: skip


def nominal_light(noun: Token, lex: Lexicon) -> Trigger | None:
    """'the use of tear gas on protesters': the light row of the noun's verb and its 'of'
    object, with the noun as head (its possessor, 'by' and 'against' phrases give roles)."""
    verb = NOMINAL_LIGHT.get(_lemma(noun))
    if verb is None or (noun.dep_ == "nsubj" and _lemma(noun.head) == "be"):
        return None  # "the use of force would be a mistake": a judgement, not a report
    objects = [
        p
        for of in noun.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for p in of.children
        if p.dep_ == "pobj"
    ]
    return _light_match(noun, verb, [q for p in objects for q in _quantified(p)], lex, None)


def noun_trigger(noun: Token, lex: Lexicon) -> Trigger | None:
    """An eventive noun ('talks in Paris', 'the attack on Rafah', 'air strike')."""
    if noun.dep_ == "compound" or noun.ent_type_ in NOT_EVENTS:
        return None  # "ceasefire talks" (modifier), "in early March" (a date)
    lemma = _lemma(noun)
    if noun.dep_ == "pobj" and noun.head.lower_ in FRAME_PREPS and lemma not in UNDER_STATES:
        return None  # "under the deal": the frame of what is reported, not a new event
    nominal = nominal_light(noun, lex)
    if nominal is not None:
        return nominal
    pieces = hyphen_pieces(noun)  # "a build-up of forces": the parse heads it by 'up'
    keys = noun_keys(noun)
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c not in pieces:
            entry = next((e for k in keys if (e := _compound(lex, k, c)) is not None), None)
            if entry is not None:
                return Trigger(entry, noun, (c, *pieces), noun=noun)
    entry = next((lex.nouns[k, ""] for k in keys if (k, "") in lex.nouns), None)
    if entry is None and lemma in CARRIER_NOUNS:
        return _carried(noun, lex)
    return Trigger(entry, noun, pieces, noun=noun) if entry is not None else None


# Nouns that only package acts: "a bombing campaign", "an arrest drive" are the bombing and the
# arrests, with the package's place in the sentence.
CARRIER_NOUNS = frozenset("campaign operation wave spree drive blitz".split())


def _carried(noun: Token, lex: Lexicon) -> Trigger | None:
    """The act a carrier noun packages, named by its compound ("a *bombing* campaign")."""
    for c in noun.children:
        if c.dep_ != "compound":
            continue
        entry = lex.nouns.get((_lemma(c), "")) or lex.nouns.get((c.lower_, ""))
        if entry is not None:
            return Trigger(entry, noun, (c, noun), noun=noun)
    return None


# Verbs of being whose 'on' object is the state the subject is in ('are on strike', 'remained
# on hunger strike', 'stayed on strike'), and the types of acts one is 'on' that way.
STATE_VERBS = frozenset({"be", "remain", "stay", "go", "keep", "continue"})
ON_STATE_TYPES = frozenset({"PROTEST"})


def state_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """'Dock workers have been on strike', 'two prisoners are on hunger strike': an event noun
    after 'on' a verb of being takes is its subject's act, coded by the noun (issue 13)."""
    if _lemma(verb) not in STATE_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "on":
            continue
        for noun in prep.children:
            found = noun_trigger(noun, lex) if noun.dep_ == "pobj" else None
            if found is not None and found.entry.type in ON_STATE_TYPES:
                # coded as the light row 'go on strike' is: the verb's row, the noun's code
                entry = replace(found.entry, kind="light", lemma=_lemma(verb), extra=_lemma(noun))
                return Trigger(entry, verb, (verb, prep, *found.tokens), noun, prep)
    return None


def _plain_copula(aux: Token) -> bool:
    """'are', 'have been': a copula with no negation or modal, whose status the events stage
    reads as a noun's would (it does not see 'not' or 'will' on an auxiliary head)."""
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and _lemma(c) not in ("have", "be"))
        for c in aux.children
    )


def _verb_tagged_noun(tok: Token) -> bool:
    """'Activists decry new policy', 'Kenya thanks the Emirates': a word the tagger called a
    noun but the parser gave a subject and a direct object, as only a verb has."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "dobj" in deps and bool(deps & {"nsubj", "compound", "amod"}) and tok.i > 0


def find_triggers(sent: SpacySpan, lex: Lexicon) -> list[Trigger]:
    """Every trigger of a sentence; nouns used by a light verb are not triggers again."""
    verbs: list[Trigger] = []
    nouns: list[Trigger] = []
    for tok in sent:
        if (
            tok.pos_ == "VERB" and tok.dep_ not in NOMINAL_DEPS
        ):  # not "the wounded", "besieged town"
            found = verb_trigger(tok, lex) or state_trigger(tok, lex)
            if found is not None:
                verbs.append(found)
        elif tok.pos_ == "AUX" and tok.dep_ not in NOMINAL_DEPS and _plain_copula(tok):
            found = state_trigger(tok, lex)  # 'are on strike': the copula hosts the noun
            if found is not None:
                verbs.append(found)
        elif tok.pos_ in ("NOUN", "PROPN"):
            found = noun_trigger(tok, lex)
            if found is not None:
                nouns.append(found)
            elif _verb_tagged_noun(tok):
                found = verb_trigger(tok, lex)
                if found is not None:
                    verbs.append(found)
    used = {t.noun.i for t in verbs if t.noun is not None}
    verbs = [v for v in verbs if v.head.i not in used]  # 'stopped attacking': one event
    # 'the use of chemical weapons', 'the firing of rockets': the object is no event again
    used |= {t.noun.i for t in nouns if t.kind == "light" and t.noun is not None}
    return verbs + [n for n in nouns if n.head.i not in used]
