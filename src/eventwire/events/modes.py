"""ASSAULT modes from the means named around the predicate: 'tanks fired', 'in a suicide bombing'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# Words naming the means of an attack -> PLOVER ASSAULT mode and CAMEO code (issue 4).
MEANS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        "tank tanks artillery mortar mortars rocket rockets shell shells howitzer missile "
        "missiles shelling gunboat warship".split(),
        ("heavy-weapons", "194"),
    ),
    **dict.fromkeys(
        "aircraft warplane warplanes jet jets helicopter helicopters gunship gunships plane "
        "planes airstrike airstrikes bomber bombers air".split(),
        ("aerial", "195"),
    ),
    **dict.fromkeys("drone drones uav uavs".split(), ("drone", "1952")),
    **dict.fromkeys(
        "gun guns gunman gunmen sniper snipers rifle rifles gunfire gunbattle gunfight "
        "firefight shootout bullet bullets pistol machine-gun".split(),
        ("firearms", "193"),
    ),
    **dict.fromkeys(
        "bomb bombs bombing bombings explosive explosives ied grenade grenades mine mines "
        "landmine blast explosion roadside car-bomb".split(),
        ("explosives", "183"),
    ),
    **dict.fromkeys("suicide bomber bombers".split(), ("suicide-attack", "1831")),
    **dict.fromkeys(
        "knife knives machete machetes axe stone stones rock rocks stick sticks club".split(),
        ("primitive", "182"),
    ),
}
LEADERS = frozenset(
    """leader chief commander minister governor mayor president premier general colonel
    deputy head official judge lawmaker senator cleric""".split()
)
MEANS_PREPS = frozenset({"in", "with", "by", "using", "during", "from"})


def _means_words(verb: Token) -> Iterator[Token]:
    """Subject, object and 'in/with/by' phrases of the predicate, with their modifiers."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "dobj", "nsubjpass", "agent"):
            yield from _np_words(c)
        elif c.dep_ == "prep" and c.lower_ in MEANS_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    yield from _np_words(p)


def _np_words(tok: Token) -> Iterator[Token]:
    if tok.dep_ == "agent":
        for p in tok.children:
            yield from _np_words(p)
        return
    yield tok
    yield from (c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))


def assault_mode(head: Token, mode: str | None, cameo: str) -> tuple[str | None, str]:
    """Mode and code of an ASSAULT whose entry left the mode open ('killed', 'attacked')."""
    if mode is not None or head.pos_ != "VERB":
        return mode, cameo
    found: tuple[str, str] | None = None
    for tok in _means_words(head):
        hit = MEANS.get(tok.lower_) or MEANS.get(tok.lemma_.lower())
        if hit is not None and (found is None or hit[0] == "suicide-attack"):
            found = hit
    if found is not None:
        return found
    obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if head.lemma_.lower() in ("kill", "shoot", "murder") and obj is not None:
        if obj.lemma_.lower() in LEADERS:
            return "assassinate", "185"
    return mode, cameo
