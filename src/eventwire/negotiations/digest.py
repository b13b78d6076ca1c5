"""One article read for negotiation cues: a pure function of its stored facts.

The digest keeps what each sentence says (who is mentioned near a mediation cue, which
rounds met where, which proposal noun a fate verb governs, which stances and threats are
voiced); the builder decides later, over many articles, who the parties are.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.negotiations import affiliation, cues
from eventwire.negotiations.actors import Key, key
from eventwire.negotiations.evidence import date_near, mention
from eventwire.negotiations.facts import ActorHit, ArticleFacts, PlaceHit, SentenceFacts
from eventwire.negotiations.model import Mention

VENUE_LEVELS = {"city", "capital", "town", "admin3", "admin4", "place"}
PLACE_PREPOSITIONS = {"in", "at", "to", "into", "toward", "towards", "from", "near", "outside"}
POSITION_ORDER = ("condition", "rejection", "demand", "support")
# fates told of "it" or "the deal" without naming it again
CARRIED_FATES = {"signed", "extended", "suspended", "expired", "violated"}
# fates whose proposal is their subject ("the truce expired"), and the passive's auxiliaries
SUBJECT_FATES = {"expired", "pending"}
BE = {"is", "was", "were", "be", "been", "being", "are", "has", "had"}
# stored digests carry this (with the cue lists' hash): change it when digest() reads differently
READING = "3"  # 2: named persons folded into the side they speak for; 3: themes


@dataclass
class RoundHit:
    date: date
    venue: PlaceHit
    evidence: Mention


@dataclass
class FateHit:
    fate: str
    date: date | None
    evidence: Mention


@dataclass
class ProposalHit:
    family: str
    fresh: bool
    noun: str
    date: date | None
    tabled_by: list[ActorHit]
    evidence: Mention
    fates: list[FateHit] = field(default_factory=list)


@dataclass
class StanceHit:
    """A position (kind) or a threat (kind 'threat'), its actor chosen later among the sides."""

    kind: str
    cue_start: int
    actors: list[ActorHit]
    date: date | None
    evidence: Mention


@dataclass
class Signal:
    value: str
    date: date | None
    why: str
    evidence: Mention


@dataclass
class Digest:
    article_id: str
    published: date | None
    relevant: bool
    hits: dict[Key, list[ActorHit]] = field(default_factory=dict)
    score: Counter[Key] = field(default_factory=Counter)
    mediation: Counter[Key] = field(default_factory=Counter)
    rounds: list[RoundHit] = field(default_factory=list)
    proposals: list[ProposalHit] = field(default_factory=list)
    stances: list[StanceHit] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # ceasefire, prisoners, ... (cues.tsv)


def _blocked(toks: list[cues.Token], hit: cues.Hit) -> bool:
    """A cue that did not happen yet or is an adjective ('due to expire', 'the first extended')."""
    if cues.preceded_by(toks, hit.first, "modal"):
        return True
    word = toks[hit.first].text
    return word.endswith("ed") and cues.preceded_by(toks, hit.first, "attributive", window=1)


def digest(article: ArticleFacts) -> Digest:
    """Read one article; an article with no talk of talks or deals is not relevant."""
    d = Digest(article.id, article.published, relevant=False)
    last: ProposalHit | None = None
    last_at = -10
    article = affiliation.fold(article)
    for s in article.sentences:
        if cues.find(s.toks, "topic"):
            d.relevant = True
        for h in cues.find(s.toks, "theme"):
            if h.label not in d.themes:
                d.themes.append(h.label)
        _sides(d, s)
        d.rounds += _rounds(article, s)
        found, carried = _proposals(article, s, last if s.idx - last_at <= 2 else None)
        d.proposals += found
        if found:
            last, last_at = found[-1], s.idx
        elif carried:
            last_at = s.idx
        d.stances += _stances(article, s)
        d.signals += _signals(article, s)
    return d


def _sides(d: Digest, s: SentenceFacts) -> None:
    seen: dict[Key, None] = {}  # in order of mention: a set's order changes with the process
    med_hits = cues.find(s.toks, "mediation")
    for a in s.actors:
        k = key(a)
        d.hits.setdefault(k, []).append(a)
        seen[k] = None
        if "MED" in a.sector or any(_near(s, a, h) for h in med_hits):
            d.mediation[k] += 1
    for k in seen:
        d.score[k] += 1


def _near(s: SentenceFacts, a: ActorHit, h: cues.Hit, window: int = 4) -> bool:
    """The actor does the mediating: named just before the cue, or after it with 'by'."""
    idx = [i for i, t in enumerate(s.toks) if a.start <= t.start < a.end]
    if not idx:
        return False
    if 0 < h.first - idx[-1] <= window:
        return True
    between = [t.text for t in s.toks[h.last : idx[0]]]
    return 0 <= idx[0] - h.last < window and "by" in between


def _rounds(article: ArticleFacts, s: SentenceFacts) -> list[RoundHit]:
    meets = [h for h in cues.find(s.toks, "meeting") if not _blocked(s.toks, h)]
    if not meets:
        return []
    shift = max((int(h.label) - 1 for h in cues.find(s.toks, "ordinal")), default=0)
    moves = cues.find(s.toks, "action")
    out = []
    for p in s.places:
        i = next((i for i, t in enumerate(s.toks) if t.start == p.start), None)
        if i is None or p.admin_level not in VENUE_LEVELS or not _at_venue(s.toks, i):
            continue
        if _sent_there(meets, moves, i):
            continue
        day = date_near(article, s, p.start)
        if day is not None:
            out.append(RoundHit(day - timedelta(days=shift), p, mention(article, s)))
    return out


def _sent_there(meets: list[cues.Hit], moves: list[cues.Hit], i: int, window: int = 8) -> bool:
    """The place at token `i` is where troops are sent or fighting is ('agreed to deploy troops
    in Goma', 'signed a truce after clashes in Goma'), not where a meeting is: an action word
    governs it, closer to it than any meeting word ('sent a delegation to hold talks in Doha'
    is a round)."""
    move = max((h.last for h in moves if i - window <= h.first and h.last <= i), default=None)
    if move is None:
        return False
    meet = max((h.last for h in meets if h.last <= i), default=None)
    return meet is None or meet <= move


def _at_venue(toks: list[cues.Token], i: int) -> bool:
    """'in Cairo', 'at Istanbul', or 'in the Qatari capital Doha' / 'in the port city of Aden'
    (the nearest preposition is 'in' or 'at': 'to the city of Aden' is a destination)."""
    if i > 0 and toks[i - 1].text in ("in", "at"):
        return True
    back = [t.text for t in toks[max(0, i - 5) : i]]
    near = next((w for w in reversed(back) if w in PLACE_PREPOSITIONS), None)
    return any(w in ("capital", "city") for w in back[-3:]) and near in ("in", "at")


def _proposals(
    article: ArticleFacts, s: SentenceFacts, previous: ProposalHit | None
) -> tuple[list[ProposalHit], bool]:
    toks = s.toks
    nouns = cues.find(toks, "proposal")
    fates = [h for h in cues.find(toks, "fate") if not _blocked(toks, h)]
    found: list[ProposalHit] = []
    ev = mention(article, s)
    for n in nouns:
        fresh = cues.preceded_by(toks, n.first, "fresh", window=2)
        before = [a for a in s.actors if a.end <= toks[n.first].start]
        found.append(
            ProposalHit(
                n.label,
                fresh,
                toks[n.first].text,
                date_near(article, s, toks[n.first].start),
                before[-1:],
                ev,
            )
        )
    carried = False
    for f in fates:
        if _content_of_noun(toks, f, nouns):
            continue
        target = _governed(nouns, found, f, toks)
        if target is None and f.label in CARRIED_FATES and previous is not None:
            target, carried = previous, True
        if target is not None:
            target.fates.append(FateHit(f.label, date_near(article, s, toks[f.first].start), ev))
    return found, carried


def _content_of_noun(toks: list[cues.Token], f: cues.Hit, nouns: list[cues.Hit]) -> bool:
    """'a proposal to extend it': the verb says what is proposed, not what happened."""
    i = f.first
    return i >= 2 and toks[i - 1].text == "to" and any(n.last == i - 1 for n in nouns)


def _governed(
    nouns: list[cues.Hit], found: list[ProposalHit], f: cues.Hit, toks: list[cues.Token]
) -> ProposalHit | None:
    """The proposal noun a fate cue speaks of: its object (the next noun after it), or its
    subject (the last before) when the verb is passive or takes no object."""
    pairs = [
        (n, p) for n, p in zip(nouns, found, strict=True) if n.last <= f.first or n.first >= f.last
    ]
    after = [p for n, p in pairs if n.first >= f.last]
    before = [p for n, p in pairs if n.last <= f.first]
    passive = f.first > 0 and toks[f.first - 1].text in BE
    if before and (f.label in SUBJECT_FATES or passive):
        return before[-1]
    if after:
        return after[0]
    return before[-1] if before else None


def _stances(article: ArticleFacts, s: SentenceFacts) -> list[StanceHit]:
    if not s.actors:
        return []
    out = []
    pos = cues.find(s.toks, "position")
    for kind in POSITION_ORDER:  # one stance of each kind the sentence voices
        hit = next((h for h in pos if h.label == kind), None)
        if hit is not None:
            at = s.toks[hit.first].start
            out.append(
                StanceHit(kind, at, s.actors, date_near(article, s, at), mention(article, s))
            )
    threat = cues.find(s.toks, "threat")
    if threat:
        at = s.toks[threat[0].first].start
        out.append(
            StanceHit("threat", at, s.actors, date_near(article, s, at), mention(article, s))
        )
    return out


def _signals(article: ArticleFacts, s: SentenceFacts) -> list[Signal]:
    out = []
    for h in cues.find(s.toks, "status"):
        if _blocked(s.toks, h):
            continue
        words = " ".join(t.text for t in s.toks[h.first : h.last])
        at = s.toks[h.first].start
        out.append(Signal(h.label, date_near(article, s, at), f"'{words}'", mention(article, s)))
    return out
