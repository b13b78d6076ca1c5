"""The temporal-expression grammar: regexes built once from the lexicon, one per rule family.

Extents follow the TimeML conventions: prepositions ("on", "in", "since", "for") are left
out, determiners and modifiers ("the", "last", "early", "about") are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.dates.lexicon import alternation

ARTICLES = frozenset({"a", "an", "couple"})
ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
REL = r"(?:this\s+coming|this\s+past|last|next|this|coming|past|previous|following|current|same|latest)"
DECADE_WORDS = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
AMPM = r"(?:[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
TZ = r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|BST|local\s+time)"


@dataclass(frozen=True)
class Rule:
    """One rule family: a name (the handler key and provenance id) and its compiled regex."""

    name: str
    regex: re.Pattern[str]


def _fragments() -> dict[str, str]:
    """Named regex fragments from the lexicon."""
    num_word = alternation("number", skip=ARTICLES)
    number = (
        rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:a\s+)?couple\s+of|an?\s+(?:hundred|thousand|dozen)|an?|{num_word}(?:[\s-]+{num_word})*"
        r"(?:\s+and\s+a\s+half)?)"
    )
    return {
        "M": rf"(?:{alternation('month', skip=ABBREVIATIONS)}|{alternation('month', only=ABBREVIATIONS)}\.?)",
        "WD": alternation("weekday"),
        "NUM": number,
        "VAGUE": alternation("vague"),
        "ORD": alternation("ordinal"),
        "UNIT": alternation("unit"),
        "UNITS": r"(?:" + alternation("unit_plural")[3:-1] + "|" + alternation("unit")[3:-1] + ")",
        "UNITPL": alternation("unit_plural"),
        "SEASON": alternation("season"),
        "PART": alternation("part_of_day"),
        "PREMOD": alternation("premod"),
        "DURMOD": alternation("durmod"),
        "REF": alternation("ref"),
        "SETADV": alternation("set_adverb"),
        "HOLIDAY": alternation("holiday"),
    }


def _templates() -> list[tuple[str, str]]:
    """(rule name, regex template) in priority order; {X} are fragments."""
    return [
        ("iso", r"\b(?P<iso>\d{4}-\d\d-\d\d)\b"),
        (
            "mdy",
            rf"\b(?:(?P<weekof>the\s+week\s+of)\s+)?(?:(?P<wd>{{WD}}),?\s+)?(?P<month>{{M}})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR})\b)?",
        ),
        (
            "dmy",
            rf"\b(?:(?P<wd>{{WD}}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{{M}})(?:,?\s+(?P<year>{YEAR})\b)?",
        ),
        (
            "month",
            rf"\b(?:(?P<mod>{{PREMOD}})[\s-]+)?(?:(?P<rel>{REL})\s+)?(?P<month>{{M}})(?:,?\s+(?:of\s+)?(?P<year>{YEAR})\b)?(?![\w-])",
        ),
        (
            "decade",
            rf"\b(?:(?P<mod>{{PREMOD}})[\s-]+)?(?:(?P<dec>1[6-9]\d0|20\d0)s|'(?P<dec2>\d0)s|(?P<decw>{DECADE_WORDS}))\b",
        ),
        (
            "century",
            r"\b(?:(?P<mod>{PREMOD})[\s-]+)?(?:the\s+)?(?P<ord>{ORD}|\d{1,2}(?:st|nd|rd|th))[\s-]+century\b",
        ),
        (
            "year",
            rf"(?<![\w$.,/-])(?:(?P<mod>{{PREMOD}})[\s-]+)?(?:(?P<fiscal>fiscal)\s+)?(?P<year>{YEAR})(?P<beyond>\s+and\s+beyond)?(?![\w%,./-]\d|\w|-year)",
        ),
        (
            "clock",
            rf"\b(?:(?P<dmod>about|around|approximately|shortly\s+(?:after|before))\s+)?(?:(?P<h>[012]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>{AMPM})|(?P<h24>[012]?\d):(?P<mi24>[0-5]\d)(?=\s*{TZ})|(?P<noon>noon|midnight))(?:\s+(?P<tz>{TZ}))?(?:,?\s+(?:(?P<wd>{{WD}})|(?P<deictic>today|tomorrow|yesterday|tonight))\b)?",
        ),
        (
            "deictic",
            r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+(?P<part>{PART}))?\b",
        ),
        (
            "partrel",
            r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART})\b",
        ),
        (
            "weekday",
            rf"\b(?:(?P<mod>early|late)\s+)?(?:(?P<rel>{REL})\s+)?(?P<wd>{{WD}})(?:,?\s+(?P<part>{{PART}}))?\b",
        ),
        (
            "ago",
            r"\b(?:(?P<dmod>{DURMOD})\s+)?(?P<num>{NUM}|{VAGUE})\s+(?P<unit>{UNITS})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)\b",
        ),
        (
            "relunit",
            rf"\b(?:(?P<mod>{{PREMOD}})[\s-]+)?(?:(?P<det>the)\s+)?(?P<rel>(?:earlier|later)\s+th(?:is|at)|that|{REL})\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>day|week|weekend|month|year|quarter|decade|century|{{SEASON}}|{{PART}})\b(?!-)(?P<orso>\s+or\s+so\b)?",
        ),
        (
            "theunit",
            r"\b(?:(?P<mod>{PREMOD})\s+)?the\s+(?:(?P<kind>full|fiscal|calendar|entire|whole)\s+)?(?P<unit>year|quarter|weekend|month|week)\b(?![-'])",
        ),
        ("yearend", r"\b(?:(?P<dmod>around|about)\s+)?(?:the\s+)?year(?:'s|-)?\s*end\b"),
        (
            "yearago",
            r"\b(?:(?P<det>the)\s+)?(?:comparable\s+|corresponding\s+)?year-(?:ago|earlier)(?:\s+(?P<unit>quarter|period|third\s+quarter|second\s+quarter|first\s+quarter|fourth\s+quarter))?\b",
        ),
        (
            "quarter",
            rf"\b(?:(?P<det>the)\s+)?(?:(?P<year>{YEAR})\s+)?(?:(?P<yrel2>this|last|next)\s+year's\s+)?(?:(?P<rel>{REL}|year-ago|year-earlier|comparable)\s+)?(?:fiscal\s+)?(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?P<qunit>quarter|half)(?:\s+of\s+(?:(?P<year2>{YEAR})|(?P<yrel>this|last|next)\s+year))?\b",
        ),
        (
            "span",
            r"\b(?P<det>the|these|those)\s+(?:(?P<rel>past|last|next|previous|coming|first|final|following|initial|remaining|preceding|ensuing|subsequent)\s+)?(?P<num>{NUM}(?:\s+(?:to|or)\s+{NUM})?|{VAGUE})\s+(?P<unit>{UNITS})(?:\s+or\s+so)?\b",
        ),
        (
            "set",
            r"\b(?:(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<unit>{UNITS}|{WD}|{PART}|weekend)|(?P<adv>{SETADV})|(?P<times>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{UNIT}))\b",
        ),
        (
            "duration",
            r"\b(?:(?P<dmod>{DURMOD})\s+)?(?P<num>{NUM}(?:\s+(?:to|or)\s+{NUM})?|{VAGUE})[\s-]+(?:(?:more|additional|further|straight|consecutive)\s+)?(?P<unit>{UNITS})(?P<orso>\s+or\s+so)?\b(?!-old|\s+old\b|-)",
        ),
        (
            "vague",
            r"\b(?:(?P<q>recent|the\s+coming|the\s+past|the\s+last|the\s+next|coming|past)\s+)(?P<unit>{UNITPL})\b",
        ),
        (
            "bare",
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\btake\s)|(?<=\btook\s)|(?<=\bwithin\s))(?P<unit>{UNITPL})\b(?!\s+of\b)",
        ),
        ("bare2", r"\b(?P<unit>{UNITPL})(?=\s+(?:before|after|later|earlier)\b)"),
        (
            "season",
            rf"\b(?:(?P<mod>{{PREMOD}})[\s-]+)?(?:(?P<det>the)\s+)?(?:(?P<mod2>early|late|mid)[\s-]+)?(?P<season>{{SEASON}})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b",
        ),
        ("holiday", r"\b(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{HOLIDAY})\b"),
        ("ref", r"\b(?P<ref>{REF})\b"),
    ]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled once (case-insensitive; capitalisation is checked afterwards)."""
    frags = _fragments()
    out: list[Rule] = []
    for name, template in _templates():
        pattern = template
        for key, frag in frags.items():
            pattern = pattern.replace("{" + key + "}", frag)
        out.append(Rule(name, re.compile(pattern, re.IGNORECASE)))
    return tuple(out)


