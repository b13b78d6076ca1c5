"""Exports in other projects' shapes: PLOVER JSON (POLECAT's fields) and GDELT 2.0 event columns.

Both are built from the stored event record (`events.record`) and its article row, so an
export says exactly what the store says. A field we have no counterpart for is left empty
(GDELT) or null (PLOVER), never guessed; docs/exports.md lists every field and its source.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.store.actor_nodes import country_names
from eventwire.store.duck import Store

# PLOVER contexts that an eventwire status implies (the PLOVER summary asks the coder to put
# "future" and "hypothetical" in the context list rather than in the event type).
STATUS_CONTEXTS = {
    "planned": ["future"],
    "expected": ["future"],
    "hypothetical": ["hypothetical"],
    "conditional": ["hypothetical"],
}

GDELT_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GDELT_GEO = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in GDELT_ACTOR)
    + tuple(f"Actor2{c}" for c in GDELT_ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in GDELT_GEO)
    + tuple(f"Actor2Geo_{c}" for c in GDELT_GEO)
    + tuple(f"ActionGeo_{c}" for c in GDELT_GEO)
    + ("DATEADDED", "SOURCEURL")
)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_NOT_COUNTRIES = frozenset({"IGO", "NGO"})


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, str]:
    """eventwire sector -> CAMEO actor type ('' when CAMEO has none), from data/exports."""
    text = (
        resources.files("eventwire")
        .joinpath("data", "exports", "cameo_types.tsv")
        .read_text(encoding="utf-8")
    )
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "") for r in rows}


def articles_meta(store: Store) -> dict[str, dict[str, Any]]:
    """Article id -> url, source, title, published, coded_at (what an export row needs)."""
    rows = store.query("SELECT id, url, source, title, published, coded_at FROM articles")
    return {r["id"]: r for r in rows}


def _resolved(actor: dict[str, Any] | None) -> bool:
    return bool(actor) and not str(actor["id"]).startswith("unresolved")  # type: ignore[index]


def _plover_actor(p: dict[str, Any]) -> dict[str, Any]:
    actor = p["actor"] if _resolved(p["actor"]) else None
    sectors = list(actor["sector"]) if actor else []
    return {
        "name": actor["name"] if actor else p["text"],
        "raw_text": p["text"],
        "kb_id": actor["id"] if actor else None,
        "country": actor["country"] if actor else None,
        "primary_sector": sectors[0] if sectors else None,
        "sectors": sectors,
        "kind": actor["kind"] if actor else None,
    }


def _day(value: str | None, granularity: str | None) -> date | None:
    if not value or granularity != "day":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date | datetime) else None


def plover_record(ev: dict[str, Any], art: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER/POLECAT JSON object (field list in docs/exports.md)."""
    parts = ev["participants"]
    roles = {"source": "actors", "target": "recipients", "third_party": "others"}
    groups: dict[str, list[dict[str, Any]]] = {v: [] for v in roles.values()}
    for p in parts:
        if p["role"] in roles:
            groups[roles[p["role"]]].append(_plover_actor(p))
    loc = ev["location"]
    d = ev["date"] or {}
    day = _day(d.get("value"), d.get("granularity"))
    return {
        "event_id": ev["id"],
        "event_date": day.isoformat() if day else None,
        "date_value": d.get("value"),
        "date_granularity": d.get("granularity"),
        "event_type": ev["plover"]["type"],
        "event_mode": ev["plover"]["mode"],
        "contexts": STATUS_CONTEXTS.get(ev["status"], []),
        "quad_code": ev["quad"],
        "goldstein": ev["goldstein"],
        "cameo_code": ev["cameo"],
        "status": ev["status"],
        **groups,
        "location": {
            "placename": loc["name"],
            "raw_placename": loc["text"],
            "country": loc["country"],
            "feature_type": loc["admin_level"] or None,
            "geonames_id": loc["geonames_id"],
            "lat": loc["lat"],
            "lon": loc["lon"],
        }
        if loc
        else None,
        "story_id": ev["article_id"],
        "sentence_index": ev["sentence"],
        "sentence": ev["text"],
        "trigger": ev["trigger"]["text"],
        "publication_date": _iso(art.get("published")),
        "source": art.get("source"),
        "url": art.get("url") or None,
        "title": art.get("title"),
        "rule": ev["rule"],
    }


