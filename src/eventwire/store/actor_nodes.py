"""Which participants are actors on the actor pages, and what a node is called.

Only resolved actors become nodes: a KB entry (state, organisation, group, person) or a
composed country-and-sector actor ("SDN:MIL"). Unresolved mentions ("any deal", "it",
"fighting") and role phrases with no country ("role:GOV") are not actors one can graph.
A composed actor is named by its country and sectors, not by the words of one mention,
so "more than 100 hostages" and "three civilians" both become "Palestine: civilians".
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from eventwire.actors.kb import parse_countries

COMPOSED = re.compile(r"^([A-Z]{3}):([A-Z+]+)$")
SPECIAL = {"IGO": "International organisations", "NGO": "Non-governmental organisations"}

# SQL predicate over participants.actor_id: the rows that may become nodes.
NODE_SQL = (
    "actor_id IS NOT NULL AND actor_id NOT LIKE 'unresolved:%' AND actor_id NOT LIKE 'role:%'"
)


def _data(*parts: str) -> str:
    return resources.files("eventwire").joinpath("data", *parts).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, str]:
    """Sector code -> plural label, from data/views/sectors.tsv."""
    rows = (line.split("\t") for line in _data("views", "sectors.tsv").splitlines())
    return {r[0]: r[1].strip() for r in rows if len(r) == 2 and not r[0].startswith("#")}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO-3 -> (canonical name, plural demonym or ''), from the actor KB's countries.tsv."""
    found = parse_countries(_data("actors", "countries.tsv"), "countries.tsv")
    return {iso: (c.names[0], c.plurals[0] if c.plurals else "") for iso, c in found.items()}


def country_names() -> dict[str, str]:
    """ISO-3 -> canonical country name."""
    return {iso: pair[0] for iso, pair in _countries().items()}


def is_node(actor_id: str | None) -> bool:
    """Whether a participant's actor id is a real actor (the Python twin of NODE_SQL)."""
    return bool(actor_id) and not str(actor_id).startswith(("unresolved:", "role:"))


def node_label(actor_id: str, name: str) -> str:
    """The node's name: the KB name, or 'Country: sectors' for a composed actor."""
    m = COMPOSED.match(actor_id)
    if not m:
        return name
    plural = _countries().get(m[1], ("", ""))[1]
    if m[2] == "ANY" and plural:
        return plural  # "ISR:ANY" -> "Israelis"
    country = SPECIAL.get(m[1]) or _countries().get(m[1], (m[1], ""))[0]
    labels = sector_labels()
    sectors = ", ".join(labels.get(s, s.lower()) for s in m[2].split("+"))
    return f"{country}: {sectors}"
