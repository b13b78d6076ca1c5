"""The event ontologies as data: CAMEO codes, the 16 PLOVER types and the crosswalk between them.

The facts live in `eventwire/data/ontology/` (cameo.tsv, cameo_plover.tsv, plover.yaml);
this module loads them once, validates them (a malformed entry raises `DataFileError`
naming file and line) and answers look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from eventwire.errors import DataFileError

DATA_PACKAGE = "eventwire.data.ontology"
PLOVER_TYPE_NAMES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODE_ALIASES = {
    "sieze": "seize",
    "primative": "primitive",
    "confiscate": "seize",
    "demo-org": "demo",
    "riot-spon": "riot",
    "strike-hun": "hunger",
}


class CameoCode(BaseModel):
    """One CAMEO code with its quad class, Goldstein score and PLOVER equivalent."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="The CAMEO code asked for (2-4 digits).")
    name: str
    quad: int = Field(
        ge=1,
        le=4,
        description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
    )
    goldstein: float = Field(ge=-10.0, le=10.0)
    plover_type: str | None = Field(None, description="None for plain statements (01x).")
    plover_mode: str | None = None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root."""
        return self.code[:2]


@dataclass(frozen=True)
class TsvRow:
    line: int
    cells: list[str]


def _read_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def tsv_rows(name: str, header: list[str]) -> list[TsvRow]:
    """Data rows of a TSV file (comments and blank lines skipped), header checked."""
    rows: list[TsvRow] = []
    seen_header = False
    for n, line in enumerate(_read_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not seen_header:
            if cells != header:
                raise DataFileError(f"{name}:{n}: header must be {header}, got {cells}")
            seen_header = True
            continue
        if len(cells) != len(header):
            raise DataFileError(
                f"{name}:{n}: expected {len(header)} tab-separated cells, got {len(cells)}"
            )
        rows.append(TsvRow(n, cells))
    return rows


def _check_code(name: str, row: TsvRow, code: str, seen: set[str]) -> None:
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise DataFileError(f"{name}:{row.line}: bad CAMEO code {code!r}")
    if code in seen:
        raise DataFileError(f"{name}:{row.line}: duplicate CAMEO code {code}")
    if len(code) > 2 and code[:-1] not in seen and code[:2] not in seen:
        raise DataFileError(f"{name}:{row.line}: code {code} listed before its root {code[:2]}")
    seen.add(code)


def _quad_of_root(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, tuple[str, int, float]]:
    """code -> (name, quad, goldstein), validated."""
    name = "cameo.tsv"
    table: dict[str, tuple[str, int, float]] = {}
    for row in tsv_rows(name, ["code", "quad", "goldstein", "name"]):
        code, quad_s, gold_s, label = row.cells
        _check_code(name, row, code, set(table))
        try:
            quad, goldstein = int(quad_s), float(gold_s)
        except ValueError as exc:
            raise DataFileError(f"{name}:{row.line}: quad/goldstein not numeric ({exc})") from exc
        if quad != _quad_of_root(code[:2]) or not -10.0 <= goldstein <= 10.0 or not label:
            raise DataFileError(f"{name}:{row.line}: bad quad, goldstein or empty name for {code}")
        table[code] = (label, quad, goldstein)
    return table


@lru_cache(maxsize=1)
def _crosswalk() -> dict[str, tuple[str | None, str | None]]:
    """code -> (PLOVER type, mode) for the codes listed in the crosswalk file."""
    name = "cameo_plover.tsv"
    types = plover_types()
    walk: dict[str, tuple[str | None, str | None]] = {}
    for row in tsv_rows(name, ["code", "plover_type", "plover_mode"]):
        code, ptype, pmode = row.cells
        _check_code(name, row, code, set(walk))
        if code not in _cameo_table():
            raise DataFileError(f"{name}:{row.line}: {code} is not in cameo.tsv")
        typ = None if ptype == "-" else ptype
        mode = None if pmode == "-" else pmode
        if typ is not None and typ not in types:
            raise DataFileError(f"{name}:{row.line}: unknown PLOVER type {ptype!r}")
        if mode is not None and (typ is None or mode not in types[typ]):
            raise DataFileError(f"{name}:{row.line}: mode {pmode!r} is not a mode of {ptype}")
        walk[code] = (typ, mode)
    return walk


def _yaml_lines(name: str, text: str) -> dict[str, int]:
    """Line number (1-based) of each top-level key of a YAML mapping."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML ({exc})") from exc
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(f"{name}:1: expected a mapping of PLOVER types")
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def _check_plover_entry(name: str, line: int, key: str, entry: Any) -> list[str]:
    if key not in PLOVER_TYPE_NAMES:
        raise DataFileError(f"{name}:{line}: {key!r} is not one of the 16 PLOVER types")
    if not isinstance(entry, dict) or set(entry) != {"cameo_root", "quad", "modes"}:
        raise DataFileError(f"{name}:{line}: {key} needs exactly cameo_root, quad and modes")
    modes = entry["modes"]
    if not isinstance(modes, list) or not all(isinstance(m, str) and m for m in modes):
        raise DataFileError(f"{name}:{line}: {key}: modes must be a list of names")
    root = str(entry["cameo_root"])
    if not (len(root) == 2 and root.isdigit() and 1 <= int(root) <= 20):
        raise DataFileError(f"{name}:{line}: {key}: bad cameo_root {root!r}")
    return [str(m) for m in modes]


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, tuple[list[str], str, int]]:
    """type -> (modes, CAMEO root, quad), validated."""
    name = "plover.yaml"
    text = _read_text(name)
    lines = _yaml_lines(name, text)
    data = yaml.safe_load(text)
    table: dict[str, tuple[list[str], str, int]] = {}
    for key, entry in data.items():
        modes = _check_plover_entry(name, lines.get(str(key), 0), str(key), entry)
        table[str(key)] = (modes, str(entry["cameo_root"]), int(entry["quad"]))
    missing = set(PLOVER_TYPE_NAMES) - set(table)
    if missing:
        raise DataFileError(f"{name}: missing PLOVER types {sorted(missing)}")
    return table


