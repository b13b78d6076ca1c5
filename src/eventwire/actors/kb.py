"""The actor knowledge base: states, organisations, armed groups, persons and role nouns.

Data lives in `eventwire/data/actors/` (written for eventwire, versioned with the code) and is
loaded once per process; a malformed entry raises `DataFileError` naming file and line.

Sector codes (CAMEO/PETRARCH style; an actor code is country + sectors, e.g. PSEREB, ISRMIL):
    GOV government/executive   MIL military            SPY intelligence/security services
    COP police                 REB rebels/armed groups OPP opposition, dissidents, activists
    PTY political party        IGO intergovernmental   NGO non-governmental organisation
    JUD judiciary              LEG legislature         MED mediators/third parties (issue 5)
    BUS business               CVL civilians           REF refugees/displaced
    CRM criminals/gangs        JRN media/journalists   HLH health/medical
    EDU education              LAB labour/unions       REL religious
    ELI elites, former office holders                  UAF unidentified armed forces
    AGR agriculture/farmers
Kinds: state, organisation, person, group, people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from eventwire.errors import DataFileError

SECTORS = frozenset(
    "GOV MIL SPY COP REB OPP PTY IGO NGO JUD LEG MED BUS CVL REF CRM JRN HLH EDU LAB REL ELI UAF AGR".split()
)
KINDS = frozenset({"state", "organisation", "person", "group", "people"})
OFFICES: dict[str, tuple[str, ...]] = {
    "head_of_state": ("GOV",),
    "head_of_government": ("GOV",),
    "foreign_minister": ("GOV",),
    "defence_minister": ("GOV", "MIL"),
    "intelligence_chief": ("SPY",),
    "army_chief": ("MIL",),
    "leader": (),  # takes the sectors of the organisation led (or GOV)
    "minister": ("GOV",),
    "official": ("GOV",),
}
SPECIAL_COUNTRIES = frozenset({"IGO", "NGO"})
KB_VERSION = "actors-kb@1"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is present


@dataclass(frozen=True)
class Office:
    """A position held from `start` to `end` (None: open)."""

    role: str
    sectors: tuple[str, ...]
    start: date | None = None
    end: date | None = None
    org: str | None = None

    def valid(self, day: date | None) -> bool:
        """True when held on `day`; with no day, only a current (open-ended) office."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Actor:
    """One KB entry: organisation, group or person (states are `Country`)."""

    id: str
    name: str
    kind: str
    country: str | None
    sectors: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    org: str | None = None


@dataclass(frozen=True)
class Country:
    """A state with its names, demonyms and seat-of-government metonyms."""

    iso3: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    plurals: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.names[0]


@dataclass(frozen=True)
class Role:
    """A role noun or modifier ("intelligence chief", "troops", "sources")."""

    phrase: tuple[str, ...]
    sectors: tuple[str, ...]
    kind: str
    office: str
    flags: frozenset[str]


@dataclass(frozen=True)
class KB:
    """Everything the resolver looks up, indexed once."""

    countries: dict[str, Country]
    actors: dict[str, Actor]
    roles: dict[tuple[str, ...], Role]
    by_office: dict[tuple[str, str], tuple[Actor, ...]] = field(default_factory=dict)

    def leaders(self, org: str, day: date | None) -> list[Actor]:
        """Persons leading the KB organisation `org` on `day` ("the UN secretary-general")."""
        return [
            a
            for a in self.by_office.get(("leader", "@" + org), ())
            if any(o.role == "leader" and o.org == org and o.valid(day) for o in a.offices)
        ]

    def holders(self, office: str, country: str, day: date | None) -> list[Actor]:
        """Persons holding `office` in `country` on `day` (current holders if no day)."""
        return [
            a
            for a in self.by_office.get((office, country), ())
            if any(o.role == office and o.valid(day) for o in a.offices)
        ]


def role_key(phrase: str) -> tuple[str, ...]:
    """A role phrase as spaCy tokenises it: lower case, hyphens apart ("secretary - general")."""
    return tuple(re.findall(r"[\w'.]+|-", phrase.lower()))


def _split(value: str) -> tuple[str, ...]:
    """Values of a '|'-separated TSV field."""
    return tuple(v.strip() for v in value.split("|") if v.strip())


def parse_countries(text: str, source: str) -> dict[str, Country]:
    """Read countries.tsv: iso3, names, adjectives, plurals, capitals."""
    out: dict[str, Country] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5 or len(cols[0]) != 3 or not cols[0].isupper() or not cols[1].strip():
            raise DataFileError(
                f"{source}:{n}: expected 5 TAB-separated columns starting with an ISO-3 code"
            )
        if cols[0] in out:
            raise DataFileError(f"{source}:{n}: duplicate country {cols[0]}")
        out[cols[0]] = Country(cols[0], *(_split(c) for c in cols[1:]))
    return out


def parse_roles(text: str, source: str) -> dict[tuple[str, ...], Role]:
    """Read roles.tsv: phrase, sectors, kind, office, flags."""
    out: dict[tuple[str, ...], Role] = {}
    known_flags = {"weak", "anon", "member", "self", "mod", "place", "nocountry", "type"}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise DataFileError(f"{source}:{n}: expected 5 TAB-separated columns, got {len(cols)}")
        phrase, sectors, kind, office, flags = (c.strip() for c in cols)
        secs = tuple(s for s in sectors.split(",") if s and s != "-")
        flagset = frozenset(f for f in flags.split(",") if f and f != "-")
        bad = [s for s in secs if s not in SECTORS] + sorted(flagset - known_flags)
        if bad or kind not in KINDS | {"", "-"} or office not in {*OFFICES, "-"}:
            raise DataFileError(f"{source}:{n}: unknown sector, kind, office or flag in {line!r}")
        out[role_key(phrase)] = Role(tuple(phrase.split()), secs, kind, office, flagset)
    return out


