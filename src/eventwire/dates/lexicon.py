"""Load the dates lexicon (month, weekday, number, unit ... words) once, validated."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from eventwire.errors import DataFileError

LEXICON_VERSION = "dates-lexicon@1"
FILE = "lexicon.tsv"

# category -> pattern its value column must match (validated on load)
CATEGORIES: dict[str, str] = {
    "month": r"(?:[1-9]|1[0-2])",
    "weekday": r"[0-6]",
    "number": r"\d+",
    "ordinal": r"\d+",
    "vague": r"X",
    "unit": r"\d?T?[SMHDWMQYECL]",
    "unit_plural": r"[a-z]+",
    "season": r"SP|SU|FA|WI",
    "part_of_day": r"MO|AF|EV|NI",
    "premod": r"EARLY|MID|LATE|START|END",
    "durmod": r"[A-Z_]+",
    "ref": r"(?:PRESENT|PAST|FUTURE)_REF",
    "set_adverb": r"PT?\d+[A-Z]",
    "holiday": r"\d\d-\d\d|EASTER(?:[+-]\d)?|THANKSGIVING",
}


def parse_lexicon(text: str, name: str = FILE) -> list[tuple[int, str, str, str]]:
    """(line, category, word, value) rows of lexicon text; a malformed row raises naming it."""
    rows: list[tuple[int, str, str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or not all(cols):
            raise DataFileError(f"data/dates/{name}:{n}: expected 3 tab-separated columns")
        cat, word, value = cols
        if cat not in CATEGORIES:
            raise DataFileError(f"data/dates/{name}:{n}: unknown category {cat!r}")
        if not re.fullmatch(CATEGORIES[cat], value):
            raise DataFileError(f"data/dates/{name}:{n}: bad value {value!r} for {cat}")
        rows.append((n, cat, word.lower(), value))
    return rows


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, str]]:
    """category -> {lower-cased word: value}, loaded once per process."""
    out: dict[str, dict[str, str]] = {cat: {} for cat in CATEGORIES}
    path = resources.files("eventwire").joinpath("data", "dates", FILE)
    for _, cat, word, value in parse_lexicon(path.read_text(encoding="utf-8")):
        out[cat][word] = value
    return out


def words(category: str) -> dict[str, str]:
    """The words of one category."""
    return lexicon()[category]


def alternation(
    category: str, *, skip: frozenset[str] = frozenset(), only: frozenset[str] | None = None
) -> str:
    r"""A regex alternation of a category's words, longest first (spaces match \s+)."""
    items = sorted(
        (w for w in words(category) if w not in skip and (only is None or w in only)),
        key=len,
        reverse=True,
    )
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in items]
    body = "|".join(parts)
    return f"(?:{body})"


def number_value(text: str) -> float | None:
    """The number a phrase states ("twenty-four", "2 1/2", "a", "10"); None if vague."""
    t = text.lower().replace(",", "").strip()
    half = 0.0
    if t.endswith("1/2") or t.endswith("and a half"):
        half, t = 0.5, t.removesuffix("1/2").removesuffix("and a half").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if t.startswith("a couple") or t == "couple":
        return 2.0 + half
    total, current = 0.0, 0.0
    nums = words("number")
    for w in re.split(r"[\s-]+", t):
        if w in ("and", "of"):
            continue
        if w not in nums:
            return None
        v = float(nums[w])
        if v in (100.0, 1000.0):
            current = max(current, 1.0) * v
            if v == 1000.0:
                total, current = total + current, 0.0
        else:
            current += v
    return total + current + half
