"""Small dependency-parse helpers the trigger, role and status rules share."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJ = frozenset({"nsubj", "csubj", "expl"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "conj"})
RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
NP_DROP = frozenset(
    {
        "relcl",
        "acl",
        "appos",
        "punct",
        "cc",
        "conj",
        "advcl",
        "prep",
        "preconj",
        "dep",
        "parataxis",
        "case",
    }
)
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Common nouns that name people or organisations: arguments headed by them are actors.
PEOPLE = frozenset(
    """official officials leader minister president premier government troops troop soldier
    police policeman officer army force military militant rebel insurgent fighter guerrilla
    protester demonstrator student worker activist civilian people resident villager
    mediator negotiator diplomat envoy ambassador delegation spokesman spokeswoman spokesperson
    authority administration regime party group movement faction militia gunman attacker
    ally opposition parliament lawmaker senator cabinet court judge prosecutor embassy
    ministry agency organisation organization union council committee coalition country
    nation state side camp member chief commander general hostage prisoner captive refugee
    journalist reporter citizen farmer teacher doctor settler palestinian israeli man woman
    child children supporter opponent demonstrators crowd mob company firm bank king queen
    prince cleric bishop pope monarch dictator junta legislature assembly senate congress
    navy airforce warplane jet plane helicopter drone tank protestor secretary rioter marcher striker youth mob
    vigilante bandit gunman extremist terrorist jihadist separatist inmate detainee victim
    population minority community resident voter shiite sunni muslim christian kurd guard
    governor mayor warlord smuggler pirate trafficker kidnapper assailant sniper gunmen""".split()
)
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "it",
        "his",
        "its",
        "their",
        "our",
        "my",
    }
)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens conjoined to it ("Israel and the US" -> [Israel, US])."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def np_bounds(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by `head` (no clauses, appositions, preps but 'of')."""
    left, right = head, head
    for c in head.children:
        if c.dep_ in NP_DROP and not (c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i):
            continue
        if c.i < left.i:
            left = c.left_edge if c.left_edge.i < c.i or c.dep_ != "punct" else c
        if c.i > right.i:
            right = c.right_edge
    while left.i < head.i and (left.is_punct or left.dep_ == "cc"):
        left = left.doc[left.i + 1]
    while right.i > head.i and (right.is_punct or right.dep_ == "cc"):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def resolve_relative(tok: Token) -> Token:
    """A relative pronoun ("which", "who") -> the noun its clause modifies."""
    if tok.lower_ not in RELATIVE or tok.tag_ not in ("WDT", "WP", "WP$", "IN", "DT"):
        return tok
    node = tok.head
    for _ in range(6):
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return node.head
        if node.head.i == node.i:
            break
        node = node.head
    return tok


def is_passive(verb: Token) -> bool:
    """True for a passive clause or a past-participle modifier ("hostages captured in ...")."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def children(tok: Token, deps: frozenset[str]) -> Iterator[Token]:
    """Children of `tok` with one of the dependency labels."""
    return (c for c in tok.children if c.dep_ in deps)


def governor_subject(verb: Token, depth: int = 0) -> Token | None:
    """Subject of a verb, following control, raising, coordination and relative clauses."""
    if depth > 6:
        return None
    for c in verb.children:
        if c.dep_ in SUBJ and c.dep_ != "expl":
            return resolve_relative(c)
        if c.dep_ in PASS_SUBJ:
            return None  # a passive clause has no agent unless 'by' names one
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBG":
        return verb.head
    finite = any(t.tag_ == "VBD" for t in (verb, *verb.conjuncts))
    if verb.dep_ == "acl" and finite and verb.sent.root.pos_ in ("NOUN", "PROPN"):
        # "Volunteers from a charity donated ...": a finite verb the parser hung on a noun
        # of a verbless sentence is its main verb, and the sentence's head noun its subject
        return verb.sent.root
    gov = verb.head
    if verb.dep_ == "pcomp" and gov.dep_ == "prep":  # "after concluding talks"
        gov = gov.head
        obj = next(children(gov, OBJ), None)
        if obj is not None and gov.pos_ == "VERB":
            return resolve_relative(obj)  # "accused Russia of shelling", "blamed X for attacking"
    elif gov.i == verb.i or verb.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acomp"):
        return None
    if verb.dep_ == "ccomp" and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    if verb.dep_ == "conj" and not is_passive(verb):
        pas = next(children(gov, PASS_SUBJ), None)
        if pas is not None:
            return resolve_relative(pas)  # "was indicted and will resign"
    if verb.dep_ == "xcomp":
        obj = next(children(gov, OBJ), None)
        if obj is not None:
            return resolve_relative(obj)  # object control: "urged Israel not to attack"
        pas = next(children(gov, PASS_SUBJ), None)
        if pas is not None:
            return resolve_relative(pas)  # raising: "Israel is expected to participate"
    # "he is prepared to lift the ban": climb the adjective to its copula
    return governor_subject(gov, depth + 1) if gov.pos_ in ("VERB", "AUX", "ADJ") else None


def clause_depth(tok: Token) -> int:
    """How many clause boundaries lie between `tok` and its sentence root."""
    depth, node = 0, tok
    for _ in range(40):
        if node.head.i == node.i:
            break
        if node.dep_ in CLAUSAL and node.dep_ != "conj":
            depth += 1
        node = node.head
    return depth


def is_actorlike(tok: Token) -> bool:
    """Heuristic for parses without actor mentions: names, people nouns, personal pronouns."""
    if tok.ent_type_ in ACTOR_ENTS or tok.lower_ in PRONOUNS:
        return True
    return tok.lemma_.lower() in PEOPLE or tok.lower_ in PEOPLE


def raises_subject(verb: Token) -> bool:
    """'talks are expected to resume', 'he is set to visit': a passive verb whose subject
    belongs to its infinitive (the content verb is the infinitive)."""
    deps = {c.dep_ for c in verb.children}
    return "nsubjpass" in deps and "xcomp" in deps


def raised_infinitives(verb: Token) -> list[Token]:
    """The infinitives a verb raises its subject into: "talks are expected to *resume*",
    "talks are due to *resume*" (the parse may hang the infinitive from "due")."""
    out = [c for c in verb.children if c.dep_ == "xcomp"]
    for c in verb.children:
        if c.dep_ == "acomp":
            out += [g for g in c.children if g.dep_ == "xcomp"]
    return out
