"""The OpenAPI schema says what the server does: schemathesis over every /api operation (slow)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from eventwire.api.app import create_app  # noqa: E402
from eventwire.store.duck import Store  # noqa: E402


def _store() -> Path:
    """A store with the two hand-made articles of the API tests (no spaCy needed)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "api_conftest", Path(__file__).with_name("conftest.py")
    )
    assert spec and spec.loader
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    folder = Path(tempfile.mkdtemp(prefix="eventwire-st-"))
    # made when the module is collected, so also when its slow test is deselected: gone at exit
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    with Store(folder / "s.duckdb") as store:
        store.write(conf.coded_one())
        store.write(conf.coded_two())
    return folder / "s.duckdb"


DB = _store()
APP = create_app(DB, per_minute=1_000_000)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.slow
@schema.include(path_regex="^/api/").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_api_keeps_its_contract(case):  # type: ignore[no-untyped-def]
    # Every check but one: a schema cannot say "west < east" of a bbox or "not blank" of a
    # posted text, so schema-valid requests the server refuses (422/400) are not counted.
    from schemathesis.checks import positive_data_acceptance

    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def teardown_module() -> None:
    shutil.rmtree(DB.parent, ignore_errors=True)
