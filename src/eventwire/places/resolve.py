"""Resolve toponym mentions to gazetteer entries, using the article's other places as context.

Scores each candidate by feature type and population, then by the countries, first-level
divisions and points the rest of the article is about ("Paris" stays in France unless Texas is
in view; "Rafah" in a Gaza report is the Palestinian one).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

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
}
ADMIN1_SCORE = 6.6
ADMIN2_SCORE = 3.0
BIG_CITY = 500_000
COUNTRY_SHARE_WEIGHT = 2.5
NEAR_BONUS = 1.5


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym span found in the text; `qualifier` is the place after 'X, ' (a state)."""

    text: str
    start: int
    end: int
    sentence: int
    qualifier: str = ""


@dataclass
class Context:
    """What the article is about, geographically: counts by country and by admin1."""

    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    points: list[tuple[float, float]]

    @property
    def total(self) -> int:
        return sum(self.countries.values())


def candidates(gaz: Gazetteer, text: str) -> list[Entry]:
    """Entries for a mention: its name, then without a possessive, a type word or 'the'."""
    key = normalise(text.removesuffix("'s").removesuffix("’s"))
    if text.isupper() and len(text) > 3:
        key = normalise(text.title())
    found = [gaz.entries[i] for i in gaz.index.get(key, ())]
    if found:
        return found
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
        return math.log10(max(entry.population, 1000)) - alt + big
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
    score = 0.0
    if qualifier and any(
        q.iso2 == entry.iso2 and (q.level != "admin1" or q.admin1 == entry.admin1)
        for q in qualifier
    ):
        score += 6.0
    if ctx.total and entry.iso2:
        share = ctx.countries[entry.iso2] / ctx.total
        score += COUNTRY_SHARE_WEIGHT * share
        if entry.level in ("admin1", "admin2") and share >= 0.5:
            score += 1.0
        if entry.level in ("territory", "region") and share > 0:
            score += 2.0  # 'Gaza' in a Gaza report is the Strip, not only its largest city
    if entry.level in ("city", "admin2") and ctx.admin1[(entry.iso2, entry.admin1)]:
        score += 2.0
    if entry.level in ("city", "admin2"):
        score += nearness(entry, ctx.points)
    return score


def best(gaz: Gazetteer, mention: Mention, ctx: Context | None) -> Entry | None:
    """The highest-scoring candidate of a mention (None when the gazetteer has none)."""
    found = candidates(gaz, mention.text)
    if not found:
        return None
    key = normalise(mention.text)
    qual = candidates(gaz, mention.qualifier) if mention.qualifier else []
    if ctx is None:
        return max(found, key=lambda e: prior(e, key) + context_score(e, EMPTY, qual))
    return max(found, key=lambda e: prior(e, key) + context_score(e, ctx, qual))


EMPTY = Context(Counter(), Counter(), [])


def build_context(chosen: list[Entry | None]) -> Context:
    """Count countries and divisions of the places resolved so far (cities count once each)."""
    ctx = Context(Counter(), Counter(), [])
    for entry in chosen:
        if entry is None:
            continue
        if entry.iso2:
            ctx.countries[entry.iso2] += 1
        if entry.admin1:
            ctx.admin1[(entry.iso2, entry.admin1)] += 1
        if entry.level in ("city", "admin2") and entry.lat is not None and entry.lon is not None:
            ctx.points.append((entry.lat, entry.lon))
    return ctx


def resolve_mentions(gaz: Gazetteer, mentions: list[Mention]) -> list[Entry | None]:
    """Resolve every mention: once without context, then again with the article's context
    (the context of a name leaves out that name's own first guesses)."""
    first = [best(gaz, m, None) for m in mentions]
    keys = [normalise(m.text) for m in mentions]
    contexts: dict[str, Context] = {}
    for key in set(keys):
        contexts[key] = build_context([e for k, e in zip(keys, first, strict=True) if k != key])
    return [best(gaz, m, contexts[k]) for m, k in zip(mentions, keys, strict=True)]
