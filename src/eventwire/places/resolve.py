"""Resolve toponym mentions to gazetteer entries, using the article's other places as context.

Scores each candidate by feature type and population, then by the countries, first-level
divisions and points the rest of the article is about ("Paris" stays in France unless Texas is
in view; "Rafah" in a Gaza report is the Palestinian one). Evidence is weighed: a name counts
once, sure clues ("City, State", names found in one state only, big cities) outweigh guesses,
division bonuses scale with how much the article is about that country, and the division
holding the most of the article's names ("Columbus", "Norfolk", "Platte County") is preferred.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from eventwire.places.gazetteer import Entry, Gazetteer, normalise

SUFFIXES = (" province", " region", " state", " governorate", " oblast", " district", " city")
PREFIXES = ("city of ", "province of ", "state of ", "region of ", "town of ", "republic of ")
LEVEL_SCORE = {
    "continent": 9.5,
    "country": 9.0,
    "territory": 7.5,
    "region": 7.0,
    "sea": 7.0,
    "lake": 6.5,
    "county": 6.5,
}
ADMIN1_SCORE = 6.6
ADMIN2_SCORE = 3.0
BIG_CITY = 500_000
COUNTRY_SHARE_WEIGHT = 3.5
NEAR_BONUS = 1.5
STATE_WEIGHT = 3.0
QUALIFIER_BONUS = 6.0
QUALIFIED_WEIGHT = 2.0
GUESS_WEIGHT = 0.3
ROUNDS = 2
SMALL_TOWN_PENALTY = 1.0
COVER_WEIGHT = 2.0
NAMED_STATE_BONUS = 2.0
QUALIFIER_LEVELS = ("admin1", "country", "territory", "region", "county")
COVER_LEVELS = ("city", "admin2", "admin1")


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym span found in the text; `qualifier` is the place after 'X, ' (a state);
    `lookup` a fuller name to resolve it by ('Douglas' in 'Douglas and Sarpy counties')."""

    text: str
    start: int
    end: int
    sentence: int
    qualifier: str = ""
    lookup: str = ""

    @property
    def name(self) -> str:
        """The name to look up: the text, or a completed form ('Douglas' -> 'Douglas County')."""
        return self.lookup or self.text


@dataclass
class Context:
    """What the article is about, geographically: evidence weights by country and by admin1
    (unambiguous and 'City, State' mentions weigh more than guesses), and anchor points."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[float, float]] = field(default_factory=list)
    cover: dict[tuple[str, str], float] = field(default_factory=dict)
    named: set[tuple[str, str]] = field(default_factory=set)

    @property
    def total(self) -> float:
        return sum(self.countries.values())

    def country_share(self, iso2: str) -> float:
        """Share of the article's country evidence that falls in this country."""
        total = self.total
        return self.countries.get(iso2, 0.0) / total if total else 0.0

    def state_share(self, iso2: str, admin1: str) -> float:
        """Share of the country's first-level-division evidence that falls in this one."""
        inside = sum(v for (c, _), v in self.admin1.items() if c == iso2)
        return self.admin1.get((iso2, admin1), 0.0) / inside if inside else 0.0


def candidates(gaz: Gazetteer, text: str) -> list[Entry]:
    """Entries for a mention: its name, a US postal code, then without a possessive, a type
    word or 'the'."""
    key = normalise(text.removesuffix("'s").removesuffix("’s"))
    if text.isupper() and len(text) > 3:
        key = normalise(text.title())
    found = [gaz.entries[i] for i in gaz.index.get(key, ())]
    if len(text) <= 3 and text.isupper():  # 'UN', 'EU' are acronyms, not the towns Un and Eu
        found = [e for e in found if e.level != "city" or normalise(e.name) != key]
    if found:
        return found
    state = gaz.admin1.get(("US", text)) if len(text) == 2 and text.isupper() else None
    if state is not None:
        return [gaz.entries[state]]  # a postal code the NER tagged as a place ('Dayton, OH')
    for suffix in SUFFIXES:
        if key.endswith(suffix) and key != suffix.strip():
            found = [gaz.entries[i] for i in gaz.index.get(key.removesuffix(suffix), ())]
            if found:
                return [e for e in found if e.level != "city"] or found
    for prefix in PREFIXES:
        if key.startswith(prefix):
            return [gaz.entries[i] for i in gaz.index.get(key.removeprefix(prefix), ())]
    return []


