"""Find toponyms in a parsed article: spaCy GPE/LOC/FAC entities, mislabelled entities that
are gazetteer places, and capitalised spans the NER missed; metonymic capitals are skipped."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire.model import ActorMention, Place, Provenance
from eventwire.nlp.parse import Parsed, doc_ents
from eventwire.places.extend import coordinated_spans, repeated_spans
from eventwire.places.gazetteer import Entry, Gazetteer, load_gazetteer, normalise
from eventwire.places.resolve import Mention, candidates, resolve_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAYBE_LABELS = {"PERSON", "ORG", "NORP"}
STREET_WORDS = {
    "st",
    "street",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "lane",
    "highway",
}
AREA_LEVELS = {"country", "admin1", "county", "territory", "region", "continent", "sea", "lake"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
TRIGGER_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "across", "toward", "towards"}
MISSED_CITY_FLOOR = 100_000
ORG_CITY_FLOOR = 20_000
# Words that are also town names somewhere but, capitalised in a name, rarely mean the town.
COMMON_WORDS = frozenset(
    "university central north south east west northern southern eastern western reserve chamber "
    "metro alliance green man day mrs ms mr sen dr union college national state city county "
    "village center centre park lake river hill valley bay beach mount port fort lincoln bell "
    "house home church school hospital court station airport bridge market liberty victory "
    "independence progress unity freedom hope commerce industry justice energy labor defense "
    "agriculture education health interior transportation".split()
)
MAX_SPAN = 4
EMBEDDED_AREAS = frozenset({"country", "admin1", "county"})
COUNTY_LIST_REACH = 8
PARTY_TAGS = frozenset({"D", "R", "I", "DFL"})


def trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


def is_street(span: Span) -> bool:
    """'Memphis St.', 'Shamrock Street': street names are toponyms without a gazetteer point."""
    return span[-1].lower_.rstrip(".") in STREET_WORDS and len(span) > 1


def person_name_parts(doc: Doc) -> set[str]:
    """Tokens of multi-token PERSON entities ('Sheila', 'Williams' of 'Sheila D. Williams')."""
    return {t.text for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1 for t in e}


def is_demonym(gaz: Gazetteer, text: str) -> bool:
    """'Kenyan', 'Palestinians': a form in the demonyms file."""
    key = normalise(text)
    return any((key, i) in gaz.demonyms for i in gaz.index.get(key, ()))


def after_preposition(span: Span) -> bool:
    """The span follows a locative preposition ('in Pineville', 'to Alexandria')."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in TRIGGER_PREPS


def accept_entity(ent: Span, gaz: Gazetteer, name_parts: set[str]) -> bool:
    """Place entities unless they repeat a person's surname; person/org/norp entities only
    when they are gazetteer places (a person-labelled one only if it is no part of a person's
    name and looks locative)."""
    if ent.label_ in PLACE_LABELS:
        return not is_person_surname(trim(ent), gaz, name_parts)
    if ent.label_ not in MAYBE_LABELS:
        return False
    if ent.label_ == "NORP":
        return is_demonym(gaz, ent.text)
    if is_street(ent):
        return True
    key = normalise(ent.text)
    if key in COMMON_WORDS:
        return False
    found = [e for e in candidates(gaz, ent.text) if e.lat is not None]
    acronym = ent.text.isupper() and len(ent) == 1  # 'EU', 'DRC': an area's short name
    areas = [
        e
        for e in found
        if e.level in AREA_LEVELS and (normalise(e.name) == key or e.level == "country" or acronym)
    ]
    cities = [e for e in found if e.level == "city" and normalise(e.name) == key]
    if ent.label_ == "ORG":
        local = after_preposition(ent) or any(e.population >= ORG_CITY_FLOOR for e in cities)
        return bool(areas) or (bool(cities) and local)
    whole_town = len(ent) > 1 and bool(cities) and after_preposition(ent)  # 'in Glen Allen'
    if not whole_town and any(t.text in name_parts for t in ent):
        return False
    big = any(e.population >= MISSED_CITY_FLOOR for e in cities)
    return bool(areas) or (bool(cities) and (after_preposition(ent) or big))


def is_person_surname(span: Span, gaz: Gazetteer, name_parts: set[str]) -> bool:
    """A one-word 'place' that is part of a person's name in the article ('Farrin said' after
    'Jane Farrin'), unless it names an area or a large city."""
    if len(span) != 1 or span.text not in name_parts:
        return False
    return not any(
        e.lat is not None and (e.level in AREA_LEVELS or e.population >= MISSED_CITY_FLOOR)
        for e in candidates(gaz, span.text)
    )


