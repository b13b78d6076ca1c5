"""Find temporal expressions in a parsed article and normalise them (TimeML TIMEX3)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.dates.context import Context, Resolution, Tense
from eventwire.dates.lexicon import LEXICON_VERSION
from eventwire.dates.resolve import candidates, resolve
from eventwire.dates.tense import signal_tense, tense_of
from eventwire.model import Provenance, Timex
from eventwire.nlp.parse import Parsed

NAME_GROUPS = ("month", "wd", "holiday")
NAME_RULES = frozenset(
    "iso mdy dmy month decade century year weekday holiday clock quarter".split()
)
REJECT_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LAW"})
YEAR_PREPS = frozenset(
    {"in", "since", "by", "until", "from", "of", "before", "after", "to", "through", "during"}
)
# plural nouns a year may modify ("the 2024 elections"); others mean a count ("2000 troops")
TIME_NOUNS = frozenset(
    "quarters years periods seasons elections budgets games olympics reports summits levels".split()
)
NOMINAL_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
SCHEDULED = frozenset(
    "deadline vote election summit meeting talks hearing trial conference session referendum "
    "launch visit ballot poll".split()
)
NOUN_MAKERS = frozenset({"DT", "JJ", "JJR", "JJS", "PRP$"})
REF_NEEDS_DATE = frozenset({"current", "recent"})
CONCRETE = re.compile(r"^\d{4}(?:-\d\d){0,2}$|^\d{4}-Q[1-4]$")


def _names_ok(m: re.Match[str]) -> bool:
    """Month, weekday and holiday names must be capitalised ('may' is not May)."""
    for group in NAME_GROUPS:
        text = m.groupdict().get(group)
        if text and not text[0].isupper():
            return False
    return True


def _title_ok(rule: str, m: re.Match[str], span: Span | None) -> bool:
    """Common words in title case mid-sentence are names ("This Week", "VOA Today")."""
    if rule in NAME_RULES or m[0].isupper():
        return True
    tokens = m[0].split()
    if any(w[0].isupper() for w in tokens[1:]):
        return False
    if span is None or not tokens[0][0].isupper():
        return True
    first = span[0]
    prev = first.nbor(-1) if first.i > 0 else None
    return first.is_sent_start or prev is None or prev.is_punct or prev.is_space


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens a match covers (expanded to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def _parse_ok(rule: str, m: re.Match[str], span: Span | None) -> bool:
    """Reject readings the parse rules out: 'May' the modal, '2000 troops', 'current account'."""
    if span is None:
        return True
    first, last = span[0], span[-1]
    if rule == "month" and not (m["year"] or m["mod"] or m["rel"]):
        return first.tag_ != "MD" and first.pos_ not in ("VERB", "AUX")
    if rule == "year" and not m["mod"]:
        return _year_ok(first, last)
    if rule == "deictic" and first.i > 0:
        return first.nbor(-1).tag_ not in NOUN_MAKERS  # "a better tomorrow"
    if rule == "set" and m["adv"]:
        nominal = first.pos_ in ("NOUN", "PROPN") and first.dep_ not in ("advmod", "npadvmod")
        return not nominal and not _paper(first, last)
    if rule == "ref" and m["ref"].lower() in REF_NEEDS_DATE:
        return first.ent_type_ == "DATE"
    return True


def _paper(first: Token, last: Token) -> bool:
    """'the party daily Granma', 'the weekly Al-Ahram': a publication before its name."""
    doc = first.doc
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        prev is not None
        and nxt is not None
        and nxt.pos_ == "PROPN"
        and (prev.tag_ in ("DT", "NN", "NNP", "JJ") or prev.pos_ == "PROPN")
    )


def _year_ok(first: Token, last: Token) -> bool:
    """A bare four-digit year, not a count ('2000 troops') or a name ('Orion 1980')."""
    doc = first.doc
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if first.ent_type_ in REJECT_ENTS:
        return prev is not None and prev.lower_ in YEAR_PREPS
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in TIME_NOUNS:
        return prev is not None and prev.tag_ in ("DT", "PRP$", "POS")  # "the 2024 elections"
    return not (prev is not None and prev.pos_ == "PROPN" and first.ent_type_ != "DATE")


def _tense(span: Span | None) -> Tense:
    """Tense of the clause the expression sits in (its head, punctuation aside)."""
    if span is None:
        return "none"
    inner = [t for t in span if not t.is_punct] or list(span)
    heads = [t for t in inner if t.head not in inner or t.head.i == t.i]
    head = heads[0] if heads else span.root
    if head.dep_ in NOMINAL_DEPS:
        # "Tuesday's declaration", "the October 7 attack": an occasion named by its date is
        # mostly over, unless it is a deadline or a meeting to come
        return "none" if head.head.lemma_.lower() in SCHEDULED else "past"
    return signal_tense(span[0], tense_of(head))


def _record(parsed: Parsed, rule: str, m: re.Match[str], res: Resolution) -> Timex:
    """The Timex record of a resolved match (the handler may have narrowed the extent)."""
    start = res.start if res.start >= 0 else m.start()
    end = res.end if res.end >= 0 else m.end()
    return Timex(
        text=m.string[start:end],
        start=start,
        end=end,
        type=res.type,
        value=res.value,
        granularity=res.granularity,
        mod=res.mod,
        sentence=parsed.sentence_of(start),
        provenance=Provenance(
            stage="dates", rule=f"dates.patterns:{rule}", lexicon=LEXICON_VERSION
        ),
    )


def _next_ref(ctx: Context, res: Resolution) -> Context:
    """The reference time moves to each concrete date mentioned (for 'the following year',
    'a year earlier' after 'the third quarter')."""
    m = CONCRETE.match(res.value)
    if res.type != "DATE" or not m:
        return ctx
    parts = [int(x) for x in re.findall(r"\d+", res.value)]
    if res.granularity == "quarter":
        parts = [parts[0], parts[1] * 3 - 2]
    ref = date(parts[0], *(parts[1:] + [1, 1])[:2])
    return Context(anchor=ctx.anchor, ref=ref, ref_granularity=res.granularity)


def find_timexes(parsed: Parsed) -> list[Timex]:
    """Temporal expressions of an article, normalised against its publication date.

    Example: "Talks resumed last week." published 2024-02-23 -> Timex("last week", value "2024-W07").
    """
    text, doc, anchor = parsed.article.text, parsed.doc, parsed.article.published
    out: list[Timex] = []
    taken_end, ref = -1, Context(anchor=anchor, ref=anchor)
    for rule, m in candidates(text):
        if m.start() < taken_end or not _names_ok(m):
            continue
        span = _span(doc, m.start(), m.end())
        if not (_title_ok(rule, m, span) and _parse_ok(rule, m, span)):
            continue
        res = resolve(rule, m, replace(ref, tense=_tense(span)))
        if res is None:
            continue
        out.append(_record(parsed, rule, m, res))
        taken_end, ref = m.end(), _next_ref(ref, res)
    return out
