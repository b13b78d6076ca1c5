"""The `negotiations` and `negotiation` commands on a hand-made store file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store.duck import Store
from tests.negotiations.handmade import write
from tests.negotiations.test_negotiations_build import EXTENDED, SIGNED

runner = CliRunner()


def _db(tmp_path: Path) -> Path:
    path = tmp_path / "n.duckdb"
    with write(Store(path), [SIGNED, EXTENDED]):
        pass
    return path


def test_negotiations_json_has_the_fields_of_the_format(tmp_path):
    res = runner.invoke(app, ["negotiations", "--db", str(_db(tmp_path)), "--format", "json"])
    assert res.exit_code == 0, res.output
    (neg,) = json.loads(res.output)
    for field in (
        "id",
        "parties",
        "mediators",
        "venues",
        "rounds",
        "proposals",
        "positions",
        "threats",
        "status",
    ):
        assert field in neg
    assert set(neg["status"]) >= {"value", "as_of", "evidence"}
    assert set(neg["proposals"][0]["history"][0]) >= {"date", "fate", "evidence"}


def test_negotiations_table_names_the_parties(tmp_path):
    res = runner.invoke(app, ["negotiations", "--db", str(_db(tmp_path))])
    assert res.exit_code == 0
    assert "the Free Coast Front" in res.output and "agreement" in res.output


def test_negotiation_timeline_lists_dated_fates(tmp_path):
    db = str(_db(tmp_path))
    nid = json.loads(runner.invoke(app, ["negotiations", "--db", db, "--format", "json"]).output)[
        0
    ]["id"]
    res = runner.invoke(app, ["negotiation", nid[:6], "--db", db])
    assert res.exit_code == 0
    body = res.output.split("\n\n", 1)[1]  # after the header of parties and status
    assert body.index("2030-05-03") < body.index("2030-06-30")
    assert "deal signed" in res.output and "deal extended" in res.output


def test_negotiation_unknown_id_or_store_is_a_clear_error(tmp_path):
    res = runner.invoke(app, ["negotiation", "nope", "--db", str(_db(tmp_path))])
    assert res.exit_code == 2 and "nope" in res.output
    res = runner.invoke(app, ["negotiations", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2 and "missing.duckdb" in res.output
