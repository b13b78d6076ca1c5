"""The negotiation pages in a real browser: Playwright driving Debian's Chromium (issue 17).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store.duck import Store
from tests.browser.conftest import local_page, serve
from tests.negotiations.handmade import write
from tests.negotiations.test_negotiations_build import EXPIRED, EXTENDED, SIGNED

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a hand-made store holding one truce, served on a free local port."""
    db = tmp_path_factory.mktemp("negbrowser") / "n.duckdb"
    with write(Store(db), [SIGNED, EXTENDED, EXPIRED]):
        pass
    with serve(db) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that fails the test on any request leaving the server (no CDN)."""
    with local_page(browser, server) as pg:
        yield pg


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
    evidence = page.locator("table.neg-timeline a.evidence").first
    said = evidence.get_attribute("title")
    evidence.click()
    page.wait_for_url("**/articles/a1**")
    assert "Klow" in page.locator("div.text").inner_text()
    # the link lands on the very sentence it quotes, marked as the target
    assert page.locator(".sent:target").inner_text() == said