def prior(entry: Entry, key: str) -> float:
    """Context-free score: feature type, population, and a penalty for alternate names."""
    if entry.lat is None:
        return -5.0
    if entry.level == "city":
        alt = 0.0 if normalise(entry.name) == key else 1.0
        big = 2.0 if entry.population >= BIG_CITY else 0.0
        small = SMALL_TOWN_PENALTY if entry.small else 0.0
        return math.log10(max(entry.population, 1000)) - alt + big - small
    if entry.level == "admin1":
        return ADMIN1_SCORE
    if entry.level == "admin2":
        return ADMIN2_SCORE
    return LEVEL_SCORE.get(entry.level, 5.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def nearness(entry: Entry, points: list[tuple[float, float]]) -> float:
    """Bonus for a candidate close to places already resolved in the article."""
    if entry.lat is None or entry.lon is None or not points:
        return 0.0
    best = min(distance_km(entry.lat, entry.lon, la, lo) for la, lo in points)
    return NEAR_BONUS if best < 50 else NEAR_BONUS * 2 / 3 if best < 200 else 0.0


def context_score(entry: Entry, ctx: Context, qualifier: list[Entry]) -> float:
    """Bonus from the article's countries, divisions and points, and from 'X, Qualifier'."""
    score = QUALIFIER_BONUS if qualifies(entry, qualifier) else 0.0
    if ctx.total and entry.iso2:
        share = ctx.country_share(entry.iso2)
        score += COUNTRY_SHARE_WEIGHT * share
        if entry.level in ("admin1", "admin2") and share >= 0.5:
            score += 1.0
        if entry.level in ("territory", "region") and share > 0:
            score += 2.0  # 'Gaza' in a Gaza report is the Strip, not only its largest city
    pair = (entry.iso2, entry.admin1)
    if entry.level in ("city", "admin2"):
        score += nearness(entry, ctx.points) + division_score(entry, ctx)
        score += NAMED_STATE_BONUS if pair in ctx.named else 0.0  # 'Athens ... Georgia'
    elif entry.level == "admin1":
        score += division_score(entry, ctx)  # 'Washington' beside Seattle is the state
        score += NAMED_STATE_BONUS if ctx.cover.get(pair, 0.0) > 0 else 0.0
    return score


def division_score(entry: Entry, ctx: Context) -> float:
    """Bonus for a town in the division the article is about, scaled by how much the
    article is about that country (London and Paris stay European in a Dutch story)."""
    if not entry.admin1:
        return 0.0
    pair = (entry.iso2, entry.admin1)
    local = STATE_WEIGHT * ctx.state_share(*pair) + COVER_WEIGHT * ctx.cover.get(pair, 0.0)
    return local * ctx.country_share(entry.iso2)


def qualifies(entry: Entry, qualifier: list[Entry]) -> bool:
    """The entry lies in the place named after its comma ('Columbus, Ohio')."""
    return any(
        q.iso2 == entry.iso2 and (q.level != "admin1" or q.admin1 == entry.admin1)
        for q in qualifier
    )


def qualifier_entries(gaz: Gazetteer, qualifier: str) -> list[Entry]:
    """The areas a qualifier may name, and US postal codes ('Dayton, OH'); a town after a
    comma is a list ('After Paris, London'), not a qualifier."""
    if not qualifier:
        return []
    found = [e for e in candidates(gaz, qualifier) if e.level in QUALIFIER_LEVELS]
    idx = gaz.admin1.get(("US", qualifier)) if len(qualifier) == 2 and qualifier.isupper() else None
    return found if idx is None else [gaz.entries[idx], *found]


def best(gaz: Gazetteer, mention: Mention, ctx: Context | None) -> Entry | None:
    """The highest-scoring candidate of a mention (None when the gazetteer has none)."""
    found = candidates(gaz, mention.name)
    if not found:
        return None
    key = normalise(mention.name)
    qual = qualifier_entries(gaz, mention.qualifier)
    use = EMPTY if ctx is None else ctx
    return max(found, key=lambda e: prior(e, key) + context_score(e, use, qual))


EMPTY = Context()


def evidence_weight(gaz: Gazetteer, mention: Mention, entry: Entry) -> tuple[float, float]:
    """How much a resolved mention says about the article's (country, division): a lot when
    its qualifier confirms it or every candidate lies there, little when it was a guess."""
    if mention.qualifier and qualifies(entry, qualifier_entries(gaz, mention.qualifier)):
        return QUALIFIED_WEIGHT, QUALIFIED_WEIGHT
    if entry.population >= BIG_CITY:
        return 1.0, 1.0
    found = [
        e
        for e in candidates(gaz, mention.name)
        if e.lat is not None and (entry.small or not e.small)
    ]
    same_country = all(e.iso2 == entry.iso2 for e in found)
    same_state = same_country and all(e.admin1 == entry.admin1 for e in found)
    return (1.0 if same_country else GUESS_WEIGHT), (1.0 if same_state else GUESS_WEIGHT)


Clues = dict[tuple[str, Entry], tuple[float, float]]


def clues_of(gaz: Gazetteer, mentions: list[Mention], chosen: list[Entry | None]) -> Clues:
    """(name, entry) -> (country weight, division weight) of the places resolved so far, each
    name once (a town named ten times is one clue)."""
    clues: Clues = {}
    for mention, entry in zip(mentions, chosen, strict=True):
        if entry is None:
            continue
        key = (normalise(mention.name), entry)
        w_country, w_state = evidence_weight(gaz, mention, entry)
        old = clues.get(key, (0.0, 0.0))
        clues[key] = (max(old[0], w_country), max(old[1], w_state))
    return clues


def build_context(clues: Clues, skip: str) -> Context:
    """The article's context for resolving name `skip`: every clue but that name's own;
    anchor points come from sure clues."""
    ctx = Context()
    for (key, entry), (w_country, w_state) in clues.items():
        if key == skip:
            continue
        if entry.iso2:
            ctx.countries[entry.iso2] += w_country
        if entry.admin1:
            ctx.admin1[(entry.iso2, entry.admin1)] += w_state
        sure = w_state >= 1.0 or entry.population >= BIG_CITY
        if sure and entry.level in ("city", "admin2") and entry.lat is not None:
            ctx.points.append((entry.lat, entry.lon or 0.0))
    return ctx


def divisions(
    gaz: Gazetteer, mention: Mention, levels: tuple[str, ...] = COVER_LEVELS
) -> set[tuple[str, str]]:
    """The (country, division) pairs where a mention has a town, county or division."""
    return {
        (e.iso2, e.admin1)
        for e in candidates(gaz, mention.name)
        if e.admin1 and e.lat is not None and e.level in levels and not e.small
    }


def coverage(areas: dict[str, set[tuple[str, str]]], skip: str) -> dict[tuple[str, str], float]:
    """For each division, the share of the article's other names that have a place in it:
    Columbus, Norfolk and Platte County together point to the one state holding all three."""
    others = [a for k, a in areas.items() if k != skip and a]
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for found in others:
        for pair in found:
            counts[pair] += 1.0 / len(others)
    return counts


def resolve_mentions(gaz: Gazetteer, mentions: list[Mention]) -> list[Entry | None]:
    """Resolve every mention: once without context, then again with the article's context
    (the context of a name leaves out that name's own guesses), then once more so that the
    second-round choices settle on one coherent area."""
    keys = [normalise(m.name) for m in mentions]
    chosen = best_each(gaz, mentions, keys, None)
    areas: dict[str, set[tuple[str, str]]] = {}
    states: dict[str, set[tuple[str, str]]] = {}
    for key, mention in zip(keys, mentions, strict=True):
        areas.setdefault(key, divisions(gaz, mention))
        states.setdefault(key, divisions(gaz, mention, ("admin1",)))
    for _ in range(ROUNDS):
        clues = clues_of(gaz, mentions, chosen)
        contexts = {key: build_context(clues, key) for key in set(keys)}
        for key, ctx in contexts.items():
            ctx.cover = coverage(areas, key)
            ctx.named = {p for k, found in states.items() if k != key for p in found}
        chosen = best_each(gaz, mentions, keys, contexts)
    return one_sense(gaz, mentions, keys, chosen)


def best_each(
    gaz: Gazetteer, mentions: list[Mention], keys: list[str], contexts: dict[str, Context] | None
) -> list[Entry | None]:
    """`best` of every mention, each (name, qualifier) scored once: a name repeated ten times
    has one context (keyed by its normalised name), so its candidates score the same each time."""
    memo: dict[tuple[str, str], Entry | None] = {}
    out: list[Entry | None] = []
    for mention, key in zip(mentions, keys, strict=True):
        ident = (mention.name, mention.qualifier)
        if ident not in memo:
            memo[ident] = best(gaz, mention, None if contexts is None else contexts[key])
        out.append(memo[ident])
    return out


def one_sense(
    gaz: Gazetteer, mentions: list[Mention], keys: list[str], chosen: list[Entry | None]
) -> list[Entry | None]:
    """A name the article once qualifies ('Springfield, Ohio') keeps that sense in its bare
    mentions too (one sense per name per article)."""
    sense: dict[str, Entry] = {}
    for mention, key, entry in zip(mentions, keys, chosen, strict=True):
        if entry is not None and key not in sense and mention.qualifier:
            if qualifies(entry, qualifier_entries(gaz, mention.qualifier)):
                sense[key] = entry
    return [
        sense.get(k, e) if not m.qualifier else e
        for m, k, e in zip(mentions, keys, chosen, strict=True)
    ]
