"""Within-article coreference for actors: pronouns, possessives, definite descriptions, short names.

Rules are few and explainable (issue 5): "he/his" -> the last person; "it/its" -> the last
state or organisation; "they/their" -> the last group of people; "his group" -> the group of
the possessor; "its ally" -> the most salient other state; "the group" -> the last armed group;
"the army" -> that role of the country the article is about; "Haniyeh" after "Ismail Haniyeh";
bare "mediators" -> the mediating states named elsewhere in the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, overload

from eventwire.actors.kb import KB
from eventwire.actors.refs import composite_ref, state_ref
from eventwire.actors.resolve import Draft
from eventwire.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL = {
    "he": "person",
    "him": "person",
    "his": "person",
    "she": "person",
    "her": "person",
    "it": "thing",
    "its": "thing",
    "they": "plural",
    "them": "plural",
    "their": "plural",
}
ALLY_WORDS = frozenset({"ally", "allies", "partner", "partners", "backer", "backers", "patron"})
GROUP_WORDS = frozenset(
    {"group", "movement", "organisation", "organization", "party", "faction", "militia"}
)
COUNTRY_WORDS = frozenset(
    {"country", "government", "nation", "state", "administration", "regime", "leadership"}
)
COPULAS = frozenset({"be", "seem", "appear", "remain", "take", "look", "become"})
# Role phrases that may still take a country from their context.
UNPLACED_ROLES = frozenset({"role", "role-named", "role-pp-org"})
# Adjectives said of an agent: 'it' before "is ready to" is a state or group, not an expletive.
WILLING = frozenset(
    "willing unwilling ready prepared determined eager keen reluctant able unable committed "
    "open opposed resolved intent anxious poised set".split()
)
WINDOW = 3  # sentences back a pronoun may reach


def resolve_references(doc: Doc, drafts: list[Draft], kb: KB, day: date | None) -> list[Draft]:
    """Fill the drafts that refer back (and add pronoun drafts), in text order.

    Linear in the number of drafts but for the window each one looks at: the drafts are in
    text order, so a sentence window is a slice, and the article's running country tally is
    kept as it goes (a draft changes only when it is the one being resolved).
    """
    drafts = _expand_mediators(doc, drafts)
    made = _pronoun_drafts(doc, drafts) + _country_descriptions(doc, drafts)
    out = sorted(drafts + made, key=lambda d: (d.start, d.end))
    starts = [s.start for s in doc.sents]
    sent = [bisect_right(starts, d.start) for d in out]
    tally: Counter[str] = Counter()
    for i, d in enumerate(out):
        if _refers(d):
            back = bisect_left(sent, sent[i] - WINDOW, 0, i)
            before = [p for p in out[back:i] if p.ref is not None and p.end <= d.start]
            lo, hi = bisect_left(sent, sent[i]), bisect_right(sent, sent[i])
            local = [p for p in out[lo:hi] if p is not d]
            earlier = Earlier(out, i, _most_common(tally))
            _resolve_one(doc, d, before, earlier, kb, local)
        if _counts_for_country(d, kb):
            tally[d.ref.country] += 1  # type: ignore[union-attr,index]
    return _pairs(doc, out, sent, kb)


class Earlier(Sequence[Draft]):
    """The drafts before the one being resolved (a view, not a copy) and their top country."""

    def __init__(self, drafts: list[Draft], end: int, country: str | None) -> None:
        self._drafts, self._end, self.country = drafts, end, country

    def __len__(self) -> int:
        return self._end

    @overload
    def __getitem__(self, index: int) -> Draft: ...
    @overload
    def __getitem__(self, index: slice) -> list[Draft]: ...
    def __getitem__(self, index: int | slice) -> Draft | list[Draft]:
        if isinstance(index, slice):
            return self._drafts[: self._end][index]
        if not -self._end <= index < self._end:
            raise IndexError(index)
        return self._drafts[index % self._end]


def _most_common(tally: Counter[str]) -> str | None:
    return tally.most_common(1)[0][0] if tally else None


def _refers(d: Draft) -> bool:
    """Does this draft need an antecedent (pronoun, description, short name, ...)?"""
    if "pron" in d.extra or "group_of" in d.extra or "the_country" in d.extra:
        return True
    if d.ref is None:
        return False
    if d.definite and d.rule in {"member-of", "country-role", "people"}:
        return True
    return (d.ref.country is None and d.rule in UNPLACED_ROLES) or (
        d.ref.kind in {"person", "PERSON"} and d.end - d.start == 1
    )


def _pronoun_drafts(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A draft for each referring pronoun not inside an existing draft."""
    covered = {i: d for d in drafts for i in range(d.start, d.end)}
    out: list[Draft] = []
    from spacy.attrs import LOWER

    wanted = {doc.vocab.strings[w] for w in PERSONAL}
    for i, lower in enumerate(doc.to_array([LOWER]).tolist()):
        if lower not in wanted:
            continue
        tok = doc[i]
        kind = PERSONAL.get(tok.lower_)
        if kind is None or tok.pos_ != "PRON" or _expletive(tok):
            continue
        head = tok.head
        if tok.dep_ == "poss" and head.i in covered:
            owner = covered[head.i]
            if owner.ref is not None and owner.ref.country is None and owner.rule == "role":
                owner.extra["pron"], owner.rule = str(tok.i), f"poss-{head.lemma_}"
            continue
        if tok.dep_ == "poss" and head.lower_ in ALLY_WORDS | GROUP_WORDS | COUNTRY_WORDS:
            start = min(c.left_edge.i for c in head.lefts) if list(head.lefts) else head.i
            out.append(
                Draft(start, head.i + 1, None, f"poss-{head.lemma_}", extra={"pron": str(tok.i)})
            )
        elif tok.i not in covered:
            out.append(
                Draft(tok.i, tok.i + 1, None, "pronoun", extra={"pron": str(tok.i), "number": kind})
            )
    return out


STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic", "emirate"})


def _country_descriptions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A draft for each bare "the country" / "this nation" no phrase covers: it refers back."""
    from spacy.attrs import LOWER

    wanted = {doc.vocab.strings[w] for w in STATE_NOUNS}
    hits = [i for i, w in enumerate(doc.to_array([LOWER]).tolist()) if w in wanted]
    if not hits:
        return []
    covered = {i for d in drafts for i in range(d.start, d.end)}
    out: list[Draft] = []
    for tok in (doc[i] for i in hits):
        if tok.tag_ != "NN" or tok.i in covered:
            continue
        lefts = list(tok.lefts)
        if not lefts or lefts[0].lower_ not in {"the", "this"} or tok.i - lefts[0].i > 3:
            continue
        # "the country", "the island nation", "the small Gulf kingdom" (a description, no name)
        mods = lefts[1:]
        if all(
            m.dep_ in {"amod", "compound"}
            and (m.pos_ in {"ADJ", "NOUN"} and not m.ent_type_ or m.ent_type_ == "LOC")
            for m in mods
        ) and all(t.i - lefts[0].i == k for k, t in enumerate([*lefts, tok])):
            start = lefts[0].i
            out.append(Draft(start, tok.i + 1, None, "the-country", extra={"the_country": "1"}))
    return out


def _the_country(doc: Doc, d: Draft, before: list[Draft], earlier: Earlier, kb: KB) -> None:
    """ "the country" -> the state named last (within the window), else the article's country."""
    for p in reversed(before):
        named = "pron" not in p.extra and "the_country" not in p.extra
        if named and p.ref is not None and p.ref.kind == "state" and p.ref.country in kb.countries:
            _carry(doc, d, p, ref=state_ref(p.ref.country, kb), rule="coref-the-country")
            return
    if earlier.country in kb.countries:
        d.ref = state_ref(earlier.country, kb)
        d.rule = "coref-the-country"


