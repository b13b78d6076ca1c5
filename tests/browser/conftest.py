"""What every browser test needs: Debian's Chromium under Playwright, a live local server over
a store, and a page that fails the test when a request leaves that server (no CDN, no tiles).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing (we never download a
browser: `playwright install` is not used).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
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


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The app over the store at `db`, served by uvicorn on a free local port in a thread."""
    import uvicorn

    from eventwire.api.app import create_app

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
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@contextmanager
def serve_coded(folder: Path, *coded: Any) -> Iterator[str]:
    """A store in `folder` holding `coded` (articles with their events), served locally."""
    from eventwire.store.duck import Store

    db = folder / "store.duckdb"
    with Store(db) as store:
        for c in coded:
            store.write(c)
    with serve(db) as url:
        yield url


@contextmanager
def local_page(browser: Any, base: str) -> Iterator[Any]:
    """A fresh page that fails the test on any request that does not go to `base`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside: list[str] = []
    pg.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    yield pg
    context.close()
    assert not outside, f"requests left the server: {outside}"
