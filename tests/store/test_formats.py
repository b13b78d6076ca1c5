"""PLOVER JSON and GDELT TSV exports: each row says what the store says, and loads elsewhere."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import (
    ActorRef,
    Article,
    Coded,
    Event,
    EventDate,
    Participant,
    Place,
    Plover,
    Sentence,
    Span,
)
from eventwire.store.duck import Store
from eventwire.store.formats import GDELT_COLUMNS
from eventwire.store.queries import export_table

TEXT = (
    "Coast guard ships rammed two fishing boats off Mombasa on Tuesday. "
    "The mediators may visit Addis Ababa next month."
)
KENYA = ActorRef(id="KEN", name="Kenya", country="KEN", sector=["GOV"], kind="state")
GUARD = ActorRef(id="KEN:MIL", name="coast guard ships", country="KEN", sector=["MIL"])
FISHERS = ActorRef(id="TZA:CVL", name="two fishing boats", country="TZA", sector=["CVL"])
AU = ActorRef(id="au", name="African Union", country="IGO", sector=["IGO", "MED"])


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(text=part, start=start, end=start + len(part))


def _who(role: str, part: str, actor: ActorRef | None) -> Participant:
    s = _span(part)
    return Participant(role=role, text=part, start=s.start, end=s.end, actor=actor)  # type: ignore[arg-type]


def _coded() -> Coded:
    art = Article.make(
        TEXT, title="Boats rammed", published=date(2024, 7, 3), url="https://x.test/a"
    )
    cut = TEXT.index("The mediators")
    s0 = Sentence(index=0, start=0, end=cut - 1, text=TEXT[: cut - 1])
    s1 = Sentence(index=1, start=cut, end=len(TEXT), text=TEXT[cut:])
    mombasa = _span("Mombasa")
    ram = Event(
        id=f"{art.id}-0",
        article_id=art.id,
        sentence=0,
        text=s0.text,
        trigger=_span("rammed"),
        plover=Plover(type="ASSAULT", mode="beat"),
        cameo="1823",
        quad=4,
        goldstein=-9.0,
        participants=[
            _who("source", "Coast guard ships", GUARD),
            _who("target", "two fishing boats", FISHERS),
        ],
        location=Place(
            text="Mombasa",
            start=mombasa.start,
            end=mombasa.end,
            name="Mombasa",
            country="KEN",
            admin_level="city",
            geonames_id=186301,
            lat=-4.05466,
            lon=39.66359,
        ),
        date=EventDate(text="Tuesday", value="2024-07-02", granularity="day", source="text"),
    )
    visit = Event(
        id=f"{art.id}-1",
        article_id=art.id,
        sentence=1,
        text=s1.text,
        trigger=_span("visit"),
        plover=Plover(type="CONSULT"),
        cameo="042",
        quad=1,
        goldstein=1.9,
        status="planned",
        participants=[_who("source", "The mediators", AU), _who("target", "Addis Ababa", None)],
        date=EventDate(text="next month", value="2024-08", granularity="month", source="text"),
    )
    return Coded(article=art, sentences=[s0, s1], events=[ram, visit])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        store.write(_coded())
    return path


def _stored(db: Path) -> dict[str, dict[str, object]]:
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT * EXCLUDE (record) FROM events")
    return {str(r["id"]): r for r in rows}


def test_plover_export_round_trips_every_stored_event(db: Path) -> None:
    records = [json.loads(line) for line in export_table(db, fmt="plover").splitlines()]
    stored = _stored(db)
    assert {r["event_id"] for r in records} == set(stored)
    for r in records:
        row = stored[r["event_id"]]
        assert (r["event_type"], r["event_mode"], r["cameo_code"]) == (
            row["plover_type"],
            row["plover_mode"],
            row["cameo"],
        )
        assert (r["story_id"], r["sentence_index"], r["sentence"]) == (
            row["article_id"],
            row["sentence"],
            row["sentence_text"],
        )
        assert r["date_value"] == row["date_value"] and r["status"] == row["status"]
        loc = r["location"]
        assert (loc and (loc["lat"], loc["lon"])) == (
            row["lat"] is not None and (row["lat"], row["lon"])
        ) or (loc is None and row["lat"] is None)


def test_plover_export_names_actors_with_country_and_sector(db: Path) -> None:
    first, second = (json.loads(x) for x in export_table(db, fmt="plover").splitlines())
    assert first["actors"][0] == {
        "name": "coast guard ships",
        "raw_text": "Coast guard ships",
        "kb_id": "KEN:MIL",
        "country": "KEN",
        "primary_sector": "MIL",
        "sectors": ["MIL"],
        "kind": "organisation",
    }
    assert first["location"]["geonames_id"] == 186301 and first["event_date"] == "2024-07-02"
    # a month is not a day: no event_date is made up, the coded value is kept
    assert second["event_date"] is None and second["date_value"] == "2024-08"
    assert second["contexts"] == ["future"]
    assert second["recipients"][0]["kb_id"] is None  # unresolved stays unresolved


def test_gdelt_export_round_trips_and_leaves_unknown_columns_empty(db: Path) -> None:
    pd = pytest.importorskip("pandas")
    text = export_table(db, fmt="gdelt")
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, quoting=3, keep_default_na=False)
    assert tuple(frame.columns) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    rows = {r["GLOBALEVENTID"]: r for r in frame.to_dict("records")}
    stored = _stored(db)
    assert set(rows) == set(stored)
    ram = next(r for r in rows.values() if r["EventCode"] == "1823")
    assert (ram["SQLDATE"], ram["MonthYear"], ram["Year"]) == ("20240702", "202407", "2024")
    assert (ram["EventBaseCode"], ram["EventRootCode"], ram["QuadClass"]) == ("182", "18", "4")
    assert (ram["Actor1Code"], ram["Actor1CountryCode"], ram["Actor1Type1Code"]) == (
        "KENMIL",
        "KEN",
        "MIL",
    )
    assert ram["Actor2Code"] == "TZACVL" and ram["Actor2Name"] == "TWO FISHING BOATS"
    assert (ram["ActionGeo_Type"], ram["ActionGeo_FullName"]) == ("4", "Mombasa, Kenya")
    assert float(ram["ActionGeo_Lat"]) == stored[ram["GLOBALEVENTID"]]["lat"]
    assert ram["SOURCEURL"] == "https://x.test/a" and len(ram["DATEADDED"]) == 14
    for never in ("AvgTone", "Actor1KnownGroupCode", "ActionGeo_FeatureID", "IsRootEvent"):
        assert ram[never] == ""


def test_gdelt_export_drops_codes_cameo_lacks(db: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(
        io.StringIO(export_table(db, fmt="gdelt")),
        sep="\t",
        dtype=str,
        quoting=3,
        keep_default_na=False,
    )
    visit = frame[frame["EventCode"] == "042"].iloc[0]
    # an IGO with eventwire's MED (mediator) sector: CAMEO has IGO, not our mediator code
    assert (visit["Actor1Code"], visit["Actor1CountryCode"], visit["Actor1Type2Code"]) == (
        "IGO",
        "",
        "",
    )
    assert visit["Actor2Code"] == "" and visit["SQLDATE"] == "" and visit["MonthYear"] == "202408"


def test_exports_load_in_duckdb(db: Path, tmp_path: Path) -> None:
    import duckdb

    tsv, jsonl = tmp_path / "e.tsv", tmp_path / "e.jsonl"
    export_table(db, fmt="gdelt", output=tsv)
    export_table(db, fmt="plover", output=jsonl)
    con = duckdb.connect()
    got = con.execute(
        f"SELECT count(*), max(EventCode) FROM read_csv('{tsv}', delim='\t', header=true, "
        "quote='', all_varchar=true)"
    ).fetchone()
    assert got == (2, "1823")
    types = con.execute(f"SELECT event_type FROM read_json_auto('{jsonl}') ORDER BY 1").fetchall()
    assert types == [("ASSAULT",), ("CONSULT",)]


def test_foreign_formats_export_events_only(db: Path) -> None:
    from eventwire.errors import StoreError

    with pytest.raises(StoreError, match="events only"):
        export_table(db, fmt="gdelt", table="places")


def test_cli_export_gdelt_writes_a_header_and_one_row_per_event(db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    out = tmp_path / "g.tsv"
    res = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:2] == ["GLOBALEVENTID", "SQLDATE"] and len(lines) == 3


def test_gdelt_codes_a_state_named_as_such_by_its_country_alone() -> None:
    from eventwire.store.export import event_record
    from eventwire.store.formats import gdelt_row

    ram = _coded().events[0]
    named = ram.model_copy(update={"participants": [_who("source", "Coast guard ships", KENYA)]})
    row = dict(zip(GDELT_COLUMNS, gdelt_row(event_record(named), {}), strict=True))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "KEN",
        "KEN",
        "",
    )
    assert row["Actor2Code"] == "" and row["SOURCEURL"] == "" and row["DATEADDED"] == ""


def test_gdelt_rows_stay_61_columns_whatever_the_names_hold(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    odd = GUARD.model_copy(update={"name": 'the "Sea\tWolves"\nunit'})
    coded = _coded()
    ram = coded.events[0]
    coded.events[0] = ram.model_copy(
        update={"participants": [_who("source", "Coast guard ships", odd)]}
    )
    db = tmp_path / "odd.duckdb"
    with Store(db) as store:
        store.write(coded)
    text = export_table(db, fmt="gdelt")
    assert all(len(line.split("\t")) == 61 for line in text.splitlines())
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, quoting=3, keep_default_na=False)
    assert 'THE "SEA WOLVES" UNIT' in set(frame["Actor1Name"])