def _expletive(tok: Token) -> bool:
    """ "it is expected that ...", "do it": 'it' that names no actor."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return True
    predicate = [c for c in tok.head.children if c.dep_ in {"acomp", "attr"}]
    if any(c.lemma_.lower() in WILLING for c in predicate):
        return False  # "Syria says it is willing to withdraw": the state is willing
    return tok.head.lemma_ in COPULAS


def _resolve_one(
    doc: Doc, d: Draft, before: list[Draft], earlier: Earlier, kb: KB, local: list[Draft]
) -> None:
    """Dispatch a referring draft to the rule that resolves it."""
    if "pron" in d.extra:
        _resolve_pronoun(doc, d, before, kb)
    elif "the_country" in d.extra:
        _the_country(doc, d, before, earlier, kb)
    elif "group_of" in d.extra:
        _member_of_named_group(doc, d, earlier)
    elif d.ref is not None and d.definite and d.rule in {"member-of", "country-role"}:
        _same_actor(doc, d, before)
    elif d.ref is not None and d.rule == "people" and d.definite:
        _same_country(doc, d, before)
    elif d.ref is not None and d.ref.country is None and d.rule in UNPLACED_ROLES:
        _definite_role(doc, d, before, earlier, kb, local)
    elif d.ref is not None and d.ref.kind in {"person", "PERSON"} and d.end - d.start == 1:
        _short_name(doc, d, earlier)


def _span(doc: Doc, d: Draft) -> tuple[int, int]:
    """Character offsets of a draft."""
    span = doc[d.start : d.end]
    return span.start_char, span.end_char


def _carry(doc: Doc, d: Draft, ante: Draft, ref: ActorRef | None = None, rule: str = "") -> None:
    """Give `d` the antecedent's actor (or `ref`) and record the antecedent span."""
    d.ref = ref or ante.ref
    d.antecedent = _span(doc, ante)
    d.group = d.group or ante.group
    d.rule = rule or f"coref-{d.rule}"


def _pronoun_antecedent(kind: str, before: list[Draft]) -> Draft | None:
    """The most recent draft a pronoun of this kind (person, thing, plural) can refer to."""
    for p in reversed(before):
        assert p.ref is not None
        k = p.ref.kind
        if p.rule == "country-modifier" or "pron" in p.extra and p.rule.startswith("poss-"):
            continue
        if "pron" in p.extra and p.extra.get("number", kind) != kind:
            continue
        if kind == "person" and k in {"person", "PERSON"}:
            return p
        if kind == "thing" and k in {"state", "organisation", "group", "ORG", "GPE"}:
            return p
        if kind == "plural" and k in {"people", "group", "organisation", "NORP"}:
            return p
    return None


def _reported_subject(pron: Token, before: list[Draft]) -> Draft | None:
    """ "Israel says it will not withdraw": a subject pronoun of a reported clause is the speaker."""
    verb = pron.head
    if pron.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ not in {"ccomp", "xcomp"}:
        return None
    subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    return next((p for p in reversed(before) if p.start <= subj.i < p.end), None)


def _clause_subject(pron: Token, before: list[Draft]) -> Draft | None:
    """ "Pakistan refused ... and urged its citizens": a possessive in a clause belongs to the
    clause's subject (through coordination and control) before the last thing named."""
    from eventwire.events.syntax import governor_subject

    node = pron.head
    for _ in range(6):  # up from the possessed noun through prepositions to its verb
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            break
        node = node.head
    if node.pos_ not in {"VERB", "AUX"}:
        return None
    subj = governor_subject(node)
    if subj is None or subj.i > pron.i:
        return None
    return next((p for p in reversed(before) if p.start <= subj.i < p.end), None)


def _resolve_pronoun(doc: Doc, d: Draft, before: list[Draft], kb: KB) -> None:
    """Pronouns and possessive phrases: "he", "its close ally", "his group", "their forces"."""
    pron = doc[int(d.extra["pron"])]
    kind = PERSONAL[pron.lower_]
    ante = _reported_subject(pron, before)
    if ante is None or _pronoun_antecedent(kind, [ante]) is None:
        ante = _clause_subject(pron, before) if pron.dep_ == "poss" else None
    if ante is None or _pronoun_antecedent(kind, [ante]) is None:
        ante = _pronoun_antecedent(kind, before)
    if ante is None or ante.ref is None:
        return
    if d.rule == "pronoun":
        _carry(doc, d, ante)
        return
    head = doc[d.end - 1].lower_
    if head in ALLY_WORDS:
        ally = _other_state(ante.ref.country, before)
        if ally is not None:
            _carry(doc, d, ally, rule="coref-ally")
    elif head in GROUP_WORDS:
        group = ante.group or (ante.ref if ante.ref.kind in {"group", "organisation"} else None)
        if group is not None:
            named = next((p for p in reversed(before) if p.ref and p.ref.id == group.id), ante)
            _carry(doc, d, named, ref=group, rule="coref-poss-group")
    elif head in COUNTRY_WORDS and ante.ref.country in kb.countries:
        _carry(doc, d, ante, ref=state_ref(ante.ref.country, kb), rule="coref-poss-country")
    elif d.ref is not None and ante.ref.country:
        sectors = list(d.ref.sector) or list(ante.ref.sector)
        _carry(
            doc,
            d,
            ante,
            ref=composite_ref(ante.ref.country, sectors, d.ref.kind, d.ref.name),
            rule="coref-poss-role",
        )


