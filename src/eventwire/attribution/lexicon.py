"""Load the attribution lexicons (cue verbs, cue phrases, source kinds) once, validated."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.errors import DataFileError

LEXICON_VERSION = "attribution-cues@1"
CUE_CLASSES = frozenset({"speech", "mental", "evidence", "adjective", "noun", "role"})
VERB_CLASSES = frozenset({"speech", "mental", "evidence"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pobj", "acl"})
PHRASE_KINDS = frozenset({"source-pobj", "cue-extension"})
SOURCELESS_FRAMES = frozenset({"adverb", "raising", "passive", "known-as"})
IDIOM_CONTENT = frozenset({"pobj", "ccomp", "dobj"})
SOURCE_KINDS = frozenset({"anonymous", "agency"})


@dataclass(frozen=True)
class CueVerb:
    """One cue verb sense: its class, the dependents that hold content, an optional particle."""

    lemma: str
    cls: str
    deps: tuple[str, ...]
    prep: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Every attribution lexicon, keyed for lookup by lemma or lower-cased phrase."""

    verbs: dict[str, tuple[CueVerb, ...]]
    adjectives: dict[str, tuple[CueVerb, ...]]
    nouns: dict[str, tuple[CueVerb, ...]]
    roles: dict[str, tuple[CueVerb, ...]]
    phrases: dict[str, str]
    sources: dict[str, str]
    idioms: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # verb lemma -> (rest, content)
    cue_words: frozenset[str] = frozenset()  # every listed cue word, for cheap pre-checks
    sourceless: dict[str, str] = field(default_factory=dict)  # lemma -> frame


def _rows(name: str, ncols: tuple[int, int]) -> list[tuple[int, list[str]]]:
    """Rows of a packaged TSV data file."""
    path = resources.files("eventwire").joinpath("data", "attribution", name)
    return parse_rows(name, path.read_text(encoding="utf-8"), ncols)


def parse_rows(name: str, text: str, ncols: tuple[int, int]) -> list[tuple[int, list[str]]]:
    """Non-comment rows of a TSV text with line numbers; a bad row raises naming file and line."""
    rows: list[tuple[int, list[str]]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not ncols[0] <= len(cols) <= ncols[1] or not all(c.strip() for c in cols):
            raise DataFileError(
                f"data/attribution/{name}:{n}: expected {ncols} tab-separated columns"
            )
        rows.append((n, [c.strip() for c in cols]))
    return rows


def check(name: str, n: int, value: str, allowed: frozenset[str]) -> str:
    """Return `value` if allowed, else raise naming file and line."""
    if value not in allowed:
        raise DataFileError(
            f"data/attribution/{name}:{n}: {value!r} is not one of {sorted(allowed)}"
        )
    return value


def _cues(classes: frozenset[str]) -> dict[str, tuple[CueVerb, ...]]:
    """Cue words of some classes from cues.tsv, grouped by lemma."""
    out: dict[str, list[CueVerb]] = {}
    for n, cols in _rows("cues.tsv", (3, 4)):
        cls = check("cues.tsv", n, cols[1], CUE_CLASSES)
        deps = tuple(check("cues.tsv", n, d, CONTENT_DEPS) for d in cols[2].split(","))
        prep = cols[3].lower() if len(cols) == 4 else ""
        if cls not in classes:
            continue
        out.setdefault(cols[0].lower(), []).append(CueVerb(cols[0].lower(), cls, deps, prep))
    return {k: tuple(v) for k, v in out.items()}


def stems(word: str) -> tuple[str, ...]:
    """A lower-case word and its candidate stems ("hopes" -> "hope"), longer than two letters.

    The small model sometimes lemmatises a reporting verb wrongly, so lookups try these.
    """
    forms = (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e")
    return tuple(f for f in forms if len(f) > 2)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The validated lexicons, loaded once per process."""
    phrases = {
        c[0].lower(): check("phrases.tsv", n, c[1], PHRASE_KINDS)
        for n, c in _rows("phrases.tsv", (2, 2))
    }
    sources = {
        c[0].lower(): check("sources.tsv", n, c[1], SOURCE_KINDS)
        for n, c in _rows("sources.tsv", (2, 2))
    }
    idioms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for n, c in _rows("idioms.tsv", (2, 2)):
        words = tuple(c[0].lower().split())
        content = check("idioms.tsv", n, c[1], IDIOM_CONTENT)
        idioms.setdefault(words[0], []).append((words[1:], content))
    sourceless = {
        c[0].lower(): check("sourceless.tsv", n, c[1], SOURCELESS_FRAMES)
        for n, c in _rows("sourceless.tsv", (2, 2))
    }
    verbs = _cues(VERB_CLASSES)
    adjectives = _cues(frozenset({"adjective"}))
    nouns = _cues(frozenset({"noun"}))
    return Lexicon(
        idioms={k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in idioms.items()},
        verbs=verbs,
        adjectives=adjectives,
        nouns=nouns,
        cue_words=frozenset([*verbs, *adjectives, *nouns, *idioms]),
        roles=_cues(frozenset({"role"})),
        sourceless=sourceless,
        phrases=phrases,
        sources=sources,
    )
