"""The actor network: only resolved actors are nodes; edges carry counts, quads and Goldstein."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.api.graph import goldstein_colour, graph_view
from eventwire.model import ActorRef, Article, Coded, Event, Participant, Plover, Sentence, Span
from eventwire.store.actor_nodes import is_node, node_label
from eventwire.store.duck import Store
from eventwire.store.read import EventFilter, actors

TEXT = (
    "Militiamen shelled more than forty villagers in the valley. "
    "The militia released it after talks. "
    "Tribal elders blamed any deal for the fighting."
)
MILITIA = ActorRef(
    id="nord-militia", name="Northern Militia", country="SDN", sector=["REB"], kind="group"
)
VILLAGERS = ActorRef(
    id="SDN:CVL", name="more than forty villagers", country="SDN", sector=["CVL"], kind="people"
)
ELDERS = ActorRef(id="role:ELI", name="Tribal elders", country=None, sector=["ELI"], kind="people")
DEAL = ActorRef(id="unresolved:any deal", name="any deal", kind="organisation")


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(text=part, start=start, end=start + len(part))


def _who(role: str, part: str, actor: ActorRef | None) -> Participant:
    s = _span(part)
    return Participant(role=role, text=part, start=s.start, end=s.end, actor=actor)  # type: ignore[arg-type]


def _coded() -> Coded:
    art = Article.make(TEXT, title="Valley shelling", published=date(2024, 9, 2))
    parts = TEXT.split(". ")
    sents, start = [], 0
    for i, p in enumerate(parts):
        chunk = p if p.endswith(".") else p + "."
        sents.append(Sentence(index=i, start=start, end=start + len(chunk), text=chunk))
        start += len(chunk) + 1

    def ev(n: int, trigger: str, ptype: str, quad: int, g: float, who: list[Participant]) -> Event:
        return Event(
            id=f"{art.id}-{n}",
            article_id=art.id,
            sentence=n,
            text=sents[n].text,
            trigger=_span(trigger),
            plover=Plover(type=ptype),
            cameo="190",
            quad=quad,
            goldstein=g,
            participants=who,
        )

    return Coded(
        article=art,
        sentences=sents,
        events=[
            ev(
                0,
                "shelled",
                "ASSAULT",
                4,
                -10.0,
                [
                    _who("source", "Militiamen", MILITIA),
                    _who("target", "more than forty villagers", VILLAGERS),
                ],
            ),
            ev(
                1,
                "released",
                "RETREAT",
                2,
                4.0,
                [_who("source", "The militia", MILITIA), _who("target", "it", VILLAGERS)],
            ),
            ev(
                2,
                "blamed",
                "DISAPPROVE",
                3,
                -2.0,
                [
                    _who("source", "Tribal elders", ELDERS),
                    _who("target", "any deal", DEAL),
                    _who("target", "the fighting", None),
                ],
            ),
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "n.duckdb") as s:
        s.write(_coded())
        yield s


@pytest.mark.parametrize(
    "actor_id, node",
    [
        ("nord-militia", True),
        ("SDN:CVL", True),
        ("ISR", True),
        ("role:ELI", False),
        ("unresolved:it", False),
        (None, False),
    ],
)
def test_network_node_is_a_resolved_actor(actor_id: str | None, node: bool) -> None:
    assert is_node(actor_id) is node


def test_network_names_a_composed_actor_by_country_and_sector_not_by_its_words() -> None:
    assert node_label("SDN:CVL", "more than forty villagers") == "Sudan: civilians"
    assert node_label("EGY:MED+GOV", "the mediators") == "Egypt: mediators, government"
    assert node_label("nord-militia", "Northern Militia") == "Northern Militia"
    assert node_label("ISR:ANY", "them") == "Israelis"  # a people with no sector


def test_network_keeps_real_actors_and_drops_themes_pronouns_and_quantities(store: Any) -> None:
    net = actors(store, EventFilter())
    assert {n.name for n in net.nodes} == {"Northern Militia", "Sudan: civilians"}
    (edge,) = net.edges
    assert (edge.source, edge.target, edge.count) == ("nord-militia", "SDN:CVL", 2)
    assert edge.quads == {"2": 1, "4": 1} and edge.goldstein == -3.0


def test_network_filters_by_actor(store: Any) -> None:
    assert actors(store, EventFilter(actor="role:ELI")).edges == []
    assert len(actors(store, EventFilter(actor="SDN:CVL")).edges) == 1


def test_network_colours_conflict_red_and_cooperation_green() -> None:
    red, grey, green = goldstein_colour(-10), goldstein_colour(0), goldstein_colour(10)
    assert red == "#b0413e" and green == "#2f7d4f" and grey == "#8a94a0"
    assert goldstein_colour(None) == grey


def test_network_layout_keeps_nodes_apart_and_inside_the_drawing(store: Any) -> None:
    view = graph_view(actors(store, EventFilter()))
    a, b = view.nodes
    assert abs(a.x - b.x) + abs(a.y - b.y) > a.r + b.r
    assert all(0 < n.x < view.width and 0 < n.y < view.height for n in view.nodes)
    assert view.edges[0].width > 1 and view.edges[0].colour.startswith("#")
