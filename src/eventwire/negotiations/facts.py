"""What the tracker reads of a stored article: sentences, actor mentions, places, dates.

Everything comes from the DuckDB store (never a spaCy Doc), so the tracker runs on any store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.negotiations.cues import Token, tokens
from eventwire.store.duck import Store
from eventwire.store.rows import COLUMNS

# sectors of actors who can negotiate or mediate (not hostages, prisoners, refugees, media)
POLITICAL = {"GOV", "MIL", "SPY", "COP", "REB", "OPP", "PTY", "IGO", "MED", "UAF", "LEG", "JUD"}


@dataclass(frozen=True)
class ActorHit:
    start: int
    end: int
    text: str
    actor_id: str
    name: str
    country: str
    sector: tuple[str, ...]
    kind: str
    anonymous: bool


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    name: str
    country: str | None
    admin_level: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class DateHit:
    start: int
    value: date
    precise: bool  # a day, not a week or month


@dataclass
class SentenceFacts:
    idx: int
    start: int
    text: str
    toks: list[Token] = field(default_factory=list)
    actors: list[ActorHit] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    attribution: str | None = None


@dataclass
class ArticleFacts:
    id: str
    published: date | None
    title: str
    source: str
    sentences: list[SentenceFacts]


def parse_value(value: str | None) -> tuple[date, bool] | None:
    """A TIMEX3 date value as (first day, is a day); weeks and months give their first day."""
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value), True
        if len(value) == 8 and value[5] == "W":
            return date.fromisocalendar(int(value[:4]), int(value[6:]), 1), False
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:]), 1), False
    except ValueError:
        return None
    return None


def _by_article(store: Store, sql: str, ids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if not ids:
        return out
    for row in store.con.execute(sql).fetchall():
        out[str(row[0])].append(tuple(row[1:]))
    return out


def article_ids(store: Store) -> list[str]:
    return [str(r[0]) for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]


def load_articles(store: Store, ids: list[str] | None = None) -> list[ArticleFacts]:
    """The facts of the given articles (all when None), in publication order."""
    ids = article_ids(store) if ids is None else ids
    # a temporary id table: a hash join, where a list parameter would be scanned per row.
    # Ties (two actors of one mention share its start) keep the order they were stored in
    # (rowid), the coding's order: DuckDB leaves ties in any order, which `facts_of_rows` and
    # a digest made on another day could not match.
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE _neg_ids AS SELECT unnest(?::VARCHAR[]) AS id", [ids]
    )
    heads = store.con.execute(
        "SELECT id, published, coalesce(title, ''), coalesce(source, '') FROM articles "
        "WHERE id IN (SELECT id FROM _neg_ids) ORDER BY published NULLS LAST, id",
    ).fetchall()
    sents = _by_article(
        store,
        'SELECT article_id, idx, "start", text FROM sentences WHERE article_id IN (SELECT id FROM _neg_ids) '
        "ORDER BY article_id, idx",
        ids,
    )
    acts = _by_article(
        store,
        'SELECT article_id, sentence, "start", "end", text, actor_id, actor_name, country, sector, '
        "kind, anonymous FROM actor_mentions WHERE article_id IN (SELECT id FROM _neg_ids) "
        'ORDER BY article_id, "start", rowid',
        ids,
    )
    places = _by_article(
        store,
        'SELECT article_id, sentence, "start", "end", name, country, admin_level, lat, lon '
        'FROM places WHERE article_id IN (SELECT id FROM _neg_ids) ORDER BY article_id, "start", rowid',
        ids,
    )
    times = _by_article(
        store,
        "SELECT article_id, sentence, \"start\", value FROM timexes WHERE type = 'DATE' "
        'AND article_id IN (SELECT id FROM _neg_ids) ORDER BY article_id, "start", rowid',
        ids,
    )
    grades = _by_article(
        store,
        "SELECT article_id, sentence, attribution_kind FROM events "
        "WHERE attribution_kind IS NOT NULL AND article_id IN (SELECT id FROM _neg_ids) "
        "ORDER BY article_id, rowid",
        ids,
    )
    return _build(heads, sents, acts, places, times, grades)


Tuples = dict[str, list[tuple[Any, ...]]]


def _build(
    heads: list[tuple[Any, ...]],
    sents: Tuples,
    acts: Tuples,
    places: Tuples,
    times: Tuples,
    grades: Tuples,
) -> list[ArticleFacts]:
    """Articles' facts from their rows as the queries of `load_articles` return them."""
    out = []
    for aid, published, title, source in heads:
        aid = str(aid)
        by_idx: dict[int, SentenceFacts] = {}
        for idx, start, text in sents.get(aid, []):
            s = SentenceFacts(int(idx), int(start), str(text))
            s.toks = tokens(s.text, s.start)
            by_idx[s.idx] = s
        _attach(
            by_idx, acts.get(aid, []), places.get(aid, []), times.get(aid, []), grades.get(aid, [])
        )
        out.append(ArticleFacts(aid, published, str(title), str(source), list(by_idx.values())))
    return out


