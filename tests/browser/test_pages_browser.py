"""The web pages in a real browser: Playwright driving Debian's Chromium over a live server.

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing (we never
download a browser: `playwright install` is not used).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import (
    ActorRef,
    Article,
    Coded,
    Event,
    EventDate,
    Participant,
    Plover,
    Sentence,
    Span,
)
from tests.browser.conftest import local_page, serve_coded

pytestmark = pytest.mark.browser

TEXT = (
    "Border guards detained four traders near the river crossing on Saturday. "
    "Two governors met in the capital to discuss the dispute."
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(text=part, start=start, end=start + len(part))


def _participant(role: str, part: str, actor: ActorRef | None) -> Participant:
    s = _span(part)
    return Participant(role=role, text=part, start=s.start, end=s.end, actor=actor)  # type: ignore[arg-type]


def _coded() -> Coded:
    art = Article.make(TEXT, title="Traders detained", published=date(2024, 4, 8), source="wire")
    cut = TEXT.index("Two")
    sents = [
        Sentence(index=0, start=0, end=cut - 1, text=TEXT[: cut - 1]),
        Sentence(index=1, start=cut, end=len(TEXT), text=TEXT[cut:]),
    ]
    guards = ActorRef(id="guards", name="Border Guard", country="ABC", sector=["MIL"])
    detain = Event(
        id=f"{art.id}-0",
        article_id=art.id,
        sentence=0,
        text=sents[0].text,
        trigger=_span("detained"),
        plover=Plover(type="COERCE", mode="arrest"),
        cameo="173",
        quad=4,
        participants=[
            _participant("source", "Border guards", guards),
            _participant("target", "four traders", None),
        ],
        date=EventDate(
            text="Saturday",
            start=_span("Saturday").start,
            end=_span("Saturday").end,
            value="2024-04-06",
            granularity="day",
            source="text",
        ),
    )
    meet = Event(
        id=f"{art.id}-1",
        article_id=art.id,
        sentence=1,
        text=sents[1].text,
        trigger=_span("met"),
        plover=Plover(type="CONSULT"),
        cameo="040",
        quad=1,
        participants=[_participant("source", "Two governors", None)],
        status="occurred",
    )
    return Coded(article=art, sentences=sents, events=[detain, meet])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a small store, served on a free local port."""
    with serve_coded(tmp_path_factory.mktemp("browser"), _coded()) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that fails the test on any request leaving the server (no CDN)."""
    with local_page(browser, server) as pg:
        yield pg


def test_browser_events_page_styles_and_filters(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "/")
    assert page.title().startswith("Events")
    assert page.locator("table.events tbody tr").count() == 2
    header_bg = page.locator("header.top").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header_bg != "rgba(0, 0, 0, 0)", "the local stylesheet was not applied"
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**type=CONSULT**")
    assert page.locator("table.events tbody tr").count() == 1
    page.screenshot(path=str(tmp_path / "events.png"), full_page=True)


def test_browser_article_trigger_jumps_to_its_event(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "/articles")
    page.click("text=Traders detained")
    page.locator("mark.k-trigger a", has_text="detained").click()
    assert page.url.endswith("-0")
    card = page.locator("article.event:target")
    assert card.count() == 1 and "Border Guard" in card.inner_text()
    assert page.locator("mark.k-date", has_text="Saturday").is_visible()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)


def test_browser_sentence_link_lands_on_its_highlighted_sentence(page: Any, server: str) -> None:
    page.goto(server + "/events/" + _coded().events[1].id)
    page.locator("a", has_text="sentence 2").click()
    assert page.url.endswith("#s1")
    target = page.locator(".sent:target")
    assert target.count() == 1 and target.inner_text().startswith("Two governors met")
    background = "e => getComputedStyle(e).backgroundColor"
    assert target.evaluate(background) != page.locator("#s0").evaluate(background)


def test_browser_json_twin_link(page: Any, server: str) -> None:
    page.goto(server + "/timeline")
    page.click("#json-twin")
    assert page.url == server + "/api/timeline"
    assert '"ok":true' in page.locator("body").inner_text().replace(" ", "")


def test_browser_code_form(page: Any, server: str, nlp: Any) -> None:
    page.goto(server + "/code")
    page.fill("textarea[name=text]", "Police arrested two journalists in the capital on Monday.")
    page.fill("input[name=published]", "2024-05-06")
    page.click("form.code button[type=submit]")
    page.wait_for_selector("section.events-col")
    assert "journalists" in page.locator("div.text").inner_text()
    assert page.input_value("textarea[name=text]").startswith("Police arrested")
