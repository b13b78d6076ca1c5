"""Country and sector from context, for actors the KB has never seen by name.

"five ethnic Hungarians in northern Serbia" are a community of Serbia, not Hungary's state;
"Vietnamese-led forces" are the forces of Vietnam; "the government of Sindh province" is
Pakistan's (the gazetteer knows the province). Each rule reads one phrase and what the sentence
names around it, and changes only drafts that have no better reading.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire.actors.kb import KB
from eventwire.actors.refs import composite_ref, state_ref
from eventwire.actors.resolve import Draft
from eventwire.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ETHNIC_WORDS = frozenset({"ethnic", "minority"})
LEADING = frozenset({"led", "commanded", "dominated", "run", "controlled"})


def apply_context(doc: Doc, drafts: list[Draft], kb: KB) -> list[Draft]:
    """Run the context rules over one article's drafts (in place) and return them."""
    _ethnic_communities(doc, drafts, kb)
    _led_forces(doc, drafts)
    _named_places(doc, drafts, kb)
    return drafts


def _named_places(doc: Doc, drafts: list[Draft], kb: KB) -> None:
    """An unresolved name the gazetteer knows as a town or province ("Cizre", "Aleppo" tagged as
    a nationality): a town's residents, or the state for a province or the capital."""
    from eventwire.events.placenames import AREA_LEVELS, place_entry

    for d in drafts:
        if d.ref is None or d.rule != "unresolved" or d.ner_label not in {"GPE", "NORP", "LOC"}:
            continue
        span = doc[d.start : d.end]
        if (
            d.start > 0
            and doc[d.start - 1].pos_ == "PROPN"
            or any(c.dep_ == "appos" for c in span.root.children)
        ):
            continue  # "Kenzo Oshima, the UN coordinator": part of a person's name
        name = span.text
        bare = name[4:] if name.lower().startswith("the ") else name
        found = None if generic_place(bare) else place_entry(bare)
        if found is None or found[1] not in AREA_LEVELS or found[0] not in kb.countries:
            continue
        d.ref = town_ref(name, found[0], found[1]) or state_ref(found[0], kb)
        d.rule = "gazetteer-place"


def _sentence_of(doc: Doc, d: Draft) -> tuple[int, int]:
    """Token bounds of the sentence holding a draft."""
    sent = doc[d.start].sent
    return sent.start, sent.end


def _countries_near(
    drafts: list[Draft], bounds: tuple[int, int], skip: Draft, kb: KB
) -> Counter[str]:
    """Countries the other drafts of a sentence name (not inferred ones), with their counts."""
    lo, hi = bounds
    return Counter(
        d.ref.country
        for d in drafts
        if d is not skip
        and d.ref is not None
        and d.ref.country in kb.countries
        and lo <= d.start < hi
        and d.rule not in {"backer", "role-article-country"}
    )


def _ethnic_communities(doc: Doc, drafts: list[Draft], kb: KB) -> None:
    """ "ethnic Albanians in southern Serbia": the community of the country the sentence is in
    (civilians, CVL); with no other country named, the demonym's country stays."""
    for d in drafts:
        if d.ref is None or d.rule != "people" or d.ref.country is None:
            continue
        words = {t.lower_ for t in doc[d.start : d.end]}
        if not words & ETHNIC_WORDS:
            continue
        near = _countries_near(drafts, _sentence_of(doc, d), d, kb)
        near.pop(d.ref.country, None)
        iso = near.most_common(1)[0][0] if near else d.ref.country
        name = doc[d.start : d.end].text  # "ethnic Albanians", not the state they are named by
        d.ref = composite_ref(iso, ["CVL"], "people", name)
        d.rule = "ethnic-community"


def _led_forces(doc: Doc, drafts: list[Draft]) -> None:
    """ "Vietnamese-led forces": the force takes the country of the demonym before '-led'."""
    by_end = {d.end: d for d in drafts if d.ref is not None and d.ref.country}
    for d in drafts:
        if d.ref is None or not d.ref.sector or d.start < 2:
            continue
        verb, dash = doc[d.start], doc[d.start - 1]
        if verb.lower_ not in LEADING or dash.text != "-":
            continue
        leader = by_end.get(d.start - 1)
        if leader is None or leader.ref is None or leader.ref.kind != "state":
            continue
        d.ref = composite_ref(
            leader.ref.country, list(d.ref.sector), d.ref.kind, doc[leader.start : d.end].text
        )
        d.rule = "led-by-country"


COMPASS_NAMES = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern middle".split()
)


def generic_place(name: str) -> bool:
    """A compass word alone ("West", "Western", "Central"): the gazetteer has provinces so named
    in some country, but in news the word is a direction or a bloc, never that province."""
    words = name.lower().split()
    return bool(words) and all(w in COMPASS_NAMES or w == "the" for w in words)


def gazetteer_country(tok: Token) -> str | None:
    """ISO-3 country of a town, province or region the token names (the gazetteer's best entry)."""
    from eventwire.events.placenames import AREA_LEVELS, place_entry, proper_name

    if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
        return None
    if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return None  # looked up whole at the name's last word
    name = proper_name(tok)
    if generic_place(name):
        return None
    entry = place_entry(name)
    return entry[0] if entry is not None and entry[1] in AREA_LEVELS else None


def place_countries(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Role phrases still without a country after coreference ("police", "Tamil rebels") take
    the country of the places their sentence names ("... in Colombo"), else of the places the
    whole article names most (its dateline among them)."""
    todo = [d for d in drafts if _wants_country(d)]
    if not todo:
        return drafts
    by_sentence: dict[int, Counter[str]] = {}
    article: Counter[str] = Counter()
    taken = {
        i
        for d in drafts
        if d.ref is not None and d.rule != "gazetteer-place"
        for i in range(d.start, d.end)
    }
    for tok in doc:
        iso = gazetteer_country(tok) if tok.i not in taken else None
        if iso is not None:
            by_sentence.setdefault(tok.sent.start, Counter())[iso] += 1
            article[iso] += 1
    for d in todo:
        near = by_sentence.get(doc[d.start].sent.start) or article
        if not near:
            continue
        assert d.ref is not None
        iso = near.most_common(1)[0][0]
        d.ref = (
            d.ref.model_copy(update={"country": iso})
            if d.rule == "role-named"
            else composite_ref(
                iso, list(d.ref.sector), d.ref.kind, d.ref.name, anonymous=d.ref.anonymous
            )
        )
        d.rule = "role-place-country"
    return drafts


def _wants_country(d: Draft) -> bool:
    """A role phrase with sectors and no country, which may take one from its context."""
    if d.ref is None or d.ref.country is not None or not d.ref.sector or "nocountry" in d.extra:
        return False
    if d.rule not in {"role", "role-named", "role-pp-org"} or "MED" in d.ref.sector:
        return False
    return d.head_role is None or "nocountry" not in d.head_role.flags


TOWN_LEVELS = frozenset({"city", "admin2", "county"})


def town_ref(name: str, iso: str, level: str) -> ActorRef | None:
    """A town or city other than the capital, as an actor: its residents (country + CVL).
    Countries, provinces and capitals (government metonyms) stay with the state."""
    from eventwire.actors.kb import load_kb

    country = load_kb().countries.get(iso)
    if level not in TOWN_LEVELS or country is None:
        return None
    if name.lower() in {c.lower() for c in country.capitals}:
        return None
    return composite_ref(iso, ["CVL"], "people", name)