def _member_of_named_group(doc: Doc, d: Draft, earlier: Earlier) -> None:
    """ "a Palestinian group official" after "Hamas": a member of the group of that country."""
    assert d.ref is not None
    iso = d.extra["group_of"]
    group = next(
        (p for p in reversed(earlier) if p.ref and p.ref.kind == "group" and p.ref.country == iso),
        None,
    )
    if group is None or group.ref is None:
        return
    ref = composite_ref(
        iso, list(group.ref.sector), d.ref.kind, d.ref.name, anonymous=d.ref.anonymous
    )
    if d.head_role is not None and "self" in d.head_role.flags:
        ref = group.ref  # "the Palestinian group" is the group itself
    _carry(doc, d, group, ref=ref, rule="coref-member-of")
    d.group = group.ref


def _same_actor(doc: Doc, d: Draft, before: list[Draft]) -> None:
    """ "the Hamas official" after "A Hamas official": the same (possibly anonymous) actor."""
    assert d.ref is not None
    for p in reversed(before):
        if p.ref is not None and p.ref.id == d.ref.id and p.ref.kind == d.ref.kind:
            _carry(doc, d, p, rule="coref-same-actor")
            return


def _other_state(country: str | None, before: list[Draft]) -> Draft | None:
    """The most recent state-level actor other than `country`: "its close ally"."""
    for p in reversed(before):
        assert p.ref is not None
        if (
            p.ref.country
            and p.ref.country != country
            and p.rule in {"state", "capital-agent", "coref-pronoun"}
        ):
            if p.ref.kind in {"state", "organisation"} and p.ref.country not in {"IGO", "NGO"}:
                return p
    return None


def _same_country(doc: Doc, d: Draft, before: list[Draft]) -> None:
    """ "the Egyptians" after "Egyptian mediators": carry the earlier collective actor."""
    assert d.ref is not None
    for p in reversed(before):
        if (
            p.ref
            and p.ref.country == d.ref.country
            and p.ref.kind in {"people", "organisation"}
            and p.ref.sector
            and not p.ref.anonymous
            and p.rule != "role-article-country"
        ):
            _carry(doc, d, p, rule="coref-people")
            return


def _definite_role(
    doc: Doc, d: Draft, before: list[Draft], earlier: Earlier, kb: KB, local: list[Draft]
) -> None:
    """ "the group" -> last armed group; "the army"/"police" -> that role of the article's country."""
    assert d.ref is not None
    role = d.head_role
    if role is None or "MED" in d.ref.sector or "nocountry" in role.flags or "nocountry" in d.extra:
        return
    if d.definite and d.rule == "role" and ("self" in role.flags or "REB" in role.sectors):
        group = next((p for p in reversed(before) if p.ref and p.ref.kind == "group"), None)
        if group is not None and group.ref is not None:
            _carry(doc, d, group, rule="coref-group")
            return
    iso = None
    if set(d.ref.sector) & LOCAL_SECTORS:  # "gunmen" attacking "Israeli forces" "near Jenin"
        iso = _venue_country(doc, d, local, kb)
    iso = iso or _context_country(local, kb) or earlier.country
    if iso and d.ref.sector:
        if (
            d.rule == "role-named"
        ):  # "Judge Alejandro Rivera": an unknown name, country from context
            d.ref = d.ref.model_copy(update={"country": iso})
        else:
            d.ref = composite_ref(
                iso, list(d.ref.sector), d.ref.kind, d.ref.name, anonymous=d.ref.anonymous
            )
        d.rule = "role-article-country"


# Sectors of people who act where they live (not forces or envoys sent abroad): such a role
# with no country of its own is of the country where its sentence says things happen.
LOCAL_SECTORS = frozenset({"CVL", "REB", "COP", "OPP", "UAF", "CRM", "LAB", "EDU", "HLH", "REF"})
LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "inside", "across", "throughout"})
GATHERINGS = frozenset(
    {"talk", "meeting", "summit", "conference", "negotiation", "meet", "hold", "host", "visit"}
)


PLACE_NOUNS = frozenset(
    "city town village region province district capital port area suburb state county".split()
)


