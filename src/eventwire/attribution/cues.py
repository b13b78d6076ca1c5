"""Find attribution cues in a parse: reporting verbs (with aux, particle, "in a statement")
and "according to"-style phrases. Cue spans follow PolNeAR's conventions ("has said")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.attribution.lexicon import CueVerb, lexicon, stems

_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_ADVERBS = frozenset(
    {
        "also",
        "repeatedly",
        "first",
        "now",
        "later",
        "previously",
        "again",
        "recently",
        "publicly",
        "privately",
        "often",
        "never",
        "long",
        "already",
        "once",
        "initially",
        "reportedly",
        "still",
        "frequently",
        "consistently",
        "separately",
        "earlier",
        "further",
        "even",
        "just",
        "then",
    }
)


_NOT_CUES = frozenset(
    {"be", "have", "do", "get", "make", "help", "allow", "let", "go", "become", "mean"}
)


@dataclass(frozen=True)
class Cue:
    """A cue found in the parse: its tokens (first..last), its head and lexicon sense."""

    head: Token
    tokens: tuple[Token, ...]
    sense: CueVerb | None
    source: Token | None = None  # set when not the verb's subject: "according to X", "X's call"
    content_head: Token | None = None  # whose dependents hold the content, if not the head


def _sense(tok: Token) -> CueVerb | None:
    """The lexicon sense of a verb token: a particle sense if its particle is present."""
    if not tok.tag_.startswith("VB"):
        return None
    senses = _lookup(tok)
    if not senses:
        return _generic(tok)
    kids = {c.lower_ for c in tok.children if c.dep_ in {"prep", "prt", "agent"}}
    kids |= {  # "see X as Y" with "as" hanging from X
        c.lower_ for o in tok.children if o.dep_ == "dobj" for c in o.rights if c.lower_ == "as"
    }
    for sense in senses:
        if sense.prep and sense.prep in kids:
            return sense
    if any(c.dep_ == "prt" for c in tok.children):
        return None  # another phrasal verb ("call off", "point up")
    return next((s for s in senses if not s.prep), None)


def _lookup(tok: Token) -> tuple[CueVerb, ...]:
    """Lexicon senses by lemma, else by the word stripped of its inflection ("hopes" -> "hope").

    The small model sometimes lemmatises a reporting verb wrongly ("hopes" -> "hop").
    """
    verbs = lexicon().verbs
    found = verbs.get(tok.lemma_.lower())
    if found:
        return found
    word = tok.lower_
    return next((verbs[s] for s in stems(word) if s != word and s in verbs), ())


def _generic(tok: Token) -> CueVerb | None:
    """Any other verb with a subject and a clausal complement reports a stance ("X hinted Y")."""
    if tok.pos_ != "VERB" or not tok.lemma_.isalpha() or tok.lemma_.lower() in _NOT_CUES:
        return None  # also "it’s", "that’s": a contraction the lemmatiser left unresolved
    if lexicon().sourceless.get(tok.lemma_.lower()) == "raising":
        return None  # "it appears (that) Y": a sourceless frame, see sourceless.py
    deps = {c.dep_ for c in tok.children}
    if "ccomp" in deps and deps & {"nsubj", "nsubjpass"}:
        return CueVerb(tok.lemma_.lower(), "mental", ("ccomp",))
    return None


def before(tok: Token) -> list[Token]:
    """Auxiliaries, negation and reporting adverbs right before a cue verb."""
    out: list[Token] = []
    i = tok.i - 1
    while i >= tok.sent.start:
        left = tok.doc[i]
        adverb = left.dep_ == "advmod" and (left.lower_ in _ADVERBS or left.lower_.endswith("ly"))
        if left.head.i == tok.i and (left.dep_ in _AUX_DEPS or adverb):
            out.insert(0, left)
            i -= 1
            continue
        break
    return out


def _after(tok: Token, sense: CueVerb) -> list[Token]:
    """The particle of a phrasal sense, the passive agent "by", a "in a statement" phrase."""
    out: list[Token] = []
    for child in tok.rights:
        if sense.prep and child.lower_ == sense.prep and child.dep_ in {"prep", "prt"}:
            if _adjacent(tok, child):
                out.append(child)  # "called for"; not "sees X as", whose X is content
        elif (
            child.dep_ == "npadvmod"
            and child.i == tok.i + 1
            and child.ent_type_ in {"DATE", "TIME"}
        ):
            out.append(child)
        elif child.dep_ == "agent" and child.i == tok.i + 1:
            out.append(child)
        elif child.dep_ == "prep" and child.i == tok.i + 1 and _is_extension(child):
            out.extend(child.subtree)
    return out


def _adjacent(tok: Token, child: Token) -> bool:
    """Only adverbs and particles between a cue verb and its preposition?"""
    return all(t.pos_ in {"ADV", "PART"} for t in tok.doc[tok.i + 1 : child.i])


def _colon(tok: Token) -> list[Token]:
    """A colon right after the cue verb joins it ("added:")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return [nxt] if nxt is not None and nxt.text == ":" else []


def _is_extension(prep: Token) -> bool:
    """Is this prepositional phrase a cue extension such as "in a statement"?"""
    words = " ".join(t.lower_ for t in prep.subtree)
    return lexicon().phrases.get(words) == "cue-extension"


