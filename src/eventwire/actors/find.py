"""`find_actors`: every phrase naming or referring to an actor, resolved against the KB.

Pass 1 walks noun-phrase heads (KB phrase hits + role nouns, see compose.py), then spaCy
entities nothing covered (fuzzy KB persons, unresolved records); pass 2 resolves pronouns,
definite descriptions and short names (coref.py); pass 3 gives bare "mediators" the mediating
states named elsewhere in the article.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.actors.compose import compose
from eventwire.actors.context import apply_context, gazetteer_country, place_countries
from eventwire.actors.coref import resolve_references
from eventwire.actors.kb import KB, KB_VERSION, load_kb
from eventwire.actors.match import Hit, find_hits
from eventwire.actors.refs import composite_ref, kb_ref, state_ref, unresolved_ref
from eventwire.actors.resolve import Draft, Words, agent_position, doc_words, fuzzy_person
from eventwire.model import ActorMention, Provenance
from eventwire.nlp.parse import Parsed, doc_ents, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MODIFIER_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "predet", "quantmod"}
)
NOT_IN_PHRASE = frozenset({"relcl", "acl", "prep", "advcl", "punct", "cc", "appos", "mark"})
NOMINAL = frozenset({"NOUN", "PROPN"})
ARG_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}
)  # an adjective heading one
ENT_KINDS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": "GPE"}


def find_actors(parsed: Parsed) -> list[ActorMention]:
    """Actor mentions of an article, each resolved to an `ActorRef` (or 'unresolved:<text>').

    Example: `find_actors(parse_text("Egyptian intelligence chief Abbas Kamel met Hamas."))`
    """
    kb = load_kb()
    doc = parsed.doc
    day = parsed.article.published
    hits = find_hits(doc)
    drafts = phrase_drafts(doc, hits, kb, day)
    drafts += entity_drafts(doc, drafts, hits, day, kb)
    drafts.sort(key=lambda d: (d.start, d.end))
    _appositions(doc, drafts)
    drafts = apply_context(doc, drafts, kb)
    drafts = resolve_references(doc, drafts, kb, day)
    drafts = place_countries(doc, drafts)
    starts = [s.start for s in parsed.sentences]
    return [_mention(parsed, d, starts) for d in drafts if d.ref is not None or d.ner_label]


def is_modifier(tok: Token) -> bool:
    """A token that modifies a noun (so belongs to that noun's phrase)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in NOMINAL | {"ADJ", "NUM"}


def phrase_of(head: Token, hits_at: dict[int, Hit]) -> Span:
    """The head's phrase: its left modifiers and any KB hit it is part of."""
    start = head.i
    for child in head.lefts:
        if child.dep_ not in NOT_IN_PHRASE or child.dep_ == "punct" and child.i > start:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for i in range(start, end):
        hit = hits_at.get(i)
        if hit is not None:
            start, end = min(start, hit.start), max(end, hit.end)
    doc = head.doc
    for k in range(head.i - 1, start - 1, -1):  # a phrase never crosses a paragraph break
        if "\n" in doc[k].whitespace_ or doc[k].is_space:
            start = k + 1
            break
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def phrase_drafts(doc: Doc, hits: list[Hit], kb: KB, day: date | None) -> list[Draft]:
    """Drafts from noun-phrase heads, skipping heads inside an earlier phrase's KB hit."""
    hits_at = {i: h for h in hits for i in range(h.start, h.end)}
    drafts: list[Draft] = []
    done: set[int] = set()
    words = doc_words(doc)
    from spacy.attrs import POS
    from spacy.parts_of_speech import ADJ, NOUN, PROPN

    for i, pos in enumerate(doc.to_array([POS]).tolist()):
        if i in done or (pos not in (NOUN, PROPN, ADJ) and i not in hits_at):
            continue
        tok = doc[i]
        if is_modifier(tok) or (pos == ADJ and tok.dep_ not in ARG_DEPS):
            continue
        phrase = phrase_of(tok, hits_at)
        if phrase.start in done:  # an earlier head already took these left modifiers
            free = [
                k for k in range(phrase.start, phrase.end) if k not in done and not doc[k].is_punct
            ]
            phrase = doc[free[0] : phrase.end] if free else phrase
        done.update(range(phrase.start, phrase.end))
        inside = [hits_at[i] for i in range(phrase.start, phrase.end) if i in hits_at]
        made = compose(phrase, list(dict.fromkeys(inside)), kb, day, words)
        if not made and not inside:
            made = _fuzzy_state(tok, kb) or _role_possessors(tok, phrase, kb, day, words)
        drafts += made
    return _pp_countries(doc, drafts, hits_at)


def _role_possessors(
    head: Token, phrase: Span, kb: KB, day: date | None, words: Words
) -> list[Draft]:
    """ "the government's offer", "the rebels' demands": a role noun owning a thing that is no
    actor is an actor mention of its own."""
    out: list[Draft] = []
    for c in head.lefts:
        if c.dep_ != "poss" or c.pos_ not in NOMINAL or c.left_edge.i < phrase.start:
            continue
        own = head.doc[c.left_edge.i : c.i + 1]
        out += [d for d in compose(own, [], kb, day, words) if d.ref is not None]
    return out


def _appositions(doc: Doc, drafts: list[Draft]) -> None:
    """ "Kenzo Oshima, the UN relief coordinator": an unknown name takes country and sectors
    from its apposition."""
    by_token = {i: d for d in drafts for i in range(d.start, d.end)}
    for d in drafts:
        if d.ref is None or not d.ref.id.startswith("unresolved:"):
            continue
        named = d.ref.kind in {"PERSON", "person"}
        if not named and d.ref.kind not in {"GPE", "NORP", "ORG", "LOC"}:
            continue
        root = doc[d.start : d.end].root
        # "Kenzo Oshima, the UN coordinator" and "the rebel leader, Hassan al-Mahdi"
        others = [by_token.get(c.i) for c in root.rights if c.dep_ == "appos"]
        if root.dep_ == "appos":
            others.append(by_token.get(root.head.i))
        for other in others:
            if other is None or other is d or other.ref is None or other.ref.kind == "state":
                continue
            if not named and other.ref.kind != "person":
                continue  # a mistagged name is a person when its apposition is one's role
            if other.ref.country or other.ref.sector:
                country = other.ref.country or d.ref.country
                update = {"country": country, "sector": d.ref.sector or other.ref.sector}
                d.ref = d.ref.model_copy(update={**update, "kind": "person"})
                d.rule = "apposition"
                break


def _fuzzy_state(tok: Token, kb: KB) -> list[Draft]:
    """A misspelt country name heading a phrase ("Ethopia has agreed")."""
    if (
        tok.pos_ != "PROPN"
        or len(tok.text) < 5
        or tok.ent_type_ not in {"", "GPE", "ORG", "NORP", "LOC"}
    ):
        return []
    iso = fuzzy_country(tok.text)
    return [Draft(tok.i, tok.i + 1, state_ref(iso, kb), "state-fuzzy")] if iso else []


def _pp_countries(doc: Doc, drafts: list[Draft], hits_at: dict[int, Hit]) -> list[Draft]:
    """Role phrases without a country take one from their of/in/from phrase ("rebels in Darfur")
    or from the noun they are coordinated with ("Chinese warships and aircraft")."""
    by_token = {i: d for d in drafts for i in range(d.start, d.end)}
    more: list[Draft] = []
    for d in drafts:
        if d.ref is None or d.ref.country is not None or d.rule != "role" or "nocountry" in d.extra:
            continue
        head = doc[d.end - 1]
        scopes = [
            c for c in head.rights if c.dep_ == "prep" and c.lower_ in {"of", "in", "from", "for"}
        ]
        if head.dep_ == "conj":
            scopes.insert(0, head.head)
        for scope in scopes:
            if scope.lower_ == "in" and _sent_abroad(d):
                continue  # "deploy troops in Iraq": where they are, not whose they are
            tokens = [scope] if scope.i < head.i else list(scope.subtree)
            iso, sectors = _country_in(tokens, by_token, hits_at)
            member = d.head_role is not None and "member" in d.head_role.flags
            if iso is None:
                org = _org_sectors(tokens, by_token) if member else []
                if org:  # "an official of the union", "a spokesman for the rebels": its sectors
                    d.ref = composite_ref(
                        None, org, d.ref.kind, d.ref.name, anonymous=d.ref.anonymous
                    )
                    d.rule = "role-pp-org"
                    break
                continue
            if member and not sectors:
                sectors = _org_sectors(tokens, by_token)  # "a spokesman for the rebels in Darfur"
            secs = sectors if member and sectors else list(d.ref.sector)
            d.ref = composite_ref(iso, secs, d.ref.kind, d.ref.name, anonymous=d.ref.anonymous)
            d.rule = "role-pp-country"
            if head.tag_ == "NNS" and scope.i > head.i:
                more += _coordinated_countries(d, scope, iso, by_token, hits_at)
            break
    return sorted(drafts + more, key=lambda d: (d.start, d.end)) if more else drafts


def _sent_abroad(d: Draft) -> bool:
    """Soldiers are often sent abroad ("troops in Iraq"); police, rebels, officials and
    institutions are of the place they are in ("police in Lagos", "the army in Sudan")."""
    assert d.ref is not None
    return d.ref.kind in {"people", "person"} and "MIL" in d.ref.sector


def _coordinated_countries(
    d: Draft, scope: Token, first: str, by_token: dict[int, Draft], hits_at: dict[int, Hit]
) -> list[Draft]:
    """ "the presidents of Kenya and Rwanda": one more draft on the same span for each further
    country coordinated in the of-phrase (as "American and Egyptian mediators" are several)."""
    assert d.ref is not None
    objs = [c for c in scope.children if c.dep_ == "pobj"]
    out: list[Draft] = []
    seen = {first}
    for conj in (t for o in objs for t in o.conjuncts if t.i > o.i):
        iso, _ = _country_in([conj], by_token, hits_at)
        if iso is None or iso in seen:
            continue
        seen.add(iso)
        ref = composite_ref(iso, list(d.ref.sector), d.ref.kind, d.ref.name)
        out.append(Draft(d.start, d.end, ref, "role-pp-country", head_role=d.head_role))
    return out


def _org_sectors(tokens: list[Token], by_token: dict[int, Draft]) -> list[str]:
    """Sectors of the first non-state actor among `tokens` ("the union" -> LAB)."""
    for t in tokens:
        d = by_token.get(t.i)
        if d is not None and d.ref is not None and d.ref.kind != "state" and d.ref.sector:
            return list(d.ref.sector)
    return []


def _country_in(
    tokens: list[Token], by_token: dict[int, Draft], hits_at: dict[int, Hit]
) -> tuple[str | None, list[str]]:
    """The first country (and its sectors) a draft or KB hit gives among `tokens`."""
    for t in tokens:
        d = by_token.get(t.i)
        if d is not None and d.ref is not None and d.ref.country:
            # "members of the Iraqi parliament" are LEG; "militants in Iraq" do not join its state
            return d.ref.country, [] if d.ref.kind == "state" else list(d.ref.sector)
        hit = hits_at.get(t.i)
        if hit is not None and hit.country:
            return hit.country, []
    for t in tokens:
        iso = gazetteer_country(t)
        if iso is not None:
            return iso, []  # "rebels in Colombo": a town or province the KB does not name
    return None, []


def entity_drafts(
    doc: Doc, drafts: list[Draft], hits: list[Hit], day: date | None, kb: KB
) -> list[Draft]:
    """spaCy entities no phrase resolved: fuzzy KB persons and countries, else unresolved."""
    covered = {i for d in drafts if d.ref is not None for i in range(d.start, d.end)}
    covered |= {i for h in hits for i in range(h.start, h.end)}
    out: list[Draft] = []
    for ent in doc_ents(doc):
        if ent.label_ not in ENT_KINDS or covered.intersection(range(ent.start, ent.end)):
            continue
        draft = _entity_draft(ent, day, kb)
        if draft is not None:
            out.append(draft)
    return out


def _entity_draft(ent: Span, day: date | None, kb: KB) -> Draft | None:
    """One spaCy entity: a KB person or country by near spelling, else an unresolved record."""
    label = ent.label_
    text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    if label == "PERSON":
        person = fuzzy_person(text)
        if person is not None:
            return Draft(
                ent.start, ent.end, kb_ref(person, day, kb), "kb-person-fuzzy", ner_label=label
            )
    if label == "GPE":
        iso = fuzzy_country(text)
        if iso:
            return Draft(ent.start, ent.end, state_ref(iso, kb), "state-fuzzy", ner_label=label)
        if not agent_position(ent.root):
            return None
    if not (ent[0].is_title or ent[0].is_upper):
        return None  # lower-case "entities" are tagger noise
    country = _demonym_in(ent)
    return Draft(
        ent.start, ent.end, unresolved_ref(text, label, country), "unresolved", ner_label=label
    )


def _demonym_in(ent: Span) -> str | None:
    """A country inferred from a demonym or country name inside an unresolved entity."""
    index = _demonym_index()
    around = ent.doc[max(ent.start - 2, 0) : ent.end]  # "Iraqi Kurds", "the Lebanese Hezbollah"
    return next((index[t.text] for t in around if t.text in index), None)


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, str]:
    """Country names and demonym adjectives -> ISO-3, for unresolved entities."""
    kb = load_kb()
    return {w: iso for iso, c in kb.countries.items() for w in (*c.names, *c.adjectives)}