def plover_types() -> dict[str, list[str]]:
    """PLOVER type -> its modes, in the canonical order of the 16 types."""
    table = _plover_table()
    return {t: list(table[t][0]) for t in PLOVER_TYPE_NAMES}


PLOVER_TYPES: dict[str, list[str]] = plover_types()


def plover_to_cameo_root(plover_type: str) -> str:
    """The CAMEO root a PLOVER type maps back to (e.g. ASSAULT -> '19')."""
    try:
        return _plover_table()[plover_type.upper()][1]
    except KeyError as exc:
        raise KeyError(f"unknown PLOVER type {plover_type!r}") from exc


def normalise_mode(mode: str | None) -> str | None:
    """Lower-case a mode and map known spelling variants (sieze -> seize)."""
    if not mode:
        return None
    low = mode.strip().lower()
    return MODE_ALIASES.get(low, low)


def _nearest(code: str, table: dict[str, Any]) -> str | None:
    """The longest listed prefix of `code` (the code itself, its parent, ..., its root)."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return code[:n]
    return None


@lru_cache(maxsize=1024)
def cameo_entry(code: str) -> CameoCode:
    """Look up a CAMEO code; an unlisted sub-code falls back to its parent, then its root."""
    code = code.strip()
    key = _nearest(code, _cameo_table()) if code.isdigit() else None
    if key is None:
        raise KeyError(f"unknown CAMEO code {code!r}")
    label, quad, goldstein = _cameo_table()[key]
    walk_key = _nearest(code, _crosswalk())
    ptype, pmode = _crosswalk()[walk_key] if walk_key else (None, None)
    return CameoCode(
        code=code, name=label, quad=quad, goldstein=goldstein, plover_type=ptype, plover_mode=pmode
    )


def is_cameo_code(code: str) -> bool:
    """True if `code` or one of its parents is a known CAMEO code."""
    return code.isdigit() and 2 <= len(code) <= 4 and _nearest(code, _cameo_table()) is not None


def cameo_codes() -> list[str]:
    """Every CAMEO code listed in the data file, in file order."""
    return list(_cameo_table())


@lru_cache(maxsize=256)
def plover_to_cameo(plover_type: str, mode: str | None = None) -> str:
    """The most general CAMEO code the crosswalk gives for a PLOVER type and mode."""
    ptype, pmode = plover_type.upper(), normalise_mode(mode)
    if pmode is not None:
        for code, (t, m) in _crosswalk().items():
            if t == ptype and m == pmode:
                return code
    root = plover_to_cameo_root(ptype)
    return root