_NAMING = frozenset({"call", "name", "dub", "term", "label"})


def naming(tok: Token) -> bool:
    """ "a group called the Front": a name given, with no object named by anyone."""
    deps = {c.dep_ for c in tok.children}
    if tok.lemma_.lower() not in _NAMING or tok.dep_ != "acl":
        return False
    return "oprd" in deps and not deps & {"dobj", "nsubj", "prep", "prt"}


def verb_cue(tok: Token) -> Cue | None:
    """A cue headed by a reporting verb, or None if the token is not one."""
    sense = _sense(tok)
    if sense is None or naming(tok):
        return None
    tokens = (
        *_vehicle(tok),
        *_governor(tok),
        *before(tok),
        tok,
        *_after(tok, sense),
        *_colon(tok),
    )
    return Cue(head=tok, tokens=tuple(sorted(set(tokens), key=lambda t: t.i)), sense=sense)


_VEHICLES = frozenset(
    {
        "issue",
        "release",
        "post",
        "send",
        "publish",
        "tweet",
        "retweet",
        "write",
        "respond",
        "reply",
        "react",
        "answer",
        "deliver",
        "file",
        "email",
        "text",
        "shoot",
    }
)


def vehicle_verb(tok: Token) -> Token | None:
    """The verb a participle cue rides on: "issued a statement saying", "responded, calling"."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "acl"}:
        return None
    gov = tok.head
    if tok.dep_ == "acl" and gov.pos_ == "NOUN" and gov.dep_ in {"dobj", "pobj"}:
        gov = gov.head.head if gov.dep_ == "pobj" else gov.head
    if gov.pos_ != "VERB" or gov.i > tok.i or tok.i - gov.i > 12:
        return None
    return gov


def _vehicle(tok: Token) -> list[Token]:
    """PolNeAR's cue runs from a vehicle verb to its participle ("posted a message reading")."""
    gov = vehicle_verb(tok)
    if gov is None or gov.lemma_.lower() not in _VEHICLES:
        return []
    return [*before(gov), *gov.doc[gov.i : tok.i]]


def _governor(tok: Token) -> list[Token]:
    """ "refused to say", "demanded to know": the verb governing a to-infinitive cue joins it."""
    gov = tok.head
    if tok.dep_ != "xcomp" or gov.i > tok.i or gov.pos_ != "VERB" or tok.i - gov.i > 3:
        return []
    return [*before(gov), *gov.doc[gov.i : tok.i]]


def phrase_cue(tok: Token) -> Cue | None:
    """A cue such as "according to X": the source is the object of the last word."""
    if tok.dep_ not in {"prep", "advcl", "pcomp"} and tok.lower_ not in {"according", "quoted"}:
        return None
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        if lexicon().phrases.get(f"{tok.lower_} {child.lower_}") != "source-pobj":
            continue
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return Cue(head=tok, tokens=(tok, child), sense=None, source=obj)
    return _view_cue(tok) or _document_cue(tok)


_VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "word"})


def _view_cue(tok: Token) -> Cue | None:
    """ "In Egypt's view, Y", "in the words of X, Y": the holder of the view is the source,
    the clause the content."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in _VIEW_NOUNS:
        return None
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if owner is None and of is not None:  # "in the words of one diplomat"
        owner = next((c for c in of.children if c.dep_ == "pobj"), None)
    if owner is None:
        return None
    return Cue(head=tok, tokens=(obj, *([of] if of is not None else [])), sense=None, source=owner)


def _document_cue(tok: Token) -> Cue | None:
    """ "In the latest poll, X leads": a preposition whose object is a poll, survey or report."""
    if tok.dep_ != "prep" or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or lexicon().phrases.get(f"{tok.lower_} {obj.lemma_.lower()}") != "source-pobj":
        return None
    if obj.tag_ in {"NNS", "NNPS"}:
        return None  # "trails in the polls": a standing, not one poll's finding
    return Cue(head=tok, tokens=(tok,), sense=None, source=obj)


_CUE_POS = frozenset({"VERB", "ADJ", "NOUN"})
_PHRASE_DEPS = frozenset({"prep", "advcl", "pcomp"})
_PHRASE_WORDS = frozenset({"according", "quoted"})


def _may_head_cue(tok: Token) -> bool:
    """What every cue finder below asks first, asked once: a verb, adjective or noun, a verb
    tag, or a phrase head ("according", "in"). Most tokens fail it and skip five calls."""
    return (
        tok.pos_ in _CUE_POS
        or tok.tag_.startswith("VB")
        or tok.dep_ in _PHRASE_DEPS
        or tok.lower_ in _PHRASE_WORDS
    )


def find_cues(sent: list[Token]) -> list[Cue]:
    """Every cue of one sentence, in text order."""
    from eventwire.attribution.idioms import idiom_cue  # both build on Cue
    from eventwire.attribution.stance import participle_cue, stance_cue

    out: list[Cue] = []
    for tok in sent:
        if not _may_head_cue(tok):
            continue
        cue = (
            idiom_cue(tok)
            or participle_cue(tok)
            or verb_cue(tok)
            or phrase_cue(tok)
            or stance_cue(tok)
        )
        if cue is not None:
            out.append(cue)
    return out
