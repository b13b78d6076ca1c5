"""The map, time axis and actor network in a real browser (Chromium via Playwright).

Each view renders, its filters narrow it, its marks link to events, and no request leaves
the local server. Skipped, with the reason, without Playwright or /usr/bin/chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

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
from tests.browser.conftest import local_page, serve_coded

pytestmark = pytest.mark.browser

TEXT = (
    "Hill rebels shelled villagers in Goma on Monday. "
    "Hill rebels attacked villagers near Goma on Monday. "
    "Andean envoys met Hill rebels in Lima on Thursday. "
    "Andean envoys will meet Hill rebels in Oslo next week."
)
REBELS = ActorRef(id="hill-rebels", name="Hill Rebels", country="COD", sector=["REB"], kind="group")
VILLAGERS = ActorRef(id="COD:CVL", name="villagers", country="COD", sector=["CVL"], kind="people")
ENVOYS = ActorRef(id="PER:GOV", name="Andean envoys", country="PER", sector=["GOV"], kind="people")
SPEC = [  # trigger, type, quad, goldstein, status, place, lat, lon, day, source, target
    (
        "shelled",
        "ASSAULT",
        4,
        -10.0,
        "occurred",
        "Goma",
        -1.68,
        29.22,
        "2024-06-03",
        REBELS,
        VILLAGERS,
    ),
    (
        "attacked",
        "ASSAULT",
        4,
        -10.0,
        "occurred",
        "Goma",
        -1.70,
        29.24,
        "2024-06-03",
        REBELS,
        VILLAGERS,
    ),
    ("met", "CONSULT", 1, 1.0, "occurred", "Lima", -12.04, -77.03, "2024-06-06", ENVOYS, REBELS),
    ("meet", "CONSULT", 1, 1.0, "planned", "Oslo", 59.91, 10.75, "2024-06-17", ENVOYS, REBELS),
]


def _coded() -> Coded:
    art = Article.make(TEXT, title="Hill rebels", published=date(2024, 6, 10), source="wire")
    sents, start = [], 0
    for i, part in enumerate(TEXT.split(". ")):
        chunk = part if part.endswith(".") else part + "."
        sents.append(Sentence(index=i, start=start, end=start + len(chunk), text=chunk))
        start += len(chunk) + 1
    events = []
    for n, (trig, ptype, quad, g, status, place, lat, lon, day, src, tgt) in enumerate(SPEC):
        s = sents[n]

        def at(part: str, s: Sentence = s) -> Span:
            i = TEXT.index(part, s.start)
            return Span(text=part, start=i, end=i + len(part))

        words = {"hill-rebels": "Hill rebels", "COD:CVL": "villagers", "PER:GOV": "Andean envoys"}
        who = [("source", words[src.id], src), ("target", words[tgt.id], tgt)]
        parts = []
        for role, word, actor in who:
            sp = at(word)
            parts.append(Participant(role=role, text=word, start=sp.start, end=sp.end, actor=actor))  # type: ignore[arg-type]
        loc = at(place)
        events.append(
            Event(
                id=f"{art.id}-{n}",
                article_id=art.id,
                sentence=n,
                text=s.text,
                trigger=at(trig),
                plover=Plover(type=ptype),
                cameo="190" if quad == 4 else "040",
                quad=quad,
                goldstein=g,
                status=status,  # type: ignore[arg-type]
                participants=parts,
                location=Place(
                    text=place,
                    start=loc.start,
                    end=loc.end,
                    name=place,
                    admin_level="city",
                    lat=lat,
                    lon=lon,
                ),
                date=EventDate(text="", value=day, granularity="day", source="text"),
            )
        )
    return Coded(article=art, sentences=sents, events=events)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_coded(tmp_path_factory.mktemp("views"), _coded()) as url:
        yield url


@pytest.fixture
def tab(browser: Any, site: str) -> Iterator[Any]:
    """A page that fails the test on any request that leaves the local server."""
    with local_page(browser, site) as pg:
        yield pg


def _wide(tab: Any, selector: str) -> None:
    box = tab.locator(selector).bounding_box()
    assert box and box["width"] > 600 and box["height"] > 150, f"{selector} not drawn: {box}"


def test_browser_map_renders_clusters_and_filters(tab: Any, site: str) -> None:
    tab.goto(site + "/map")
    _wide(tab, "svg#map")
    assert tab.locator("svg#map .land path").count() > 100
    assert tab.locator("a.marker").count() == 3  # the two Goma events share a marker
    assert tab.locator("a.marker.cluster").get_attribute("data-count") == "2"
    tab.select_option("select[name=type]", "CONSULT")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**/map?**type=CONSULT**")
    assert tab.locator("a.marker").count() == 2


def test_browser_map_dot_opens_its_event_and_one_place_lists_its_events(
    tab: Any, site: str
) -> None:
    tab.goto(site + "/map")
    tab.locator("a.marker.cluster").click()  # two events a few hundred metres apart
    tab.wait_for_url("**/?bbox=**")
    assert tab.locator("table.events tbody tr").count() == 2
    tab.goto(site + "/map?status=planned")
    tab.locator("a.marker").first.click()
    tab.wait_for_url("**/events/**")
    assert "Oslo" in tab.locator("main").inner_text()


def test_browser_time_axis_renders_and_a_bar_lists_its_events(tab: Any, site: str) -> None:
    tab.goto(site + "/timeline?bin=day")
    _wide(tab, "svg#time-axis")
    assert tab.locator("svg#time-axis rect.hatched").count() == 1  # the planned meeting
    tab.locator("p.chart-switch a", has_text="type").click()
    tab.wait_for_url("**by=type**")
    tab.locator("svg#time-axis a.tbar").first.click()
    tab.wait_for_url("**date_from=2024-06-03**")
    assert tab.locator("table.events tbody tr").count() == 2


def test_browser_network_renders_and_a_node_lists_its_events(tab: Any, site: str) -> None:
    tab.goto(site + "/actors")
    _wide(tab, "svg#network")
    assert tab.locator("svg#network a.node").count() == 3
    assert tab.locator("svg#network line.edge").count() == 2
    assert tab.locator("#pairs tbody tr").count() == 2  # the table twin is kept
    tab.locator("svg#network a.node[data-key='PER:GOV']").click()
    tab.wait_for_url("**actor=PER**")
    assert tab.locator("table.events tbody tr").count() == 2
