"""One request never holds the server: body and text caps, and text that is no Unicode."""

from __future__ import annotations

from eventwire.api.limits import MAX_BODY_BYTES, MAX_TEXT_BYTES


def _error(resp, status: int, code: str) -> str:
    body = resp.json()
    assert resp.status_code == status, body
    assert body["ok"] is False and body["code"] == code
    return str(body["error"])


def test_limits_lone_surrogate_in_posted_text_is_400_not_500(client):
    raw = '{"text": "Troops \\ud800 withdrew from the town."}'
    resp = client.post("/api/code", content=raw, headers={"content-type": "application/json"})
    assert "lone surrogate" in _error(resp, 400, "EW703")


def test_limits_body_over_the_cap_is_413_before_it_is_parsed(client):
    resp = client.post(
        "/api/code",
        content=b"{" + b" " * MAX_BODY_BYTES + b"}",
        headers={"content-type": "application/json"},
    )
    assert "over the limit" in _error(resp, 413, "EW720")


def test_limits_text_over_the_cap_is_413_with_advice(client):
    text = "The talks went on. " * (MAX_TEXT_BYTES // 19 + 1)
    assert "eventwire ingest" in _error(client.post("/api/code", json={"text": text}), 413, "EW720")


def test_limits_get_requests_pass_through(client):
    assert client.get("/api/events").status_code == 200


def test_limits_code_over_its_time_budget_is_503_with_a_logged_id(client, monkeypatch, caplog):
    import threading

    from eventwire.api import limits, rest

    release = threading.Event()

    def stuck(body):  # coding that does not finish until the test lets it
        release.wait(30)
        return None  # by then the answer was sent long ago

    monkeypatch.setattr(rest, "code_report", stuck)
    monkeypatch.setattr(limits, "CODE_SECONDS", 0.05)
    try:
        resp = client.post("/api/code", json={"text": "Envoys met in Doha."})
        message = _error(resp, 503, "EW724")
        assert "budget of 0.05 s" in message and resp.headers["Retry-After"]
        ref = message.split("request id ")[1].split(",")[0]
        assert any(ref in r.getMessage() for r in caplog.records)
        assert client.get("/api/events").status_code == 200  # still answering
    finally:
        release.set()


def test_limits_code_when_every_coding_slot_is_busy_is_503(client, monkeypatch):
    import threading

    from eventwire.api import limits

    full = threading.BoundedSemaphore(1)
    full.acquire()
    monkeypatch.setattr(limits, "_coding", full)
    resp = client.post("/api/code", json={"text": "Envoys met in Doha."})
    assert "being coded already" in _error(resp, 503, "EW724")