@lru_cache(maxsize=4096)
def fuzzy_country(text: str) -> str | None:
    """A country whose name is a near spelling of `text` ("Ethopia", "Afganistan").

    Cached: the same proper nouns come back in article after article."""
    from rapidfuzz import fuzz, process

    names, isos = _country_index()
    best = process.extractOne(text, names, scorer=fuzz.ratio, score_cutoff=88)
    return isos[best[2]] if best else None


@lru_cache(maxsize=1)
def _country_index() -> tuple[list[str], list[str]]:
    """Country names (longer than 4 characters) for fuzzy matching, with their codes."""
    kb = load_kb()
    names = [n for c in kb.countries.values() for n in c.names if len(n) > 4]
    isos = [iso for iso, c in kb.countries.items() for n in c.names if len(n) > 4]
    return names, isos


def _sentence(parsed: Parsed, starts: list[int], char: int) -> int:
    """Index of the sentence holding `char` (binary search over sentence starts)."""
    k = bisect_right(starts, char) - 1
    return parsed.sentences[k].index if k >= 0 and char < parsed.sentences[k].end else -1


def _mention(parsed: Parsed, d: Draft, starts: list[int]) -> ActorMention:
    """The `ActorMention` record of a draft."""
    doc = parsed.doc
    span = doc[d.start : d.end]
    start, end = span.start_char, span.end_char
    from eventwire.model import Span as TextSpan

    antecedent = None
    if d.antecedent is not None:
        a0, a1 = d.antecedent
        antecedent = TextSpan(text=parsed.article.text[a0:a1], start=a0, end=a1)
    return ActorMention(
        article_id=parsed.article.id,
        sentence=_sentence(parsed, starts, start),
        text=doc_text(doc)[start:end],  # `span.text` would join its tokens again
        start=start,
        end=end,
        actor=d.ref,
        ner_label=d.ner_label or (span.root.ent_type_ if span.root.ent_type_ else ""),
        antecedent=antecedent,
        provenance=Provenance(stage="actors", rule=f"actors:{d.rule}", lexicon=KB_VERSION),
    )