def _named_place(prep: Token) -> bool:
    """'the city *of* Kharkiv': the name a place noun gives is where things happen, too."""
    return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS


def _venue_country(doc: Doc, d: Draft, local: list[Draft], kb: KB) -> str | None:
    """The country of the places the draft's sentence names with a locative preposition ("near
    Jenin", "in Nairobi"), a meeting's venue aside ("talks in Jeddah" is not where rebels live)."""
    from eventwire.actors.context import gazetteer_country

    by_token = {i: p for p in local for i in range(p.start, p.end)}
    counts: Counter[str] = Counter()
    for tok in doc[d.start].sent:
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        prep = top.head
        if top.dep_ != "pobj" or tok.i in range(d.start, d.end):
            continue
        if prep.lower_ not in LOCATIVE and not _named_place(prep):
            continue
        if prep.head.lemma_.lower() in GATHERINGS:
            continue
        p = by_token.get(tok.i)
        iso = p.ref.country if p is not None and p.ref is not None else gazetteer_country(tok)
        if iso in kb.countries:
            counts[str(iso)] += 1
    return counts.most_common(1)[0][0] if counts else None


def _context_country(context: Sequence[Draft], kb: KB) -> str | None:
    """The country named most often in `context` (mediators and inferred countries do not count)."""
    counts = Counter(p.ref.country for p in context if _counts_for_country(p, kb))  # type: ignore[union-attr]
    return counts.most_common(1)[0][0] if counts else None


def _counts_for_country(p: Draft, kb: KB) -> bool:
    return bool(
        p.ref
        and p.ref.country in kb.countries
        and "MED" not in p.ref.sector
        and p.rule not in {"role-article-country", "backer"}
    )


def _short_name(doc: Doc, d: Draft, earlier: Earlier) -> None:
    """ "Haniyeh" after "Ismail Haniyeh": same person, antecedent the full mention."""
    word = doc[d.start].text
    for p in earlier:
        if p.ref is None or p.end - p.start < 2 or p.ref.kind not in {"person", "PERSON"}:
            continue
        if doc[p.end - 1].text == word or (d.ref is not None and p.ref.id == d.ref.id):
            _carry(doc, d, p, rule="coref-short-name")
            return


