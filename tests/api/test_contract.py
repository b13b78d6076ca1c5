"""The API keeps its contract: bounds, timestamps, documented statuses, no internals leaked."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

import duckdb

from eventwire.api.errors import as_eventwire_error


def _error(resp, status: int, code: str) -> str:
    body = resp.json()
    assert resp.status_code == status, body
    assert body["ok"] is False and body["code"] == code
    return str(body["error"])


def test_contract_huge_offset_is_422_without_sql(client):
    message = _error(client.get("/api/articles?offset=2275687385706471487094915072"), 422, "EW701")
    assert "SELECT" not in message and "offset" in message


def test_contract_timestamps_carry_a_time_zone(client):
    article = client.get("/api/articles").json()["articles"][0]
    failure = client.get("/api/failures").json()["failures"][0]
    for value in (article["coded_at"], failure["recorded_at"]):
        assert datetime.fromisoformat(value).utcoffset() is not None, value


def test_contract_every_api_operation_documents_its_error_statuses(client):
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, op in operations.items():
            documented = set(op["responses"])
            assert {"400", "404", "413", "422", "500", "503"} <= documented, (method, path)


def test_contract_date_bound_pattern_is_in_the_schema(client):
    schema = client.get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    bound = params["date_from"]["schema"]
    pattern = bound.get("pattern") or next(s["pattern"] for s in bound["anyOf"] if "pattern" in s)
    assert pattern.startswith("^")
    assert client.get("/api/events?date_from=2024").status_code == 200
    assert client.get("/api/events?date_from=").status_code == 200  # an empty form field


def test_contract_wrong_method_answers_with_allow(client):
    resp = client.delete("/api/events")
    _error(resp, 405, "EW704")
    assert "GET" in resp.headers["allow"]


def test_contract_store_error_text_stays_in_the_log(caplog):
    err = as_eventwire_error(duckdb.ConversionException("SELECT secret FROM t: overflow"))
    assert "SELECT" not in str(err) and "error id" in str(err)
    assert "SELECT secret" in caplog.text


def test_contract_store_locked_by_an_ingest_is_503_without_internals(client, store_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys; c=duckdb.connect({str(store_path)!r}); "
            "print('locked', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        for path in ("/api/events", "/api/stats", "/", "/articles"):
            resp = client.get(path)
            assert resp.status_code == 503, (path, resp.text)
            assert resp.headers.get("retry-after") == "5"
            for secret in (str(store_path), "PID", sys.executable, "python"):
                assert secret not in resp.text, (path, secret)
        assert "ingest is running" in _error(client.get("/api/events"), 503, "EW721")
    finally:
        holder.communicate("")
