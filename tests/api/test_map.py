"""The map: located events on the packaged outline, clustered, filterable, linked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.api.mapview import cluster, frame, map_view, world_outline
from eventwire.model import Article, Coded, Event, EventDate, Place, Plover, Sentence, Span
from eventwire.store.duck import Store
from eventwire.store.geo import MapPoint, MapPoints, parse_bbox

TEXT = (
    "Rebels shelled a market in Goma. "
    "Troops fired on a convoy near Goma. "
    "Envoys met in Lima. "
    "Ministers will meet in Oslo."
)
PLACES = {  # name: (lat, lon)
    "Goma": (-1.68, 29.22),
    "Lima": (-12.04, -77.03),
    "Oslo": (59.91, 10.75),
}


def _coded() -> Coded:
    art = Article.make(TEXT, title="Four reports", published=date(2024, 6, 3))
    sents, start = [], 0
    for i, part in enumerate(TEXT.split(". ")):
        chunk = part if part.endswith(".") else part + "."
        sents.append(Sentence(index=i, start=start, end=start + len(chunk), text=chunk))
        start += len(chunk) + 1
    spec = [
        ("shelled", "ASSAULT", 4, "occurred", "Goma", 0.0),
        ("fired", "ASSAULT", 4, "occurred", "Goma", 0.02),
        ("met", "CONSULT", 1, "occurred", "Lima", 0.0),
        ("meet", "CONSULT", 1, "planned", "Oslo", 0.0),
    ]
    events = []
    for n, (trig, ptype, quad, status, place, shift) in enumerate(spec):
        s = sents[n]
        t0 = TEXT.index(trig, s.start)
        p0 = TEXT.index(place, s.start)
        lat, lon = PLACES[place]
        events.append(
            Event(
                id=f"{art.id}-{n}",
                article_id=art.id,
                sentence=n,
                text=s.text,
                trigger=Span(text=trig, start=t0, end=t0 + len(trig)),
                plover=Plover(type=ptype),
                cameo="190" if quad == 4 else "040",
                quad=quad,
                status=status,  # type: ignore[arg-type]
                location=Place(
                    text=place,
                    start=p0,
                    end=p0 + len(place),
                    name=place,
                    country="COD",
                    admin_level="city",
                    lat=lat + shift,
                    lon=lon,
                ),
                date=EventDate(
                    text="", value="2024-06-03", granularity="day", source="publication"
                ),
            )
        )
    unplaced = Event(
        id=f"{art.id}-9",
        article_id=art.id,
        sentence=2,
        text=sents[2].text,
        trigger=Span(text="Envoys", start=TEXT.index("Envoys"), end=TEXT.index("Envoys") + 6),
        plover=Plover(type="CONSULT"),
        cameo="040",
        quad=1,
    )
    return Coded(article=art, sentences=sents, events=[*events, unplaced])


def _client(tmp_path: Path) -> Any:
    import warnings

    from eventwire.api.app import create_app

    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(_coded())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(db))


def _point(i: int, lat: float, lon: float) -> MapPoint:
    return MapPoint(
        id=f"e{i}",
        lat=lat,
        lon=lon,
        place="x",
        country=None,
        type="CONSULT",
        quad=1,
        status="occurred",
        date=None,
    )


def test_map_outline_ships_with_the_package_in_the_map_frame():
    paths = world_outline()
    assert len(paths) > 100 and all(p.startswith("M") and p.endswith("Z") for p in paths)
    assert frame(-180, 90) == (0, 0) and frame(180, -90) == (360, 180)


def test_map_clusters_close_points_and_keeps_far_ones_apart():
    pts = [_point(0, 10.0, 10.0), _point(1, 10.5, 10.2), _point(2, -30.0, 100.0)]
    groups = cluster(pts, 2.0)
    assert sorted(len(g) for g in groups) == [1, 2]


@pytest.mark.parametrize(
    "text, ok",
    [
        ("10,-5,40,20", True),
        ("-180,-90,180,90", True),
        ("40,0,10,20", False),
        ("1,2,3", False),
        ("a,b,c,d", False),
    ],
)
def test_map_box_is_west_south_east_north(text, ok):
    if ok:
        assert len(parse_bbox(text)) == 4
    else:
        with pytest.raises(ValueError):
            parse_bbox(text)


def test_map_single_point_opens_its_event_and_a_cluster_zooms_in():
    far = MapPoints(points=[_point(0, 10, 10), _point(1, 11, 11), _point(2, 50, -100)], unlocated=0)
    view = map_view(far, {"type": "CONSULT"})
    single = next(m for m in view.markers if m.count == 1)
    pair = next(m for m in view.markers if m.count == 2)
    assert single.href == "/events/e2"
    assert pair.href.startswith("/map?type=CONSULT&bbox=")
    zoomed = map_view(far, {"bbox": "5,5,15,15"})
    assert zoomed.zoomed and zoomed.viewbox != view.viewbox


def test_map_api_places_located_events_and_counts_the_rest(tmp_path):
    with _client(tmp_path) as c:
        body = c.get("/api/map").json()
        assert body["ok"] and len(body["points"]) == 4 and body["unlocated"] == 1
        assert {p["place"] for p in c.get("/api/map?type=ASSAULT").json()["points"]} == {"Goma"}
        lima = c.get("/api/map?bbox=-80,-15,-70,-10").json()["points"]
        assert [p["place"] for p in lima] == ["Lima"]
        bad = c.get("/api/map?bbox=1,2,3")
        assert (
            bad.status_code == 422
            and bad.json()["code"] == "EW701"
            and "bbox" in bad.json()["error"]
        )
        assert c.get("/api/events?bbox=-80,-15,-70,-10").json()["total"] == 1


def test_map_page_draws_markers_that_link_to_events(tmp_path):
    with _client(tmp_path) as c:
        html = c.get("/map").text
        assert '<svg id="map"' in html and html.count('<a class="marker') == 3
        assert 'href="/events/' in html and 'data-count="2"' in html  # the two Goma events
        assert "1 matching events have no coordinates" in html
        only = c.get("/map?status=planned").text
        assert only.count('<a class="marker') == 1 and 'class="hatched"' in only
