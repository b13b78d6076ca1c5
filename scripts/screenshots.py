"""Take the README's screenshots of the map, time axis and actor network (docs/*.png).

    make demo   # builds demo.duckdb from samples/
    .venv/bin/python scripts/screenshots.py demo.duckdb

Needs Playwright (`pip install -e '.[browser]'`) and Debian's /usr/bin/chromium; the app is
served on a free local port in a thread, as in tests/browser.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
VIEWS = {
    "map.png": "/map",
    "timeline.png": "/timeline?bin=week",
    "actors.png": "/actors",
}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(argv: list[str]) -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from eventwire.api.app import create_app

    if len(argv) != 2 or not Path(argv[1]).exists():
        print(__doc__)
        return 2
    port = _port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(Path(argv[1])), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, path in VIEWS.items():
            page.goto(f"http://127.0.0.1:{port}{path}")
            page.locator("figure.chart").first.screenshot(path=str(DOCS / name))
            print(DOCS / name)
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