def _expand_mediators(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Bare "mediators" -> one draft per mediating state named in the article, else generic MED."""
    named = [
        d for d in drafts if d.ref and "MED" in d.ref.sector and d.ref.country and d.rule != "role"
    ]
    states: dict[str, Draft] = {}
    for d in named:
        assert d.ref is not None and d.ref.country is not None
        states.setdefault(d.ref.country, d)
    out: list[Draft] = []
    for d in drafts:
        if d.ref is not None and d.rule == "role" and "MED" in d.ref.sector and states:
            for ante in states.values():
                copy = Draft(d.start, d.end, ante.ref, "coref-mediators", head_role=d.head_role)
                copy.antecedent = _span(doc, ante)
                out.append(copy)
        else:
            out.append(d)
    return out


# "the two countries", "both sides", "the two warring parties": the pair of actors named before.
PAIR_STATES = frozenset({"country", "nation", "state", "neighbour", "neighbor", "capital"})
PAIR_SIDES = frozenset(
    {"side", "party", "rival", "foe", "enemy", "adversary", "camp", "faction", "belligerent"}
)
PAIR_ROLES = frozenset({"government", "leader", "army", "military", "delegation", "president"})
PAIR_NOUNS = PAIR_STATES | PAIR_SIDES | PAIR_ROLES
# sectors of a state's own institutions: "Israel" and "Israeli troops" are one side
STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})


def pair_head(tok: Token) -> bool:
    """Is `tok` the head of "the two countries" / "both sides" / "the two warring parties"?"""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in PAIR_NOUNS:
        return False
    lefts = list(tok.lefts)
    words = {c.lower_ for c in lefts}
    if not ("two" in words or "both" in words):
        # "the countries agreed": a bare definite plural of a state noun
        # ("the countries of the region", "the nations that signed" are others)
        bare = not any(c.dep_ in {"prep", "relcl", "acl"} for c in tok.rights)
        state = tok.lemma_.lower() in {"country", "nation"}
        return state and bare and [c.lower_ for c in lefts] == ["the"]
    others = [c for c in lefts if c.lower_ not in {"the", "two", "both", "these", "those"}]
    # "the two neighbouring countries", "both warring sides"; not "the two Gulf states' envoys"
    return all(
        c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "VERB", "NOUN"} and not c.ent_type_
        for c in others
    )


def _pairs(doc: Doc, out: list[Draft], sent: list[int], kb: KB) -> list[Draft]:
    """Each "the two countries" / "both sides" becomes two drafts on its span, one per party
    of the pair the article named just before (the latest coordinated pair, else the last two
    distinct parties), as bare "mediators" become one draft per mediating state."""
    from spacy.attrs import LOWER

    wanted = {doc.vocab.strings[w] for w in ("two", "both", "the")}
    if not any(w in wanted for w in doc.to_array([LOWER]).tolist()):
        return out
    heads = [t for t in doc if t.tag_ == "NNS" and pair_head(t)]
    if not heads:
        return out
    starts = [s.start for s in doc.sents]
    by_head = {d.end - 1: d for d in out}
    result = list(out)
    for head in heads:
        own = by_head.get(head.i)
        start = min([c.left_edge.i for c in head.lefts] + [head.i])
        here = bisect_right(starts, start)
        lo = bisect_left(sent, here - WINDOW)
        states = head.lemma_.lower() in PAIR_STATES
        cands = [
            p
            for p in out[lo:]
            if p.end <= start and p is not own and _pair_party(p, kb, states=states)
        ]
        pair = _choose_pair(doc, cands)
        if pair is None:
            continue
        role = own.head_role if own is not None and head.lemma_.lower() in PAIR_ROLES else None
        made = []
        for ante in pair:
            assert ante.ref is not None
            ref = ante.ref
            if states and ref.country in kb.countries:
                ref = state_ref(str(ref.country), kb)
            elif role is not None and role.sectors and ref.country:
                text = doc[start : head.i + 1].text
                ref = composite_ref(
                    ref.country,
                    list(role.sectors),
                    own.ref.kind if own and own.ref else "people",
                    text,
                )
            made.append(
                Draft(
                    start,
                    head.i + 1,
                    ref,
                    "coref-pair",
                    antecedent=_span(doc, ante),
                    group=ante.group,
                )
            )
        if own is not None:
            result.remove(own)
        result += made
    return sorted(result, key=lambda d: (d.start, d.end))


def _pair_party(p: Draft, kb: KB, *, states: bool) -> bool:
    """Can this earlier draft be one of "the two countries" (a state) / "both sides" (any party)?"""
    ref = p.ref
    if ref is None or ref.anonymous or "MED" in ref.sector or p.rule in {"backer", "coref-pair"}:
        return False
    if "pron" in p.extra or "the_country" in p.extra:
        return False  # the named mention stands for it
    if states:
        return ref.country in kb.countries and (
            ref.kind == "state" or set(ref.sector) <= STATE_SECTORS
        )
    return bool(ref.country) or ref.kind in {"group", "organisation"}


def _side_key(p: Draft) -> str:
    """One key per side: a state and its institutions are one side, its rebels another."""
    ref = p.ref
    assert ref is not None
    if ref.country is None:
        return ref.id
    own = [s for s in ref.sector if s not in STATE_SECTORS]
    return ref.country + ("" if ref.kind == "state" or not own else ":" + "+".join(own))


def _choose_pair(doc: Doc, cands: list[Draft]) -> tuple[Draft, Draft] | None:
    """The latest coordinated pair ("Armenia and Azerbaijan", "between Kenya and Somalia"),
    a subject pair first; else the last two distinct parties."""
    by_root: dict[int, Draft] = {}
    for p in cands:
        by_root.setdefault(doc[p.start : p.end].root.i, p)
    best: tuple[int, int, Draft, Draft] | None = None
    for q in cands:
        root = doc[q.start : q.end].root
        if root.dep_ != "conj":
            continue
        first = root.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        lead = by_root.get(first.i)
        if lead is None or _side_key(lead) == _side_key(q):
            continue
        subject = first.dep_ in {"nsubj", "nsubjpass"} or (
            first.dep_ == "pobj" and first.head.lower_ == "between"
        )
        score = (int(subject), q.start)
        if best is None or score > best[:2]:
            best = (score[0], score[1], lead, q)
    if best is not None:
        return best[2], best[3]
    seen: dict[str, Draft] = {}
    for p in reversed(cands):
        seen.setdefault(_side_key(p), p)
        if len(seen) == 2:
            later, earlier = list(seen.values())
            return earlier, later
    return None
