"""The web pages: each renders its JSON twin's object and links to it; spans are highlighted."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import eventwire.api
from eventwire.api import pages, rest
from eventwire.model import Article, Coded
from eventwire.store.duck import Store

# page path -> JSON twin path ({name} filled from the `ids` fixture)
TWINS = [
    ("/", "/api/events"),
    ("/?type=CONSULT", "/api/events?type=CONSULT"),
    ("/events/{meet}", "/api/events/{meet}"),
    ("/articles", "/api/articles"),
    ("/articles/{one}", "/api/articles/{one}"),
    ("/actors", "/api/actors"),
    ("/timeline?country=SDN", "/api/timeline?country=SDN"),
    ("/map?type=ASSAULT", "/api/map?type=ASSAULT"),
    ("/failures", "/api/failures"),
]


@pytest.mark.parametrize("page, twin", TWINS)
def test_pages_link_to_their_json_twin(client, ids, page, twin):
    page, twin = page.format(**ids), twin.format(**ids)
    resp = client.get(page)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert f'id="json-twin" href="{html.escape(twin)}"' in resp.text
    assert client.get(twin).json()["ok"] is True


@pytest.mark.parametrize("page, twin", TWINS)
def test_pages_format_json_is_the_twin(client, ids, page, twin):
    page, twin = page.format(**ids), twin.format(**ids)
    sep = "&" if "?" in page else "?"
    assert client.get(page + sep + "format=json").json() == client.get(twin).json()


def test_pages_code_form_links_to_its_twin(client):
    resp = client.get("/code")
    assert resp.status_code == 200 and 'href="/api/code"' in resp.text
    assert '<form class="code" method="post" action="/code">' in resp.text


def marked(page: str, kind: str) -> list[str]:
    """Texts of the <mark> elements carrying one kind, in the highlighted text (not the legend)."""
    text = re.search(r'class="text">(.*?)</(div|blockquote)>', page, flags=re.S)
    assert text, "no highlighted text on the page"
    found = re.findall(r'<mark class="([^"]*)"[^>]*>(.*?)</mark>', text.group(1), flags=re.S)
    return [
        re.sub(r"<[^>]+>", "", text) for classes, text in found if f"k-{kind}" in classes.split()
    ]


@pytest.mark.parametrize(
    "kind, texts",
    [
        ("trigger", ["met", "shelled"]),
        ("source", ["Kenyan envoys", "The army"]),
        ("target", ["Northern Front leaders", "rebel positions"]),
        ("place", ["Nairobi"]),
        ("date", ["Monday"]),
        ("speaker", ["a spokesman"]),
        ("cue", ["said"]),
    ],
)
def test_pages_article_highlights_event_spans(client, ids, kind, texts):
    assert marked(client.get(f"/articles/{ids['one']}").text, kind) == texts


def test_pages_article_lists_who_what_whom_where_when_status_source(client, ids):
    page = client.get(f"/articles/{ids['one']}").text
    card = page[page.index(f'id="ev-{ids["shell"]}"') :]
    for label, value in [
        ("Who", "Sudanese Armed Forces (SDN)"),
        ("To whom", "Northern Front (SDN)"),
        ("When", "2024-03-06"),
        ("Status", "occurred"),
        ("According to", "a spokesman"),
    ]:
        assert re.search(rf"<dt>{label}</dt><dd>\s*{re.escape(value)}", card), label
    assert f'href="#ev-{ids["meet"]}"' in page  # each trigger links to its event card


def test_pages_event_page_highlights_its_sentence(client, ids):
    page = client.get(f"/events/{ids['arrest']}").text
    assert marked(page, "trigger") == ["arrested"]
    assert marked(page, "target") == ["ten protesters"]
    assert f'href="/articles/{ids["two"]}#ev-{ids["arrest"]}"' in page


def sentence_anchors(page: str) -> dict[str, str]:
    """Anchor id -> plain text of each sentence element in the article text."""
    found = re.findall(r'<span class="sent" id="(s\d+)">(.*?)</span>', page, flags=re.S)
    return {sid: html.unescape(re.sub(r"<[^>]+>", "", body)) for sid, body in found}


def test_pages_article_gives_each_stored_sentence_the_anchor_evidence_links_use(client, ids):
    # evidence links are /articles/ID#s{n}, n the stored sentence index (0 first)
    stored = client.get(f"/api/articles/{ids['one']}").json()["sentences"]
    anchors = sentence_anchors(client.get(f"/articles/{ids['one']}").text)
    assert anchors == {f"s{s['index']}": s["text"] for s in stored}
    assert marked(client.get(f"/articles/{ids['one']}").text, "trigger") == ["met", "shelled"]


def test_pages_article_text_is_whole_with_sentence_anchors(client, ids):
    page = client.get(f"/articles/{ids['one']}").text
    body = re.search(r'class="text">(.*?)</div>', page, flags=re.S)
    assert (
        body
        and html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))
        == (client.get(f"/api/articles/{ids['one']}").json()["text"])
    )


def test_pages_targeted_sentence_is_highlighted_by_the_stylesheet(client):
    css = client.get("/static/style.css").text
    assert re.search(r"\.sent:target\s*\{[^}]*background", css)


def test_pages_event_page_links_its_sentence_anchor(client, ids):
    page = client.get(f"/events/{ids['release']}").text
    assert f'href="/articles/{ids["two"]}#s1"' in page


def test_pages_events_filters_and_pager(client):
    page = client.get("/?limit=1&status=occurred").text
    assert "3 found" in page and "<option selected>occurred</option>" in page
    assert 'rel="next" href="?limit=1&amp;status=occurred&amp;offset=1"' in page
    last = client.get("/?limit=1&status=occurred&offset=2").text
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_pages_escape_article_text(tmp_path: Path, client_for):
    db = tmp_path / "x.duckdb"
    art = Article.make("<script>alert(1)</script> Troops withdrew.", title="<b>bold</b>")
    with Store(db) as store:
        store.write(Coded(article=art))
    with client_for(db) as c:
        page = c.get(f"/articles/{art.id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>bold</b>" not in page


@pytest.mark.parametrize("path", ["/", "/articles", "/actors", "/timeline", "/map", "/events/x"])
def test_pages_missing_store_says_how_to_make_one(empty_client, path):
    resp = empty_client.get(path)
    assert resp.status_code == 503 and resp.headers["content-type"].startswith("text/html")
    assert "no such store" in resp.text and "eventwire ingest" in resp.text and "EW401" in resp.text


def test_pages_empty_store_says_so(tmp_path: Path, client_for):
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    with client_for(db) as c:
        assert "No events stored yet" in c.get("/").text
        assert "No articles stored yet" in c.get("/articles").text


@pytest.mark.parametrize("path", ["/events/nope", "/articles/nope", "/no/such/page"])
def test_pages_unknown_is_a_404_page(client, path):
    resp = client.get(path)
    assert resp.status_code == 404 and "EW702" in resp.text and "Not found" in resp.text


def test_pages_bad_filter_is_a_422_page(client):
    resp = client.get("/?date_from=someday")
    assert resp.status_code == 422 and "date_from" in resp.text


def test_pages_code_form_shows_errors_and_keeps_the_text(empty_client):
    resp = empty_client.post(
        "/code", data={"text": "Troops left the town.", "published": "2024-99-01"}
    )
    assert resp.status_code == 400 and "EW703" in resp.text
    assert "Troops left the town.</textarea>" in resp.text
    assert empty_client.post("/code", data={"text": " "}).status_code == 400


def test_pages_code_form_codes_text_without_a_store(empty_client, nlp):
    text = "Rebels attacked an army base on Sunday. Mediators met both sides in Doha."
    resp = empty_client.post("/code", data={"text": text, "published": "2024-06-03"})
    assert resp.status_code == 200
    assert "events-col" in resp.text and 'class="text"' in resp.text
    assert 'value="2024-06-03"' in resp.text


API_DOCS = Path(eventwire.api.__file__).with_name("README.md")


def test_pages_and_endpoints_are_documented():
    docs = API_DOCS.read_text(encoding="utf-8")
    routes = [
        (m, r.path)
        for rt in (rest.router, pages.router)
        for r in rt.routes
        for m in getattr(r, "methods", ())
    ]
    assert len(routes) >= 15, routes
    missing = [f"{m} {p}" for m, p in routes if f"`{m} {p}`" not in docs and f"`{p}`" not in docs]
    assert not missing, f"not documented in {API_DOCS}: {missing}"


@pytest.mark.parametrize("path", ["/", "/articles/{one}", "/actors", "/timeline", "/map", "/code"])
def test_pages_load_assets_only_from_the_app(client, ids, path):
    page = client.get(path.format(**ids)).text
    refs = re.findall(r'src="([^"]*)"', page) + re.findall(r'<link [^>]*href="([^"]*)"', page)
    assert refs and all(r.startswith("/") for r in refs), refs
    for asset in re.findall(r'(?:src|href)="(/static/[^"]*)"', page):
        assert client.get(asset).status_code == 200


def test_page_actors_draws_the_network_with_links_to_each_actors_events(client):
    html = client.get("/actors").text
    assert '<svg id="network"' in html and html.count('<line class="edge"') == 2
    assert 'href="/?actor=sdn-reb"' in html and "Northern Front" in html
    assert client.get("/api/events?actor=sdn-reb").json()["total"] == 2


def test_page_timeline_charts_events_on_a_time_scale(client):
    html = client.get("/timeline?bin=day").text
    assert '<svg id="time-axis"' in html and html.count('<a class="tbar"') >= 3
    # the release "in February" has no day: it stays off the axis, and the caption says so
    assert "1 dated less precisely" in html
    axis = client.get("/api/timeline").json()["axis"]
    assert axis["unplaced"] == 1 and sum(c["count"] for c in axis["cells"]) == 3


def test_page_timeline_keeps_its_axis_choice_when_filtering(client):
    html = client.get("/timeline?bin=week&by=type").text
    assert '<input type="hidden" name="bin" value="week">' in html
    assert '<input type="hidden" name="by" value="type">' in html
    bad = client.get("/api/timeline?bin=year")
    assert bad.status_code == 422 and bad.json()["code"] == "EW701"


def test_page_actors_table_links_each_actor_to_its_time_axis_and_map(client):
    html = client.get("/actors").text
    assert 'href="/timeline?actor=sdn-reb"' in html and 'href="/map?actor=sdn-reb"' in html
    axis = client.get("/api/timeline?actor=sdn-reb").json()["axis"]
    assert sum(c["count"] for c in axis["cells"]) == 2
