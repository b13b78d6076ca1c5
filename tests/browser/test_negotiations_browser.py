"""The negotiation pages in a real browser: Playwright driving Debian's Chromium (issue 17).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store.duck import Store
from tests.negotiations.handmade import write
from tests.negotiations.test_negotiations_build import EXPIRED, EXTENDED, SIGNED

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright not installed (pip install playwright; no `playwright install`)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a hand-made store holding one truce, served on a free local port."""
    import uvicorn

    from eventwire.api.app import create_app

    db = tmp_path_factory.mktemp("negbrowser") / "n.duckdb"
    with write(Store(db), [SIGNED, EXTENDED, EXPIRED]):
        pass
    port = _free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that fails the test on any request leaving 127.0.0.1 (no CDN)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    yield pg
    context.close()
    assert not outside, f"requests left the server: {outside}"


def test_browser_negotiation_from_events_page_to_evidence(
    page: Any, server: str, tmp_path: Path
) -> None:
    page.goto(server + "/")
    page.click("header.top nav >> text=Negotiations")
    page.wait_for_url("**/negotiations")
    page.click("table.negotiations a")
    assert "the Free Coast Front" in page.locator("#neg-parties").inner_text()
    assert "Syldavian mediators" in page.locator("#neg-mediators").inner_text()
    assert page.locator("#neg-status").inner_text() == "collapsed"
    rows = page.locator("table.neg-timeline tbody tr")
    assert rows.count() >= 4
    color = page.locator("#neg-status").evaluate("e => getComputedStyle(e).color")
    assert color != "rgb(0, 0, 0)", "the local stylesheet was not applied"
    page.screenshot(path=str(tmp_path / "negotiation.png"), full_page=True)
    page.locator("table.neg-timeline a.evidence").first.click()
    page.wait_for_url("**/articles/a1**")
    assert "Klow" in page.locator("div.text").inner_text()