def facts_of_rows(tables: Mapping[str, Sequence[Sequence[Any]]]) -> list[ArticleFacts]:
    """The facts `load_articles` would read back of these store rows (`store.rows.rows_of`),
    built without a store: the same columns, filters and orders, for the articles of `tables`.

    Lets the process that coded a batch digest it too (`negotiations.store.digest_rows`).
    """

    def pick(table: str, names: tuple[str, ...]) -> list[tuple[Any, ...]]:
        cols = COLUMNS[table]
        at = [cols.index(n) for n in names]
        return [tuple(row[i] for i in at) for row in tables.get(table, [])]

    def by_article(rows: list[tuple[Any, ...]], order: int | None) -> Tuples:
        out: Tuples = defaultdict(list)
        for row in rows:
            out[str(row[0])].append(tuple(row[1:]))
        if order is not None:  # ORDER BY article_id, <column>; a stable sort keeps ties in order
            for rows_of_one in out.values():
                rows_of_one.sort(key=lambda r: r[order])
        return out

    heads = [
        (aid, published, title or "", source or "")
        for aid, published, title, source in pick(
            "articles", ("id", "published", "title", "source")
        )
    ]
    sents = by_article(pick("sentences", ("article_id", "idx", "start", "text")), 0)
    acts = by_article(
        pick(
            "actor_mentions",
            (
                "article_id", "sentence", "start", "end", "text", "actor_id", "actor_name",
                "country", "sector", "kind", "anonymous",
            ),
        ),
        1,
    )  # fmt: skip
    places = by_article(
        pick(
            "places",
            (
                "article_id",
                "sentence",
                "start",
                "end",
                "name",
                "country",
                "admin_level",
                "lat",
                "lon",
            ),
        ),
        1,
    )
    times = by_article(
        [
            (aid, sent, start, value)
            for aid, sent, start, value, kind in pick(
                "timexes", ("article_id", "sentence", "start", "value", "type")
            )
            if kind == "DATE"
        ],
        1,
    )
    grades = by_article(
        [
            r
            for r in pick("events", ("article_id", "sentence", "attribution_kind"))
            if r[2] is not None
        ],
        None,
    )
    return _build(heads, sents, acts, places, times, grades)


def _attach(
    by_idx: dict[int, SentenceFacts],
    acts: list[tuple[Any, ...]],
    places: list[tuple[Any, ...]],
    times: list[tuple[Any, ...]],
    grades: list[tuple[Any, ...]],
) -> None:
    for sent, start, end, text, aid, name, country, sector, kind, anon in acts:
        s = by_idx.get(int(sent))
        secs = tuple(str(x) for x in (sector or []))
        if s is None or not country or not (set(secs) & POLITICAL):
            continue
        s.actors.append(
            ActorHit(
                int(start),
                int(end),
                str(text),
                str(aid),
                str(name or text),
                str(country),
                secs,
                str(kind or ""),
                bool(anon),
            )
        )
    for sent, start, end, name, country, level, lat, lon in places:
        s = by_idx.get(int(sent))
        if s is not None:
            s.places.append(
                PlaceHit(
                    int(start),
                    int(end),
                    str(name),
                    str(country) if country else None,
                    str(level or ""),
                    lat,
                    lon,
                )
            )
    for sent, start, value in times:
        s = by_idx.get(int(sent))
        parsed = parse_value(str(value) if value else None)
        if s is not None and parsed is not None:
            s.dates.append(DateHit(int(start), parsed[0], parsed[1]))
    for sent, kind in grades:
        s = by_idx.get(int(sent))
        if s is not None and s.attribution is None:
            s.attribution = str(kind)
