"""Load and validate the place data files we wrote (country points, admin1 points, regions)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from eventwire.errors import DataFileError

DATA_PACKAGE = "eventwire"
DATA_DIR = "data/places"


@dataclass(frozen=True, slots=True)
class CountryRow:
    """A country point and the extra English names news gives it."""

    iso2: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Admin1Row:
    """A first-level division point the cities list cannot give."""

    iso2: str
    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A territory or region (Gaza Strip, Donbas, the Sahel) with a representative point."""

    name: str
    aliases: tuple[str, ...]
    iso2: str
    level: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class DemonymRow:
    """Adjectival and people forms of a place ('Kenyan', 'Kenyans' -> KE)."""

    place: str
    forms: tuple[str, ...]


def read_rows(text: str, filename: str, ncols: int) -> list[tuple[int, list[str]]]:
    """Split a TSV file into (line number, cells), skipping comments and the header."""
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < ncols:
            cells += [""] * (ncols - len(cells))
        if len(cells) != ncols:
            raise DataFileError(
                f"{filename}:{n}: expected {ncols} tab-separated columns, got {len(cells)}"
            )
        if not header_seen:
            header_seen = True
            continue
        rows.append((n, [c.strip() for c in cells]))
    return rows


def coord(value: str, limit: float, filename: str, n: int) -> float:
    """A latitude or longitude within +-limit, else an error naming file and line."""
    try:
        number = float(value)
    except ValueError:
        raise DataFileError(f"{filename}:{n}: {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise DataFileError(f"{filename}:{n}: coordinate {number} outside +-{limit}")
    return number


def aliases_of(value: str) -> tuple[str, ...]:
    """Split a '|' separated alias cell."""
    return tuple(a.strip() for a in value.split("|") if a.strip())


def iso2_of(value: str, filename: str, n: int, *, allow_empty: bool = False) -> str:
    """A two-letter upper-case country code, else an error naming file and line."""
    if allow_empty and not value:
        return ""
    if len(value) != 2 or not value.isalpha() or not value.isupper():
        raise DataFileError(f"{filename}:{n}: {value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def parse_countries(text: str, filename: str = "countries.tsv") -> list[CountryRow]:
    """Validate and parse the country-points file."""
    out = []
    for n, c in read_rows(text, filename, 4):
        iso2 = iso2_of(c[0], filename, n)
        lat, lon = coord(c[1], 90, filename, n), coord(c[2], 180, filename, n)
        out.append(CountryRow(iso2, lat, lon, aliases_of(c[3])))
    return out


def parse_admin1(text: str, filename: str = "admin1.tsv") -> list[Admin1Row]:
    """Validate and parse the admin1-points file."""
    out = []
    for n, c in read_rows(text, filename, 5):
        if not c[1]:
            raise DataFileError(f"{filename}:{n}: empty name")
        lat, lon = coord(c[2], 90, filename, n), coord(c[3], 180, filename, n)
        out.append(Admin1Row(iso2_of(c[0], filename, n), c[1], lat, lon, aliases_of(c[4])))
    return out


def parse_regions(text: str, filename: str = "regions.tsv") -> list[RegionRow]:
    """Validate and parse the territories-and-regions file."""
    out = []
    for n, c in read_rows(text, filename, 6):
        if not c[0] or not c[3]:
            raise DataFileError(f"{filename}:{n}: name and level are required")
        iso2 = iso2_of(c[2], filename, n, allow_empty=True)
        lat, lon = coord(c[4], 90, filename, n), coord(c[5], 180, filename, n)
        out.append(RegionRow(c[0], aliases_of(c[1]), iso2, c[3], lat, lon))
    return out


def plural_forms(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Forms plus the plurals of those ending in -an or -i ('Kenyans', 'Israelis')."""
    extra = tuple(f + "s" for f in forms if f.endswith(("an", "i")) and " " not in f)
    return forms + extra


def parse_demonyms(text: str, filename: str = "demonyms.tsv") -> list[DemonymRow]:
    """Validate and parse the demonyms file."""
    out = []
    for n, c in read_rows(text, filename, 2):
        forms = aliases_of(c[1])
        if not c[0] or not forms:
            raise DataFileError(f"{filename}:{n}: place and at least one form are required")
        out.append(DemonymRow(c[0], plural_forms(forms)))
    return out


def read_data(name: str) -> str:
    """Text of one shipped data file."""
    return resources.files(DATA_PACKAGE).joinpath(f"{DATA_DIR}/{name}").read_text(encoding="utf-8")


def load_countries() -> list[CountryRow]:
    """The shipped country points."""
    return parse_countries(read_data("countries.tsv"))


def load_admin1() -> list[Admin1Row]:
    """The shipped admin1 points."""
    return parse_admin1(read_data("admin1.tsv"))


def load_regions() -> list[RegionRow]:
    """The shipped territories and regions."""
    return parse_regions(read_data("regions.tsv"))


def load_demonyms() -> list[DemonymRow]:
    """The shipped demonyms."""
    return parse_demonyms(read_data("demonyms.tsv"))