def _country(code: str | None) -> str:
    """A CAMEO country code: our ISO-3 codes, but not the IGO/NGO pseudo-countries."""
    return code if code and _ISO3.match(code) and code not in _NOT_COUNTRIES else ""


def _gdelt_actor(p: dict[str, Any] | None) -> list[str]:
    """Actor1*/Actor2* columns for the first resolved participant of a role."""
    if p is None:
        return [""] * len(GDELT_ACTOR)
    actor = p["actor"]
    # a state named as such ("Russia") is its country code alone, as PETRARCH and GDELT code it
    sectors = [] if actor["kind"] == "state" else actor["sector"]
    types = [t for t in (cameo_types().get(s, "") for s in sectors) if t]
    country = _country(actor["country"])
    igo = "IGO" if actor["country"] == "IGO" and "IGO" not in types else ""
    code = country + igo + "".join(types)
    return [code, actor["name"].upper(), country, "", "", "", "", *(types + ["", "", ""])[:3]]


def _geo_type(loc: dict[str, Any]) -> str:
    """GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = loc["country"] == "USA"
    return {
        "country": "1",
        "admin1": "2" if us else "5",
        "city": "3" if us else "4",
    }.get(loc["admin_level"], "")


def _full_name(loc: dict[str, Any]) -> str:
    """'Place, Country' as GDELT writes it (the country alone for a country)."""
    country = country_names().get(loc["country"] or "", "")
    name = loc["name"] or loc["text"]
    if loc["admin_level"] == "country" or not country or country == name:
        return str(name)
    return f"{name}, {country}"


def _num(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _first(parts: list[dict[str, Any]], role: str) -> dict[str, Any] | None:
    return next((p for p in parts if p["role"] == role and _resolved(p["actor"])), None)


def _dates(d: dict[str, Any]) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate from the coded date, as precise as it is."""
    value, gran = d.get("value") or "", d.get("granularity")
    day = _day(value, gran)
    if day:
        frac = day.year + round(day.timetuple().tm_yday / 365, 4)
        return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{frac:.4f}"]
    month = re.match(r"^(\d{4})-(\d{2})$", value)
    if month:
        return ["", month[1] + month[2], month[1], ""]
    year = re.match(r"^(\d{4})", value)
    return ["", "", year[1] if year and gran in {"year", "week"} else "", ""]


def gdelt_row(ev: dict[str, Any], art: dict[str, Any]) -> list[str]:
    """One event as GDELT 2.0 event columns (GDELT_COLUMNS); no counterpart, empty cell."""
    parts = ev["participants"]
    loc = ev["location"]
    cameo = ev["cameo"] or ""
    added = art.get("coded_at")
    action_geo = (
        [_geo_type(loc), _full_name(loc), "", "", "", _num(loc["lat"]), _num(loc["lon"]), ""]
        if loc
        else [""] * len(GDELT_GEO)
    )
    return [
        ev["id"],
        *_dates(ev["date"] or {}),
        *_gdelt_actor(_first(parts, "source")),
        *_gdelt_actor(_first(parts, "target")),
        "",
        cameo,
        cameo[:3],
        cameo[:2],
        str(ev["quad"]),
        _num(ev["goldstein"]),
        "1",
        "1",
        "1",
        "",
        *[""] * (2 * len(GDELT_GEO)),
        *action_geo,
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        art.get("url") or "",
    ]


def plover_jsonl(store: Store) -> str:
    """Every stored event as one PLOVER JSON object per line."""
    meta = articles_meta(store)
    return "".join(
        json.dumps(plover_record(ev, meta.get(ev["article_id"], {})), ensure_ascii=False) + "\n"
        for ev in store.event_records()
    )


def _clean(cell: str) -> str:
    """GDELT files are plain, unquoted TSV: no tabs or newlines inside a cell."""
    return re.sub(r"[\t\r\n]+", " ", cell)


def gdelt_tsv(store: Store) -> str:
    """Every stored event as a GDELT 2.0 event row, tab-separated, with a header line."""
    meta = articles_meta(store)
    lines = ["\t".join(GDELT_COLUMNS)]
    for ev in store.event_records():
        lines.append("\t".join(_clean(c) for c in gdelt_row(ev, meta.get(ev["article_id"], {}))))
    return "\n".join(lines) + "\n"
