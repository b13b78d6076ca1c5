"""Country and sector from context, for actors the KB has never seen by name.

"five ethnic Hungarians in northern Serbia" are a community of Serbia, not Hungary's state;
"Vietnamese-led forces" are the forces of Vietnam; "the government of Sindh province" is
Pakistan's (the gazetteer knows the province). Each rule reads one phrase and what the sentence
names around it, and changes only drafts that have no better reading.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from eventwire.actors.kb import KB
from eventwire.actors.refs import composite_ref
from eventwire.actors.resolve import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc

ETHNIC_WORDS = frozenset({"ethnic", "minority"})
LEADING = frozenset({"led", "commanded", "dominated", "run", "controlled"})


def apply_context(doc: Doc, drafts: list[Draft], kb: KB) -> list[Draft]:
    """Run the context rules over one article's drafts (in place) and return them."""
    _ethnic_communities(doc, drafts, kb)
    _led_forces(doc, drafts)
    return drafts


def _sentence_of(doc: Doc, d: Draft) -> tuple[int, int]:
    """Token bounds of the sentence holding a draft."""
    sent = doc[d.start].sent
    return sent.start, sent.end


def _countries_near(
    drafts: list[Draft], bounds: tuple[int, int], skip: Draft, kb: KB
) -> Counter[str]:
    """Countries the other drafts of a sentence name (not inferred ones), with their counts."""
    lo, hi = bounds
    return Counter(
        d.ref.country
        for d in drafts
        if d is not skip
        and d.ref is not None
        and d.ref.country in kb.countries
        and lo <= d.start < hi
        and d.rule not in {"backer", "role-article-country"}
    )


def _ethnic_communities(doc: Doc, drafts: list[Draft], kb: KB) -> None:
    """ "ethnic Albanians in southern Serbia": the community of the country the sentence is in
    (civilians, CVL); with no other country named, the demonym's country stays."""
    for d in drafts:
        if d.ref is None or d.rule != "people" or d.ref.country is None:
            continue
        words = {t.lower_ for t in doc[d.start : d.end]}
        if not words & ETHNIC_WORDS:
            continue
        near = _countries_near(drafts, _sentence_of(doc, d), d, kb)
        near.pop(d.ref.country, None)
        iso = near.most_common(1)[0][0] if near else d.ref.country
        d.ref = composite_ref(iso, ["CVL"], "people", d.ref.name)
        d.rule = "ethnic-community"


def _led_forces(doc: Doc, drafts: list[Draft]) -> None:
    """ "Vietnamese-led forces": the force takes the country of the demonym before '-led'."""
    by_end = {d.end: d for d in drafts if d.ref is not None and d.ref.country}
    for d in drafts:
        if d.ref is None or not d.ref.sector or d.start < 2:
            continue
        verb, dash = doc[d.start], doc[d.start - 1]
        if verb.lower_ not in LEADING or dash.text != "-":
            continue
        leader = by_end.get(d.start - 1)
        if leader is None or leader.ref is None or leader.ref.kind != "state":
            continue
        d.ref = composite_ref(
            leader.ref.country, list(d.ref.sector), d.ref.kind, doc[leader.start : d.end].text
        )
        d.rule = "led-by-country"
