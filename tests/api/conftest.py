"""A small store built by hand (no spaCy) and TestClients over it.

Helpers are fixtures (not imports) so the tests work under any pytest import mode.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.model import (
    ActorRef,
    Article,
    Attribution,
    Coded,
    Event,
    EventDate,
    Failure,
    Participant,
    Place,
    Plover,
    Sentence,
    Span,
    Speaker,
)
from eventwire.store.duck import Store

KENYA = ActorRef(id="ken-gov", name="Government of Kenya", country="KEN", sector=["GOV"])
ARMY = ActorRef(id="sdn-mil", name="Sudanese Armed Forces", country="SDN", sector=["MIL"])
REBELS = ActorRef(id="sdn-reb", name="Northern Front", country="SDN", sector=["REB"], kind="group")
POLICE = ActorRef(id="nga-pol", name="Nigeria Police", country="NGA", sector=["COP"])

ONE = (
    "Kenyan envoys met Northern Front leaders in Nairobi on Monday. "
    "The army shelled rebel positions near Kadugli, a spokesman said."
)
TWO = "Police arrested ten protesters in Lagos on Friday. The police will not release them."


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(text=part, start=start, end=start + len(part))


def who(text: str, role: str, part: str, actor: ActorRef | None) -> Participant:
    s = span(text, part)
    return Participant(role=role, text=part, start=s.start, end=s.end, actor=actor)  # type: ignore[arg-type]


def sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, part in enumerate(text.split(". ")):
        chunk = part if part.endswith(".") else part + "."
        out.append(Sentence(index=i, start=start, end=start + len(chunk), text=chunk))
        start += len(chunk) + 1
    return out


def event(art: Article, n: int, sent: Sentence, trigger: str, ptype: str, **kw: Any) -> Event:
    return Event(
        id=f"{art.id}-{n}",
        article_id=art.id,
        sentence=sent.index,
        text=sent.text,
        trigger=span(art.text, trigger),
        plover=Plover(type=ptype),
        cameo=kw.pop("cameo", "040"),
        **kw,
    )


def coded_one() -> Coded:
    art = Article.make(ONE, source="wire", title="Envoys meet rebels", published=date(2024, 3, 6))
    s0, s1 = sentences(art.text)
    monday = span(art.text, "Monday")
    meet = event(
        art,
        0,
        s0,
        "met",
        "CONSULT",
        quad=1,
        participants=[
            who(art.text, "source", "Kenyan envoys", KENYA),
            who(art.text, "target", "Northern Front leaders", REBELS),
        ],
        location=Place(
            text="Nairobi",
            start=span(art.text, "Nairobi").start,
            end=span(art.text, "Nairobi").end,
            name="Nairobi",
            country="KEN",
        ),
        date=EventDate(
            text="Monday",
            start=monday.start,
            end=monday.end,
            value="2024-03-04",
            granularity="day",
            source="text",
        ),
    )
    cue = span(art.text, "said")
    shell = event(
        art,
        1,
        s1,
        "shelled",
        "ASSAULT",
        cameo="195",
        quad=4,
        participants=[
            who(art.text, "source", "The army", ARMY),
            who(art.text, "target", "rebel positions", REBELS),
        ],
        date=EventDate(text="", value="2024-03-06", granularity="day", source="publication"),
        attribution=Attribution(
            article_id=art.id,
            kind="anonymous",
            cue=cue,
            speaker=Speaker(text="a spokesman", start=cue.start - 12, end=cue.start - 1),
        ),
    )
    return Coded(article=art, sentences=[s0, s1], events=[meet, shell])


def coded_two() -> Coded:
    art = Article.make(TWO, source="wire", title="Arrests in Lagos", published=date(2024, 2, 10))
    s0, s1 = sentences(art.text)
    arrest = event(
        art,
        0,
        s0,
        "arrested",
        "COERCE",
        cameo="173",
        quad=4,
        participants=[
            who(art.text, "source", "Police", POLICE),
            who(art.text, "target", "ten protesters", None),
        ],
        date=EventDate(text="Friday", value="2024-02-09", granularity="day", source="text"),
    )
    release = event(
        art,
        1,
        s1,
        "release",
        "RETREAT",
        cameo="084",
        quad=2,
        status="negated",
        participants=[who(art.text, "source", "The police", POLICE)],
        date=EventDate(text="", value="2024-02", granularity="month", source="text"),
    )
    return Coded(article=art, sentences=[s0, s1], events=[arrest, release])


def make_client(path: Path) -> Any:
    from eventwire.api.app import create_app

    with warnings.catch_warnings():  # starlette warns about httpx once, at import
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(path))


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with two articles, four events and one failure, built once."""
    path = tmp_path_factory.mktemp("api") / "template.duckdb"
    with Store(path) as store:
        store.write(coded_one())
        store.write(coded_two())
        store.write_failure(
            Failure(input="bad.txt", stage="ingest", code="EW102", reason="bad.txt: empty")
        )
    return path


@pytest.fixture
def store_path(store_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template store for one test."""
    path = tmp_path / "api.duckdb"
    shutil.copyfile(store_template, path)
    return path


@pytest.fixture
def client(store_path: Path) -> Iterator[Any]:
    with make_client(store_path) as c:
        yield c


@pytest.fixture
def empty_client(tmp_path: Path) -> Iterator[Any]:
    """A client over a store file that does not exist."""
    with make_client(tmp_path / "absent.duckdb") as c:
        yield c


@pytest.fixture
def ids() -> dict[str, str]:
    one, two = Article.make(ONE, source="wire").id, Article.make(TWO, source="wire").id
    return {
        "one": one,
        "two": two,
        "meet": f"{one}-0",
        "shell": f"{one}-1",
        "arrest": f"{two}-0",
        "release": f"{two}-1",
    }


@pytest.fixture
def sample() -> Coded:
    """The first sample article: a meeting in Nairobi and an attributed shelling."""
    return coded_one()


@pytest.fixture
def client_for() -> Callable[[Path], Any]:
    """client_for(db_path) -> TestClient over a store file."""
    return make_client