def embedded_spans(ent: Span, gaz: Gazetteer) -> list[Span]:
    """Places named inside an organisation or facility name: at its start, after 'of' or a
    party tag, and states or countries anywhere ('the Kentucky Department of Education',
    'University of Georgia', 'D-Charleston', 'Education Minnesota'): the gold sets count them."""
    doc = ent.doc
    out: list[Span] = []
    i = trim(ent).start
    while i < ent.end:
        inner = i > 0 and (doc[i - 1].lower_ == "of" or after_party_tag(doc, i))
        first = i == trim(ent).start
        span = embedded_at(
            doc, i, ent.end if inner or not first else ent.end - 1, gaz, first or inner
        )
        if span is not None:
            out.append(span)
            i = span.end
        else:
            i += 1
    return out


def embedded_at(doc: Doc, i: int, end: int, gaz: Gazetteer, any_place: bool) -> Span | None:
    """The longest title-case span from token i (before `end`) naming a place (any place when
    `any_place`, else only a state, country or similar area named exactly)."""
    for n in range(min(MAX_SPAN, end - i), 0, -1):
        span = doc[i : i + n]
        key = normalise(span.text)
        if key in COMMON_WORDS or not all(x.is_title for x in span) or span[0].lower_ == "the":
            continue
        found = [e for e in candidates(gaz, span.text) if e.lat is not None and not e.small]
        if any_place and found:
            return span
        if any(e.level in EMBEDDED_AREAS and normalise(e.name) == key for e in found):
            return span
    return None


def after_party_tag(doc: Doc, i: int) -> bool:
    """Token i follows a party tag and hyphen ('D-Charleston', 'R-Fairfax')."""
    return i > 1 and doc[i - 1].text == "-" and doc[i - 2].text in PARTY_TAGS


