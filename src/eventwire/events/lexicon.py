"""The predicate lexicon: verbs, phrasal verbs, light verbs and eventive nouns -> PLOVER/CAMEO."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.errors import DataFileError

LEXICON_VERSION = "predicates@1"
LEXICON_FILE = "predicates.tsv"
# families.tsv: each type's whole verb and noun family, from general English (issue 13)
LEXICON_FILES = (LEXICON_FILE, "families.tsv")
VERSIONS = {LEXICON_FILE: LEXICON_VERSION, "families.tsv": "families@1"}

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
STATEMENT = "STATEMENT"
KINDS = frozenset({"verb", "phrasal", "light", "noun", "report", "label"})
ROLES = frozenset({"source", "target", "third_party", "venue", "theme"})


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a predicate pattern, its coding and its argument frame."""

    kind: str
    lemma: str
    type: str
    mode: str | None
    cameo: str
    frame: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    extra: str = ""  # particle (phrasal) or compound modifier (multiword noun)
    line: int = 0
    file: str = field(default=LEXICON_FILE, compare=False)

    @property
    def lexicon(self) -> str:
        """Version of the lexicon file the entry comes from (for `Provenance.lexicon`)."""
        return VERSIONS.get(self.file, self.file)

    @property
    def rule(self) -> str:
        """Stable rule id: kind and pattern, so a record points to one lexicon line."""
        tail = f"-{self.extra}" if self.extra else ""
        return f"{self.kind}:{self.lemma}{tail}".replace(" ", "_")


@dataclass(frozen=True)
class Lexicon:
    """Indexes over the entries, keyed the way the trigger finder looks them up."""

    verbs: dict[str, Entry]
    phrasal: dict[tuple[str, str], Entry]
    light: dict[tuple[str, str], Entry]
    nouns: dict[tuple[str, str], Entry]
    report: dict[str, Entry]
    labels: dict[str, Entry]
    particles: frozenset[str]
    verb_lemmas: frozenset[str] = frozenset()  # every lemma a verbal entry is keyed by
    # Light verbs that perform the act their noun names: some row of theirs has the type its
    # noun has alone ('launch attack', 'hold talks', 'stage protest'); 'call off', 'end',
    # 'threaten' only act on one (issue 13).
    performers: frozenset[str] = frozenset()


def _frame(text: str, where: str) -> dict[str, str]:
    """Parse 'slot=role,slot=role' (or '-') into a dict, validating the roles."""
    if text in ("", "-"):
        return {}
    frame: dict[str, str] = {}
    for pair in text.split(","):
        slot, _, role = pair.partition("=")
        if slot == "need" and role == "obj":
            frame[slot] = role
            continue
        if not slot or role not in ROLES:
            raise DataFileError(f"{where}: bad frame item {pair!r} (roles: {sorted(ROLES)})")
        frame[slot] = role
    return frame


def parse_row(line: str, where: str) -> list[Entry]:
    """One TSV row -> entries (light rows expand to one entry per object noun)."""
    cols = line.split("\t")
    if len(cols) != 6:
        raise DataFileError(f"{where}: expected 6 tab-separated columns, got {len(cols)}")
    kind, pattern, type_, mode, cameo, frame_text = (c.strip() for c in cols)
    if kind not in KINDS:
        raise DataFileError(f"{where}: unknown kind {kind!r}")
    if type_ not in PLOVER_TYPES and not (kind in ("report", "light") and type_ == STATEMENT):
        raise DataFileError(f"{where}: unknown PLOVER type {type_!r}")
    if not (cameo.isdigit() and 2 <= len(cameo) <= 4):
        raise DataFileError(f"{where}: bad CAMEO code {cameo!r}")
    file, _, line_text = where.rpartition(":")
    lineno = int(line_text)
    frame = _frame(frame_text, where)
    mode_ = None if mode == "-" else mode
    words = pattern.split()
    if not words or (kind in ("phrasal", "light") and len(words) != 2) or len(words) > 2:
        raise DataFileError(f"{where}: bad pattern {pattern!r} for kind {kind}")
    if kind == "light":
        return [
            Entry(kind, words[0], type_, mode_, cameo, frame, noun, lineno, file)
            for noun in words[1].split("|")
        ]
    if kind == "noun" and len(words) == 2:  # multiword noun: compound modifier + head
        return [Entry(kind, words[1], type_, mode_, cameo, frame, words[0], lineno, file)]
    extra = words[1] if kind == "phrasal" else ""
    return [Entry(kind, words[0], type_, mode_, cameo, frame, extra, lineno, file)]


def _index(entries: list[Entry], name: str) -> Lexicon:
    """Build the lookup tables; a duplicate key is a data error naming both lines."""
    tables: dict[str, dict[object, Entry]] = {k: {} for k in KINDS}
    for e in entries:
        key: object = e.lemma if e.kind in ("verb", "report", "label") else (e.lemma, e.extra)
        table = tables[e.kind]
        if key in table:
            first = table[key]
            raise DataFileError(
                f"{e.file}:{e.line}: duplicate {e.kind} entry {key!r}"
                f" (first at {first.file}:{first.line})"
            )
        table[key] = e
    phrasal = tables["phrasal"]
    return Lexicon(
        verbs=tables["verb"],  # type: ignore[arg-type]
        phrasal=phrasal,  # type: ignore[arg-type]
        light=tables["light"],  # type: ignore[arg-type]
        nouns=tables["noun"],  # type: ignore[arg-type]
        report=tables["report"],  # type: ignore[arg-type]
        labels=tables["label"],  # type: ignore[arg-type]
        particles=frozenset(k[1] for k in phrasal),  # type: ignore[index]
        verb_lemmas=frozenset(
            e.lemma
            for kind in ("verb", "phrasal", "light", "report")
            for e in tables[kind].values()
        ),
        performers=_performers(tables["light"], tables["noun"]),
    )


def _performers(light: dict[object, Entry], nouns: dict[object, Entry]) -> frozenset[str]:
    """Light verbs with a row of its noun's own type ('launch attack': ASSAULT both)."""
    return frozenset(
        e.lemma
        for e in light.values()
        if (own := nouns.get((e.extra, ""))) is not None and own.type == e.type
    )


def parse_entries(text: str, name: str = LEXICON_FILE) -> list[Entry]:
    """The entries of one TSV text (comments with '#', blank lines skipped)."""
    entries: list[Entry] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        entries.extend(parse_row(raw, f"{name}:{n}"))
    return entries


def parse_lexicon(text: str, name: str = LEXICON_FILE) -> Lexicon:
    """Parse the whole TSV text into lookup tables."""
    return _index(parse_entries(text, name), name)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon files, loaded and validated once; a key in two files is an error."""
    folder = resources.files("eventwire") / "data" / "events"
    entries: list[Entry] = []
    for name in LEXICON_FILES:
        entries.extend(parse_entries((folder / name).read_text(encoding="utf-8"), name))
    return _index(entries, "+".join(LEXICON_FILES))
