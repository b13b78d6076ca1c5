"""More toponyms from those already found: names in a list with a place ('Gainesville and
Lindsay'), and later mentions of a name the NER tagged as a place ('Fargo raised its goal')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.nlp.parse import doc_ents
from eventwire.places.gazetteer import Gazetteer, normalise
from eventwire.places.resolve import candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LIST_WORDS = frozenset({",", "and", "or"})
LIST_ROUNDS = 3
MAX_NAME = 3


def core_length(ent: Span) -> int:
    """Tokens of an entity without a leading article or a trailing possessive."""
    words = [t for t in ent if t.lower_ not in ("the", "a", "an") and t.tag_ != "POS"]
    return len(words)


def is_named_place(gaz: Gazetteer, text: str) -> bool:
    """The gazetteer has a place with a point under exactly this name."""
    key = normalise(text)
    return any(e.lat is not None and normalise(e.name) == key for e in candidates(gaz, text))


def in_list_with(span: Span, place_tokens: set[int]) -> bool:
    """The span is conjoined with a found place, by the parse or by ',', 'and', 'or'."""
    doc = span.doc
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [c for c in root.children if c.dep_ == "conj"]
    if any(t.i in place_tokens for t in linked):
        return True
    before, after = span.start - 1, span.end
    if before >= 1 and doc[before].text in LIST_WORDS and before - 1 in place_tokens:
        return True
    return after + 1 < len(doc) and doc[after].text in LIST_WORDS and after + 1 in place_tokens


def name_runs(doc: Doc, taken: set[int]) -> list[Span]:
    """Capitalised proper-noun runs (up to three tokens) outside the found places."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not tok.is_title or tok.pos_ != "PROPN":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < MAX_NAME and doc[end].is_title and end not in taken:
            end += 1
        runs.append(doc[i:end])
        i = end
    return runs


def inside_longer_name(run: Span) -> bool:
    """The run is part of a longer name: after a possessive ('Mundy's Mill'), before a
    number ('Northwest 13th Street'), or inside a longer organisation entity."""
    doc = run.doc
    if run.start > 0 and doc[run.start - 1].tag_ == "POS":
        return True
    if run.end < len(doc) and doc[run.end].like_num:
        return True
    ent = next((e for e in doc_ents(doc) if e.start <= run.start < e.end), None)
    return ent is not None and ent.label_ != "PERSON" and core_length(ent) > len(run)


def coordinated_spans(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Town names listed with a found place ('in Hamilton and Middletown', 'Dodge City, Great
    Bend, Kingman'), whatever the NER called them; lists grow over a few rounds."""
    place_tokens = {t.i for s in spans for t in s}
    out: list[Span] = []
    for _ in range(LIST_ROUNDS):
        new = [
            run
            for run in name_runs(doc, place_tokens)
            if in_list_with(run, place_tokens)
            and not inside_longer_name(run)
            and is_named_place(gaz, run.text)
        ]
        if not new:
            break
        out += new
        place_tokens.update(t.i for s in new for t in s)
    return out


def repeated_spans(
    doc: Doc, spans: list[Span], sure: list[Span], gaz: Gazetteer, name_parts: set[str]
) -> list[Span]:
    """Other occurrences of a name the NER tagged as a place ('Fargo raised its goal' after
    'in Fargo'), also in capitals, outside person names and longer entities."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for span in sure:
        if any(e.lat is not None for e in candidates(gaz, span.text)):
            for form in (span.text, span.text.upper()):
                words = tuple(form.split())
                names.setdefault(words[0], set()).add(words)
    used = {t.i for s in spans for t in s}
    ent_of = {t.i: e for e in doc_ents(doc) for t in e}
    out: list[Span] = []
    for tok in doc:
        for words in names.get(tok.text, ()):
            span = doc[tok.i : tok.i + len(words)]
            if tuple(t.text for t in span) != words or any(t.i in used for t in span):
                continue
            ent = ent_of.get(tok.i)
            if ent is not None and (ent.label_ == "PERSON" or core_length(ent) > len(span)):
                continue
            if any(t.text in name_parts for t in span):
                continue
            out.append(span)
            used.update(t.i for t in span)
    return out