# trigger group -> the words or pattern that announce it
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "month": ("month",),
    "weekday": ("weekday",),
    "unit": ("unit", "unit_plural"),
    "season": ("season",),
    "part": ("part_of_day",),
    "ref": ("ref",),
    "setadv": ("set_adverb",),
    "holiday": ("holiday",),
}
TRIGGER_PATTERNS: dict[str, str] = {
    "unitx": r"weekends?|half",
    "year": YEAR,
    "clock": r"\d+[:.]\d\d|\d+\s*[ap]\.?m\b|noon|midnight",
    "decade": rf"\d+0s\b|{DECADE_WORDS}",
    "deictic": r"yesterday|today|tomorrow|tonight",
}
_UNIT = frozenset({"unit", "unitx"})
# rule -> trigger groups one of which must be in its window for the rule to run
RULE_NEEDS: dict[str, frozenset[str]] = {
    "iso": frozenset({"year"}),
    "mdy": frozenset({"month"}),
    "dmy": frozenset({"month"}),
    "month": frozenset({"month"}),
    "decade": frozenset({"decade"}),
    "year": frozenset({"year"}),
    "clock": frozenset({"clock"}),
    "deictic": frozenset({"deictic"}),
    "partrel": frozenset({"part", "unit"}),  # "night" is also a unit
    "weekday": frozenset({"weekday"}),
    "relunit": _UNIT | {"season", "part"},
    "set": _UNIT | {"weekday", "part", "setadv"},
    "season": frozenset({"season"}),
    "holiday": frozenset({"holiday"}),
    "ref": frozenset({"ref"}),
}


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Words no temporal expression goes without, one named group per kind (matched on
    ASCII-lowered text, much faster than IGNORECASE): rules only run in windows around them."""
    groups = [
        f"(?P<{name}>" + "|".join(alternation(c)[3:-1] for c in cats) + ")"
        for name, cats in TRIGGER_WORDS.items()
    ]
    groups += [f"(?P<{name}>{pat})" for name, pat in TRIGGER_PATTERNS.items()]
    return re.compile(r"\b(?:" + "|".join(groups) + r")(?![a-z])")


def rule_needs(name: str) -> frozenset[str]:
    """Trigger groups a rule depends on (the unit words unless listed)."""
    return RULE_NEEDS.get(name, _UNIT)


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


PRIORITY: dict[str, int] = {name: i for i, (name, _) in enumerate(_templates())}
