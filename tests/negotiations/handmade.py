"""Hand-made stores for the negotiation tests: rows written straight into DuckDB, no spaCy.

An article is a list of sentences; each sentence names its actors, places and dates by the
words of the text they cover, so a test reads like the report it stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.store.duck import Store

ACTORS = {
    # surface -> (actor id, country, sectors, kind); our own small table for these tests
    "Atlantis": ("ATL", "ATL", ["GOV"], "state"),
    "the Atlantean army": ("ATL:MIL", "ATL", ["MIL"], "organisation"),
    "the Free Coast Front": ("fcf", "ATL", ["REB"], "group"),
    "the Front": ("fcf", "ATL", ["REB"], "group"),
    "it": ("fcf", "ATL", ["REB"], "group"),
    "Borduria": ("BRD", "BRD", ["GOV"], "state"),
    "Syldavia": ("SYL", "SYL", ["GOV"], "state"),
    "Syldavian mediators": ("SYL:MED+GOV", "SYL", ["MED", "GOV"], "people"),
    "the United Nations": ("un", "IGO", ["IGO"], "organisation"),
    "Ruritania": ("RUR", "RUR", ["GOV"], "state"),
    "Elbonia": ("ELB", "ELB", ["GOV"], "state"),
    # a party's own negotiator, misread by the actor stage as his country's government
    "Ivo Marek": ("ivo-marek", "ATL", ["GOV"], "person"),
    "the Front's chief negotiator": ("ATL:REB", "ATL", ["REB"], "person"),
    # real KB entries: a bare demonym, a state, an armed group and its KB official
    "American": ("USA:MED+GOV", "USA", ["MED", "GOV"], "people"),
    "Saudi Arabia": ("SAU", "SAU", ["GOV"], "state"),
    "the Houthis": ("houthis", "YEM", ["REB"], "group"),
    "Mohammed Abdulsalam": ("mohammed-abdulsalam", "YEM", ["GOV"], "person"),
}
PLACES = {"Klow": ("Klow", "SYL", "city"), "Szohod": ("Szohod", "BRD", "city")}


@dataclass
class Sent:
    text: str
    dates: dict[str, str] = field(default_factory=dict)  # surface -> TIMEX3 value


@dataclass
class Report:
    id: str
    published: date
    sentences: list[Sent]


def _spans(text: str, surface: str) -> list[int]:
    """Where the surface words stand in the text, as whole words ("it" is not in "with")."""
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text, re.I)]


def write(store: Store, reports: list[Report]) -> Store:
    """Write the reports' rows; actors and places are found by their surface words."""
    con = store.con
    for r in reports:
        text = " ".join(s.text for s in r.sentences)
        con.execute(
            "INSERT INTO articles (id, input, source, title, published, text, n_sentences, n_events) "
            "VALUES (?,?,?,?,?,?,?,0)",
            [r.id, f"{r.id}.txt", "Test Desk", r.id, r.published, text, len(r.sentences)],
        )
        at = 0
        for idx, s in enumerate(r.sentences):
            con.execute(
                "INSERT INTO sentences VALUES (?,?,?,?,?)",
                [r.id, idx, at, at + len(s.text), s.text],
            )
            taken: set[int] = set()
            for surface in sorted(ACTORS, key=len, reverse=True):
                aid, country, sectors, kind = ACTORS[surface]
                for i in _spans(s.text, surface):
                    if i in taken:
                        continue
                    taken.update(range(i, i + len(surface)))
                    con.execute(
                        "INSERT INTO actor_mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        [
                            r.id,
                            idx,
                            at + i,
                            at + i + len(surface),
                            surface,
                            aid,
                            surface,
                            country,
                            sectors,
                            kind,
                            False,
                            "ORG",
                            None,
                            None,
                            "test",
                        ],
                    )
            for surface, (name, country, level) in PLACES.items():
                for i in _spans(s.text, surface):
                    con.execute(
                        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        [
                            r.id,
                            idx,
                            at + i,
                            at + i + len(surface),
                            surface,
                            name,
                            1,
                            country,
                            level,
                            1.0,
                            2.0,
                        ],
                    )
            for surface, value in s.dates.items():
                i = s.text.index(surface)
                con.execute(
                    "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)",
                    [r.id, idx, at + i, at + i + len(surface), surface, "DATE", value, "day", ""],
                )
            at += len(s.text) + 1
    return store


def store_of(*reports: Report) -> Store:
    return write(Store(":memory:"), list(reports))
