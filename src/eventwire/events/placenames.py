"""Named places for role extraction: is a token a place, and in which country does it lie."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.events.syntax import PLACE_ENTS

if TYPE_CHECKING:
    from eventwire.places.gazetteer import Entry

# the small model often leaves town names untagged or tags them NORP: a proper noun the
# gazetteer knows below country level is taken as a place
PLACE_NOUNS = frozenset(
    "city town village district province region area capital camp neighbourhood neighborhood".split()
)
VENUE_PREPS = frozenset({"in", "at"})
BIG_CITY = 100_000
AREA_LEVELS = frozenset({"city", "admin1", "admin2", "county", "region", "territory"})


def _prominence(entry: Entry) -> tuple[bool, bool, int, int]:
    """Countries first, then big cities (San Salvador the capital, not the Bahamian island), rank."""
    big_city = entry.level == "city" and entry.population >= BIG_CITY
    return (entry.level == "country", big_city, entry.rank, entry.population)


@lru_cache(maxsize=4096)
def place_entry(name: str) -> tuple[str, str] | None:
    """ISO-3 country and level of a named place (its highest-ranked, most populous entry)."""
    from eventwire.places.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    entries = gaz.lookup(name)
    if not entries:
        return None
    best = max(entries, key=_prominence)
    iso = gaz.iso3.get(best.iso2)
    return (iso, best.level) if iso else None


def proper_name(tok: Token) -> str:
    """The proper-noun run a token ends ('New Delhi', 'Kharkiv')."""
    first = tok
    while first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.pos_ != "PROPN" or prev.head.i != tok.i or prev.dep_ != "compound":
            break
        first = prev
    return tok.doc[first.i : tok.i + 1].text


def is_place(tok: Token) -> bool:
    """A named place: a place entity, or a proper noun the gazetteer knows below country level."""
    if tok.ent_type_ in PLACE_ENTS:
        return True
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "DATE", "TIME"):
        return False
    entry = place_entry(proper_name(tok))
    return entry is not None and entry[1] in AREA_LEVELS


def place_name(tok: Token) -> Token | None:
    """The named place of 'Aleppo' or of 'the city of Aleppo' / 'the capital, Kabul'."""
    if is_place(tok):
        return tok
    if tok.lemma_.lower() not in PLACE_NOUNS:
        return _place_inside(tok)
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_:
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            named = [p for p in c.children if p.dep_ == "pobj" and p.ent_type_]
            if named:
                return named[0]
    return None


def _place_inside(tok: Token) -> Token | None:
    """'fired at positions in Jenin', 'rioted at a jail in Ramla': the place the thing is in."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in VENUE_PREPS:
            named = [p for p in c.children if p.dep_ == "pobj" and is_place(p)]
            if named:
                return named[0]
    return None
