"""The ontology data: CAMEO codes, PLOVER types and modes, the crosswalk, the loader's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events import ontology
from eventwire.events.ontology import (
    PLOVER_TYPES,
    cameo_entry,
    is_cameo_code,
    normalise_mode,
    plover_to_cameo,
    plover_to_cameo_root,
)


@pytest.mark.parametrize(
    ("code", "quad", "plover_type", "plover_mode"),
    [
        ("036", 1, "AGREE", None),
        ("042", 1, "CONSULT", "visit"),
        ("045", 1, "CONSULT", "third-party"),
        ("057", 1, "AGREE", None),
        ("0871", 2, "RETREAT", "ceasefire"),
        ("112", 3, "ACCUSE", "allege"),
        ("125", 3, "REJECT", "meet"),
        ("138", 3, "THREATEN", "violence"),
        ("1711", 4, "COERCE", "seize"),
        ("173", 4, "COERCE", "arrest"),
        ("181", 4, "ASSAULT", "abduct"),
        ("195", 4, "ASSAULT", "aerial"),
        ("010", 1, None, None),
    ],
)
def test_ontology_cameo_entry_gives_quad_and_plover(
    code: str, quad: int, plover_type: str | None, plover_mode: str | None
) -> None:
    entry = cameo_entry(code)
    assert (entry.code, entry.quad, entry.plover_type, entry.plover_mode) == (
        code,
        quad,
        plover_type,
        plover_mode,
    )
    assert entry.root == code[:2]


@pytest.mark.parametrize(("code", "parent"), [("0439", "043"), ("1959", "195"), ("209", "20")])
def test_ontology_unknown_subcode_falls_back_to_parent(code: str, parent: str) -> None:
    entry, base = cameo_entry(code), cameo_entry(parent)
    assert (entry.name, entry.goldstein, entry.plover_type) == (
        base.name,
        base.goldstein,
        base.plover_type,
    )


@pytest.mark.parametrize("code", ["", "21", "99", "abc", "5"])
def test_ontology_unknown_code_raises(code: str) -> None:
    with pytest.raises(KeyError):
        cameo_entry(code)
    assert not is_cameo_code(code)


def test_ontology_goldstein_sign_follows_cooperation() -> None:
    assert cameo_entry("057").goldstein > 0 > cameo_entry("190").goldstein
    assert cameo_entry("20").goldstein == -10.0


def test_ontology_has_all_sixteen_plover_types() -> None:
    assert len(PLOVER_TYPES) == 16
    assert "multilateral" in PLOVER_TYPES["CONSULT"]
    assert "ceasefire" in PLOVER_TYPES["RETREAT"]


@pytest.mark.parametrize(
    ("ptype", "root"), [("ASSAULT", "19"), ("consult", "04"), ("REJECT", "12"), ("PROTEST", "14")]
)
def test_ontology_plover_to_cameo_root(ptype: str, root: str) -> None:
    assert plover_to_cameo_root(ptype) == root


@pytest.mark.parametrize(
    ("ptype", "mode", "code"),
    [
        ("ASSAULT", "aerial", "195"),
        ("RETREAT", "ceasefire", "0871"),
        ("COERCE", "sieze", "171"),
        ("AID", None, "07"),
    ],
)
def test_ontology_plover_to_cameo_picks_crosswalk_code(
    ptype: str, mode: str | None, code: str
) -> None:
    assert plover_to_cameo(ptype, mode) == code


def test_ontology_crosswalk_modes_are_modes_of_their_type() -> None:
    for code in ontology.cameo_codes():
        entry = cameo_entry(code)
        if entry.plover_mode is not None:
            assert entry.plover_type is not None
            assert entry.plover_mode in PLOVER_TYPES[entry.plover_type]


@pytest.mark.parametrize(
    ("raw", "norm"), [("Sieze", "seize"), ("primative", "primitive"), ("", None)]
)
def test_ontology_normalise_mode(raw: str, norm: str | None) -> None:
    assert normalise_mode(raw) == norm


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("code\tquad\tgoldstein\tname\n01\t1\t0.0\tStatement\n010\t1\tx\tBad\n", 3),
        ("code\tquad\tgoldstein\tname\n01\t1\t0.0\tStatement\n14\t1\t-6.5\tWrong quad\n", 3),
        ("code\tquad\tgoldstein\tname\n01\t1\t0.0\n", 2),
        ("# comment\ncode\tquad\tgoldstein\tname\n0A\t1\t0.0\tBad code\n", 3),
    ],
)
def test_ontology_loader_names_file_and_line(
    content: str, line: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ontology, "_read_text", lambda name: content)
    ontology._cameo_table.cache_clear()
    try:
        with pytest.raises(DataFileError, match=rf"cameo\.tsv:{line}:"):
            ontology._cameo_table()
    finally:
        ontology._cameo_table.cache_clear()


def test_ontology_plover_yaml_rejects_unknown_type(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = "AGREE: {cameo_root: '03', quad: 1, modes: []}\nFIGHT: {cameo_root: '19', quad: 4, modes: []}\n"
    monkeypatch.setattr(ontology, "_read_text", lambda name: bad)
    ontology._plover_table.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"plover\.yaml:2:"):
            ontology._plover_table()
    finally:
        ontology._plover_table.cache_clear()