def _entry_lines(text: str, source: str) -> list[int]:
    """Line number of each top-level list item, for error messages."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError(f"{source}:{line}: not valid YAML ({exc})") from exc
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(f"{source}:1: expected a list of entries")
    return [item.start_mark.line + 1 for item in node.value]


def parse_actor_yaml(
    text: str, source: str, kind: str, countries: dict[str, Country]
) -> list[Actor]:
    """Read organisations/groups/persons YAML; every entry validated."""
    lines = _entry_lines(text, source)
    data = yaml.load(text, Loader=_LOADER) or []  # noqa: S506 (a safe loader)
    return [
        _actor(entry, kind, countries, f"{source}:{line}")
        for entry, line in zip(data, lines, strict=True)
    ]


_ACTOR_KEYS = {"id", "name", "aliases", "country", "sectors", "kind", "offices", "org"}


def _actor(entry: Any, kind: str, countries: dict[str, Country], where: str) -> Actor:
    """One validated YAML entry; `where` (file:line) names it in errors."""
    if not isinstance(entry, dict) or not {"id", "name", "country"} <= entry.keys():
        raise DataFileError(f"{where}: an entry needs id, name and country")
    unknown = set(entry) - _ACTOR_KEYS
    country = entry["country"]
    if unknown:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}")
    if country not in countries and country not in SPECIAL_COUNTRIES:
        raise DataFileError(f"{where}: unknown country code {country!r}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataFileError(f"{where}: aliases must be a list of strings")
    sectors = _sectors(entry.get("sectors") or [], where)
    offices = tuple(_office(o, where) for o in entry.get("offices") or [])
    if not sectors and offices:
        sectors = offices[-1].sectors or ("GOV",)
    return Actor(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=str(entry.get("kind", kind)),
        country=str(country),
        sectors=sectors,
        aliases=tuple(aliases),
        offices=offices,
        org=entry.get("org"),
    )


def _sectors(values: Any, where: str) -> tuple[str, ...]:
    """A validated list of sector codes."""
    if not isinstance(values, list) or any(v not in SECTORS for v in values):
        raise DataFileError(f"{where}: sectors must be a list of known codes, got {values!r}")
    return tuple(values)


def _office(entry: Any, where: str) -> Office:
    """One validated office with its validity period."""
    if not isinstance(entry, dict) or entry.get("role") not in OFFICES:
        raise DataFileError(f"{where}: office needs a role among {sorted(OFFICES)}, got {entry!r}")
    start, end = entry.get("from"), entry.get("to")
    for d in (start, end):
        if d is not None and not isinstance(d, date):
            raise DataFileError(f"{where}: office dates must be YYYY-MM-DD, got {d!r}")
    if start and end and start > end:
        raise DataFileError(f"{where}: office ends before it starts")
    role = str(entry["role"])
    sectors = _sectors(entry["sectors"], where) if "sectors" in entry else OFFICES[role]
    return Office(role=role, sectors=sectors, start=start, end=end, org=entry.get("org"))


def _read(name: str) -> str:
    """A packaged data file of the actor KB."""
    return resources.files("eventwire").joinpath("data", "actors", name).read_text(encoding="utf-8")


def build_kb(
    countries: dict[str, Country], actors: list[Actor], roles: dict[tuple[str, ...], Role]
) -> KB:
    """Index actors by id and persons by (office, country); ids must be unique."""
    by_id: dict[str, Actor] = {}
    by_office: dict[tuple[str, str], list[Actor]] = {}
    for a in actors:
        if a.id in by_id or a.id in countries:
            raise DataFileError(f"actor KB: duplicate id {a.id!r}")
        by_id[a.id] = a
        for role in dict.fromkeys(o.role for o in a.offices):
            by_office.setdefault((role, a.country or ""), []).append(a)
        for org in dict.fromkeys(o.org for o in a.offices if o.role == "leader" and o.org):
            by_office.setdefault(("leader", "@" + str(org)), []).append(a)
    return KB(countries, by_id, roles, {k: tuple(v) for k, v in by_office.items()})


@lru_cache(maxsize=1)
def load_kb() -> KB:
    """The packaged knowledge base, loaded and validated once per process."""
    countries = parse_countries(_read("countries.tsv"), "countries.tsv")
    roles = parse_roles(_read("roles.tsv"), "roles.tsv")
    general = parse_roles(_read("roles_general.tsv"), "roles_general.tsv")
    roles = {**general, **roles}  # the hand-tuned entries of roles.tsv win
    actors: list[Actor] = []
    for fname, kind in (
        ("organisations.yaml", "organisation"),
        ("groups.yaml", "group"),
        ("persons.yaml", "person"),
    ):
        actors += parse_actor_yaml(_read(fname), fname, kind, countries)
    return build_kb(countries, actors, roles)


def kb_size() -> dict[str, int]:
    """Entries per kind (states, organisations, groups, persons, roles): for README and reports."""
    kb = load_kb()
    sizes = {"state": len(kb.countries), "role": len(kb.roles)}
    for a in kb.actors.values():
        sizes[a.kind] = sizes.get(a.kind, 0) + 1
    return sizes