def dateline_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """Upper-case place names opening a dateline ('BEIRUT (AP) -', 'SAN DIEGO, Calif.')."""
    out = []
    for sent in doc.sents:
        tokens = [t for t in sent[:MAX_SPAN] if t.is_upper and t.is_alpha and len(t) > 2]
        if not tokens or tokens[0].i != sent.start or any(t.i in taken for t in tokens):
            continue
        end = tokens[0].i
        while end < sent.end and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        span = doc[sent.start : end]
        if any(
            e.lat is not None and (e.level != "city" or e.population >= MISSED_CITY_FLOOR // 10)
            for e in candidates(gaz, span.text.title())
        ):
            out.append(span)
    return out


def missed_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Span]:
    """Capitalised token runs outside any entity that the gazetteer knows (longest first)."""
    out: list[Span] = []
    i = 0
    while i < len(doc):
        if i in taken or not doc[i].is_title or doc[i].is_sent_start or doc[i].pos_ != "PROPN":
            i += 1
            continue
        for n in range(min(MAX_SPAN, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if any(t.i in taken for t in span) or not span[-1].is_title:
                continue
            if missed_is_place(span, gaz):
                out.append(span)
                i += n - 1
                break
        i += 1
    return out


def missed_is_place(span: Span, gaz: Gazetteer) -> bool:
    """A span the NER missed counts when it names an area, or a large city, or any city
    after a locative preposition or a party tag ('in Pineville', 'D-Pineville')."""
    found = candidates(gaz, span.text)
    if not found or normalise(span.text) in COMMON_WORDS:
        return False
    after_prep = after_preposition(span) or after_party_tag(span.doc, span.start)
    for e in found:
        if e.level in AREA_LEVELS or (
            e.level == "city" and (after_prep or e.population >= MISSED_CITY_FLOOR)
        ):
            return True
        if e.level == "admin2" and len(span) > 1:  # 'Guernsey County', not 'Guernsey'
            return True
    return False


def county_name(span: Span, gaz: Gazetteer) -> str:
    """'Harvey' in 'Harvey, Harper and Kingman counties' names Harvey County: a name in a list
    closed by 'counties', or followed by a lower-case 'county'; else ''."""
    doc = span.doc
    listed = span.start > 0 and doc[span.start - 1].text in (",", "and", "or")
    for tok in doc[span.end : span.end + COUNTY_LIST_REACH]:
        if tok.text == "counties" and listed or tok.text == "county" and tok.i == span.end:
            name = f"{span.text} County"
            return name if any(e.level == "admin2" for e in candidates(gaz, name)) else ""
        listed = listed or tok.text in (",", "and", "or")
        if not (tok.is_title or tok.text in (",", "and", "or")):
            return ""
    return ""


def qualifier_of(span: Span) -> str:
    """The place after 'X, ' ('Paris, Texas' -> 'Texas'), else ''."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].is_title:
        nxt = doc[span.end + 1]
        ent = next((e for e in doc_ents(doc) if e.start == nxt.i), None)
        return ent.text if ent is not None else nxt.text
    return ""


def is_metonym(span: Span, entry: Entry | None, gaz: Gazetteer, actors: list[ActorMention]) -> bool:
    """A capital used as an agent ('Washington said'): a state/government actor covering the
    span, and the span is a grammatical subject."""
    if entry is None or entry.geonames_id not in gaz.capitals:
        return False
    if span.root.dep_ not in SUBJECT_DEPS:
        return False
    for actor in actors:
        if (
            actor.start <= span.start_char
            and span.end_char <= actor.end
            and actor.actor is not None
        ):
            ref = actor.actor
            if ref.kind == "state" or "GOV" in ref.sector:
                return True
    return False


def toponym_spans(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """Entity spans that are places, plus gazetteer matches the NER missed, in text order."""
    name_parts = person_name_parts(doc)
    spans: list[Span] = []
    for ent in doc_ents(doc):
        if accept_entity(ent, gaz, name_parts):
            whole = trim(ent)
            inner = [] if candidates(gaz, whole.text) else embedded_spans(ent, gaz)
            spans += inner or [whole]
        elif ent.label_ in ("ORG", "FAC") and len(ent) > 1:
            spans += embedded_spans(ent, gaz)
    spans = [s for s in spans if len(s) and s.text[:1].isupper()]
    taken = {t.i for e in doc_ents(doc) for t in e}
    spans += dateline_spans(doc, gaz, taken)
    taken |= {t.i for s in spans for t in s}
    spans += missed_spans(doc, gaz, taken)
    spans += coordinated_spans(doc, spans, gaz)
    sure = [s for s in spans if s.root.ent_type_ in ("GPE", "LOC") and not is_demonym(gaz, s.text)]
    spans += repeated_spans(doc, spans, sure, gaz, name_parts)
    return sorted(spans, key=lambda s: s.start)


def find_places(
    parsed: Parsed, actors: list[ActorMention], *, min_city_population: int = 5000
) -> list[Place]:
    """Toponyms of an article resolved against the gazetteer (unresolved ones keep no point)."""
    gaz = load_gazetteer(min_city_population)
    spans = toponym_spans(parsed.doc, gaz)
    mentions = [
        Mention(
            s.text,
            s.start_char,
            s.end_char,
            parsed.sentence_of(s.start_char),
            qualifier_of(s),
            county_name(s, gaz),
        )
        for s in spans
    ]
    entries = resolve_mentions(gaz, mentions)
    local = focus(entries)
    towns = state_towns(entries)
    places = []
    for span, mention, entry in zip(spans, mentions, entries, strict=True):
        if is_metonym(span, entry, gaz, actors):
            continue
        if entry is None and local is not None:
            places.append(local_place(mention, local, gaz))
        else:
            places.append(to_place(mention, in_home_county(entry, towns), gaz))
    return places


def focus(entries: list[Entry | None]) -> Entry | None:
    """The article's home town: its most mentioned city (streets and buildings lie there)."""
    cities = [e for e in entries if e is not None and e.level == "city"]
    if not cities:
        return None
    counts = Counter(e.geonames_id for e in cities)
    return max(cities, key=lambda e: counts[e.geonames_id])


def state_towns(entries: list[Entry | None]) -> dict[tuple[str, str], Entry]:
    """The most mentioned town of each first-level division the article names towns in."""
    cities = [e for e in entries if e is not None and e.level == "city" and e.admin1]
    counts = Counter(e.geonames_id for e in cities)
    out: dict[tuple[str, str], Entry] = {}
    for e in sorted(cities, key=lambda e: counts[e.geonames_id]):
        out[(e.iso2, e.admin1)] = e
    return out


def in_home_county(entry: Entry | None, towns: dict[tuple[str, str], Entry]) -> Entry | None:
    """A county placed only at its state's point moves to the article's main town in that
    state (local news names the county around the towns it reports on)."""
    if entry is None or entry.level != "admin2" or entry.population:
        return entry
    town = towns.get((entry.iso2, entry.admin1))
    return entry if town is None else entry._replace(lat=town.lat, lon=town.lon)


def local_place(mention: Mention, town: Entry, gaz: Gazetteer) -> Place:
    """A name the gazetteer lacks (street, building), placed at the article's home town."""
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        sentence=mention.sentence,
        name=mention.text,
        country=gaz.iso3.get(town.iso2),
        admin_level="local",
        lat=town.lat,
        lon=town.lon,
        provenance=Provenance(stage="places", rule="places.resolve:home-town", lexicon="places@1"),
    )


def to_place(mention: Mention, entry: Entry | None, gaz: Gazetteer) -> Place:
    """The Place record of a mention and its chosen entry (or an unresolved one)."""
    if entry is None:
        return Place(
            text=mention.text,
            start=mention.start,
            end=mention.end,
            sentence=mention.sentence,
            provenance=Provenance(stage="places", rule="places.find:unresolved"),
        )
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        sentence=mention.sentence,
        name=entry.name,
        geonames_id=entry.geonames_id,
        country=gaz.iso3.get(entry.iso2),
        admin_level=entry.level,
        lat=entry.lat,
        lon=entry.lon,
        provenance=Provenance(stage="places", rule="places.resolve:gazetteer", lexicon="places@1"),
    )
