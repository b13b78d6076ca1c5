"""CAMEO refinements and ontology look-ups: quad class, Goldstein score, complement-driven codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

_cameo_entry: Callable[[str], Any] | None
try:  # the ontology module is owned by the ontology work (issue 4); fall back until it lands
    from eventwire.events.ontology import cameo_entry as _cameo_entry
except ImportError:  # pragma: no cover - depends on the tree state
    _cameo_entry = None

# CAMEO root -> quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
ROOT_QUAD = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}

# THREATEN / REQUEST / REJECT take their mode and CAMEO code from what is threatened,
# requested or refused (issue 4: "threatening to attack the city" -> 138).
THREAT_BY_INNER: dict[str, tuple[str | None, str]] = {
    "ASSAULT": ("violence", "138"),
    "MOBILIZE": ("violence", "138"),
    "COERCE": ("restrict", "137"),
    "SANCTION": ("relations", "131"),
    "RETREAT": (None, "130"),
    "REJECT": (None, "134"),
}
REQUEST_BY_INNER: dict[str, tuple[str | None, str]] = {
    "CONSULT": ("meet", "026"),
    "RETREAT": ("yield", "025"),
    "CONCEDE": ("change", "024"),
    "AID": ("assist", "023"),
    "COOPERATE": ("assist", "021"),
    "AGREE": (None, "027"),
}
REJECT_BY_INNER: dict[str, tuple[str | None, str]] = {
    "CONSULT": ("meet", "125"),
    "RETREAT": ("yield", "124"),
    "CONCEDE": ("change", "123"),
    "AID": ("assist", "122"),
    "COOPERATE": ("assist", "121"),
    "AGREE": (None, "127"),
}
# "agreed to cooperate / to meet / to withdraw": an intent to act (03), not yet the act.
AGREE_BY_INNER: dict[str, tuple[str | None, str]] = {
    "CONSULT": (None, "036"),
    "COOPERATE": (None, "031"),
    "AID": (None, "033"),
    "RETREAT": (None, "035"),
    "CONCEDE": (None, "034"),
    "SUPPORT": (None, "032"),
}
BY_INNER = {
    "THREATEN": THREAT_BY_INNER,
    "REQUEST": REQUEST_BY_INNER,
    "REJECT": REJECT_BY_INNER,
    "AGREE": AGREE_BY_INNER,
}
REJECT_THEMES = {
    **dict.fromkeys(("talk", "talks", "negotiation", "meeting", "invitation", "dialogue"), "125"),
    **dict.fromkeys(
        (
            "proposal",
            "counterproposal",
            "plan",
            "offer",
            "deal",
            "agreement",
            "ceasefire",
            "truce",
            "settlement",
            "draft",
            "initiative",
            "terms",
            "accord",
        ),
        "127",
    ),
}


# Verbs of commitment code by what is committed to: "vowed to lay down their arms" is a promise
# (AGREE, CAMEO 03x), "pledged to crush the rebels" a threat (THREATEN, 13x).
COMMIT_VERBS = frozenset({"vow", "swear", "pledge", "promise", "undertake"})
# Only force makes a pledge a threat: "pledged to expel the exiles" stays a promise to whoever
# asked for it; coercion and penalties do too once they hang on a condition the other side can
# meet ("promised arrests if the looting goes on", "pledged sanctions unless ...").
HOSTILE_INNER = frozenset({"ASSAULT"})
HOSTILE_IF_CONDITIONAL = frozenset({"COERCE", "SANCTION"})


def commitment_type(
    type_: str, lemma: str, inner_type: str | None, *, conditional: bool = False
) -> str:
    """AGREE or THREATEN for a commitment verb, from the type of the act it commits to."""
    if lemma not in COMMIT_VERBS or inner_type is None:
        return type_
    if type_ == "THREATEN" and inner_type in AGREE_BY_INNER:
        return "AGREE"
    hostile = inner_type in HOSTILE_INNER or (conditional and inner_type in HOSTILE_IF_CONDITIONAL)
    if type_ == "AGREE" and hostile:
        return "THREATEN"
    return type_


def refine(
    type_: str, mode: str | None, cameo: str, inner_type: str | None
) -> tuple[str | None, str]:
    """Mode and code of a THREATEN/REQUEST/REJECT from the type of its complement event."""
    table = BY_INNER.get(type_)
    if table is None or inner_type is None or inner_type not in table:
        return mode, cameo
    if type_ == "AGREE" and cameo != "030":
        return mode, cameo  # a signed deal (057) keeps its code
    new_mode, new_code = table[inner_type]
    if type_ == "REQUEST" and cameo.startswith("10"):
        new_code = "10" + new_code[2]
    return new_mode or mode, new_code


# What one side agrees *to* when it gives way rather than strikes a bargain.
YIELDED_TO = frozenset("demand demands ultimatum conditions".split())
GATHERINGS = frozenset(
    "summit talks talk meeting meetings conference visit negotiations delegation forum dialogue round".split()
)
DOCUMENTS = frozenset(
    """report footage video statement document list figures details data images photos
    photographs results findings recording recordings tape transcript text""".split()
)
AID_THEMES = frozenset(
    """aid medicine medicines food supplies assistance grain flour water fuel vaccine vaccines
    tents blankets relief medical humanitarian rice wheat donations""".split()
)


def refine_by_theme(
    type_: str, mode: str | None, cameo: str, theme_head: str | None
) -> tuple[str, str | None, str]:
    """REJECT of a plan -> 127, of talks -> 125; handing over medicine or food -> AID."""
    if type_ == "REJECT" and cameo == "120" and theme_head:
        return type_, mode, REJECT_THEMES.get(theme_head, cameo)
    if type_ == "AGREE" and cameo == "030" and theme_head in YIELDED_TO:
        return "CONCEDE", None, "080"  # "agreed to the strikers' demands": a yield
    if type_ in ("RETREAT", "COERCE") and theme_head in AID_THEMES and cameo.startswith("08"):
        return "AID", None, "073"
    if type_ == "RETREAT" and mode == "release" and theme_head in DOCUMENTS:
        return "STATEMENT", None, "010"  # released a report, footage or figures
    if type_ == "ASSAULT" and cameo == "180" and theme_head in CROWD_WEAPONS:
        return type_, "crowd-control", "175"  # "used tear gas": repression, not terror
    if type_ == "CONSULT" and cameo == "043" and theme_head in DELIVERED:
        # "received weapons": a delivery, not a visitor ("hosted the minister" stays 043)
        return "AID", None, theme_code("AID", "070", theme_head)
    return type_, mode, theme_code(type_, cameo, theme_head)


# What is given, eased, threatened, cut or asked for picks the CAMEO sub-code (codebook 07, 08,
# 13, 16, 02): "provided a loan" 071, "lifted the curfew" 0813, "threatened sanctions" 1312.
ECONOMIC = frozenset(
    """loan loans credit credits money funds funding grant grants subsidy subsidies investment
    investments budget cash dollars euros""".split()
)
MILITARY = frozenset(
    """weapons weapon arms ammunition missiles missile rockets tanks jets drones artillery
    munitions rifles guns""".split()
)
PEACEKEEPING = frozenset("peacekeepers peacekeeping protection".split())
ASYLUM = frozenset("asylum refuge sanctuary".split())
DELIVERED = AID_THEMES | ECONOMIC | MILITARY | frozenset("equipment shipment shipments".split())
PERSONS = frozenset(
    """prisoner prisoners hostage hostages detainee detainees captive captives soldier soldiers
    journalist journalists activist activists citizen citizens people""".split()
)
AID_BY_THEME = {
    **dict.fromkeys(AID_THEMES - {"aid", "assistance", "donations"}, "3"),
    **dict.fromkeys(ECONOMIC, "1"),
    **dict.fromkeys(MILITARY, "2"),
    **dict.fromkeys(PEACEKEEPING, "4"),
    **dict.fromkeys(ASYLUM, "5"),
}
EASED = {
    "curfew": "0813",
    "emergency": "0814",
    "law": "081",
    "ban": "081",
    "restriction": "081",
    "restrictions": "081",
    "sanction": "085",
    "sanctions": "085",
    "embargo": "085",
    "boycott": "085",
    "blockade": "0872",
    "siege": "0872",
}
THREATENED = {
    "sanction": "1312",
    "sanctions": "1312",
    "embargo": "1312",
    "boycott": "1312",
    "curfew": "1323",
    "war": "138",
    "attack": "138",
    "attacks": "138",
    "strike": "138",
    "strikes": "138",
    "force": "138",
    "invasion": "138",
    "retaliation": "138",
}
HALTED = {
    **dict.fromkeys(("talks", "negotiations", "negotiation", "dialogue"), "164"),
    "mediation": "165",
    **dict.fromkeys(("aid", "assistance", "funding", "support"), "162"),
    **dict.fromkeys(("relations", "ties"), "161"),
}
TALKS = frozenset("talks negotiations negotiation dialogue meeting summit".split())


def theme_code(type_: str, cameo: str, theme: str | None) -> str:
    """The CAMEO sub-code the theme picks inside the trigger's family, else the trigger's code."""
    if theme is None:
        return cameo
    if type_ == "AID" and cameo == "070" and theme in AID_BY_THEME:
        return "07" + AID_BY_THEME[theme]
    if type_ == "REQUEST" and cameo == "023" and theme in AID_BY_THEME and theme not in ASYLUM:
        return "023" + AID_BY_THEME[theme]
    if type_ in ("CONCEDE", "RETREAT") and cameo in ("080", "081", "085"):
        return EASED.get(theme, cameo)
    if type_ == "RETREAT" and cameo == "0842" and theme in PERSONS:
        return "0841"  # "handed over the prisoners": persons, not property
    if type_ == "THREATEN" and cameo == "130":
        return THREATENED.get(theme, cameo)
    if type_ == "SANCTION" and cameo == "160":
        return HALTED.get(theme, cameo)
    if type_ == "AGREE" and cameo == "030" and theme in TALKS:
        return "036"  # "agreed to talks": intent to negotiate, not yet a deal
    return cameo


CROWD_WEAPONS = frozenset(
    "gas teargas tear-gas cannon cannons batons truncheons bullets pellets grenades".split()
)


DIPLOMATIC = frozenset(
    """diplomat diplomats ambassador ambassadors envoy envoys attache attaches staff
    peacekeepers peacekeeper inspectors inspector monitors observers mission embassy""".split()
)


def refine_expel(
    type_: str, mode: str | None, cameo: str, object_head: str | None
) -> tuple[str, str | None, str]:
    """Expelling diplomats or monitors is SANCTION (166); expelling people is COERCE/deport (174)."""
    if cameo == "166" and object_head and object_head not in DIPLOMATIC:
        return "COERCE", "deport", "174"
    return type_, mode, cameo


def quad_goldstein(code: str) -> tuple[int, float]:
    """Quad class and Goldstein score of a CAMEO code, via the ontology when present."""
    if _cameo_entry is not None:
        for candidate in (code, code[:3], code[:2] + "0"):
            try:
                entry = _cameo_entry(candidate)
            except (LookupError, ValueError):
                continue
            if entry is not None:
                return int(entry.quad), float(entry.goldstein)
    return ROOT_QUAD.get(code[:2], 0), 0.0


PROTESTERS = frozenset(
    """protester demonstrator rioter marcher striker crowd youth activist student protesters
    demonstrators rioters marchers strikers crowds youths activists students protestor
    protestors""".split()
)


SYMMETRIC = frozenset({"clash", "fight", "battle", "scuffle"})


STRIKERS = frozenset("worker union employee teacher doctor nurse miner driver staff".split())


def sources_protest(sources: list[str]) -> bool:
    """True if a source is a protesting group (workers, unions, students...)."""
    return any(s in PROTESTERS or s in STRIKERS for s in sources)


def refine_by_actors(
    type_: str, mode: str | None, cameo: str, lemma: str, heads: dict[str, list[str]]
) -> tuple[str, str | None, str]:
    """Protesters who clash or gather are PROTEST (riot/demo); force used on protesters is crowd control."""
    sources, targets = heads.get("source", []), heads.get("target", [])
    if lemma == "strike" and type_ == "PROTEST" and targets and not sources_protest(sources):
        return "ASSAULT", "aerial", "195"  # "strikes on Gaza": a strike with a target is an attack
    if any(s in PROTESTERS for s in sources) or (
        lemma in SYMMETRIC and any(t in PROTESTERS for t in targets)
    ):
        if type_ in ("ASSAULT", "COERCE"):
            return "PROTEST", "riot", "145"
        if type_ in ("CONSULT", "REQUEST"):
            return "PROTEST", "demo", "141"
    specific = cameo.startswith("18") and cameo != "180"  # "beat protesters" stays a beating
    if type_ == "ASSAULT" and any(t in PROTESTERS for t in targets) and not specific:
        return "ASSAULT", "crowd-control", "175"  # "used force against the demonstrators"
    return type_, mode, cameo


# Words that make an attack a computer attack (PLOVER COERCE/cyber), whoever or whatever is hit.
CYBER_WORDS = frozenset(
    """hacker hackers malware ransomware spyware botnet phishing server servers website websites
    database databases computer computers email emails""".split()
)
CYBER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
CYBER_PREPS = frozenset({"agent", "by", "on", "against"})


def _cyber_noun(noun: Token) -> bool:
    """'hackers', 'servers', 'a cyber attack': the noun or a modifier of it is digital."""
    words = [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    return any(w.lower_.startswith("cyber") or w.lower_ in CYBER_WORDS for w in words)


def is_cyber(head: Token) -> bool:
    """An attack verb whose attacker, instrument or target is digital ("hit by a cyber attack")."""
    for child in head.children:
        if child.dep_ in CYBER_DEPS and _cyber_noun(child):
            return True
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in CYBER_PREPS):
            if any(p.dep_ == "pobj" and _cyber_noun(p) for p in child.children):
                return True
    return False


def refine_cyber(
    type_: str, mode: str | None, cameo: str, head: Token
) -> tuple[str, str | None, str]:
    """'Hackers attacked the ministry's servers': COERCE/cyber (176), not a physical assault."""
    if type_ == "ASSAULT" and head.pos_ == "VERB" and is_cyber(head):
        return "COERCE", "cyber", "176"
    return type_, mode, cameo


def refine_test_fire(
    type_: str, mode: str | None, cameo: str, head: Token
) -> tuple[str, str | None, str]:
    """'test-fired a ballistic missile': a show of force (MOBILIZE weapons, 150), not an attack."""
    if type_ != "ASSAULT" or head.pos_ != "VERB" or head.i == 0:
        return type_, mode, cameo
    before = head.doc[max(head.i - 2, 0) : head.i]
    if any(t.lower_ == "test" and t.head.i == head.i for t in before):
        return "MOBILIZE", "weapons", "150"
    return type_, mode, cameo
