"""Compose a noun phrase's KB hits and role nouns into one or more drafts (see resolve.py)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from eventwire.actors.kb import KB, Actor
from eventwire.actors.match import Hit
from eventwire.actors.refs import composite_ref, kb_ref, state_ref, unresolved_ref
from eventwire.actors.resolve import (
    Draft,
    RoleMatch,
    Words,
    agent_position,
    compose_sectors,
    find_roles,
    fuzzy_person,
    is_definite,
    is_indefinite,
    name_tokens,
)
from eventwire.model import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed"})
SETTLEMENTS = frozenset({"town", "city", "village"})  # not "capital": a government metonym


def compose(phrase: Span, hits: list[Hit], kb: KB, day: date | None, words: Words) -> list[Draft]:
    """Drafts for one phrase: a KB person, a group or its member, a country role, a state."""
    roles = find_roles(phrase, hits, kb, words)
    drafts = _compose(phrase, hits, roles, kb, day) or _collective_name(phrase, hits)
    if any({"mod", "nocountry"} <= r.role.flags for r in roles):
        for d in drafts:  # "Western governments", "foreign troops": of no one country
            if d.ref is not None and d.ref.country is None:
                d.extra["nocountry"] = "1"
    if any(w in FORMER for w in words[0][phrase.start : phrase.end]):
        for d in drafts:  # "former president Carlos Menem": an elite, no longer government
            if d.ref is not None and d.ref.kind in {"person", "people"}:
                d.ref = d.ref.model_copy(update={"sector": ["ELI"]})
    return drafts


COLLECTIVE_NAMES = {"West": "the West"}  # a bloc of states, no one country's government


def _collective_name(phrase: Span, hits: list[Hit]) -> list[Draft]:
    """ "the West condemned ...": a bloc of states named as one, with no country of its own."""
    root = phrase.root
    if hits or root.pos_ != "PROPN" or root.text not in COLLECTIVE_NAMES or len(phrase) > 2:
        return []
    ref = composite_ref(None, ["GOV"], "organisation", COLLECTIVE_NAMES[root.text])
    return [Draft(phrase.start, phrase.end, ref, "collective-name", extra={"nocountry": "1"})]


def _compose(
    phrase: Span, hits: list[Hit], roles: list[RoleMatch], kb: KB, day: date | None
) -> list[Draft]:
    """Try the readings in order: place, KB modifier, person, organisation, country, bare role."""
    head = _head_role(phrase, roles)
    if head is not None and "place" in head.role.flags:
        countries = [h for h in hits if h.country and h.first("K") is None]
        if head.role.phrase[-1] in SETTLEMENTS and countries and countries[0].country:
            # "the besieged Bosnian town of Gorazde" as an actor: its residents, not the state
            ref = composite_ref(countries[0].country, ["CVL"], "people", phrase.text)
            return [_draft(phrase, ref, "town-residents", head)]
        return _bare_country(phrase, countries, kb)
    actors = [(h, kb.actors[a]) for h in hits for k, a in h.keys if k == "A" and a in kb.actors]
    root = phrase.root
    if (
        head is None
        and actors
        and root.pos_ == "NOUN"
        and not any(h.start <= root.i < h.end for h in hits)
    ):
        # "the FBI's watch list", "Netanyahu's visit": the actor is a modifier, not the phrase
        return [Draft(h.start, h.end, kb_ref(a, day, kb), "kb-modifier") for h, a in actors] + [
            d
            for d in _bare_country(phrase, [h for h in hits if h.country], kb)
            if d.rule == "country-modifier"
        ]
    person = next(((h, a) for h, a in actors if a.kind == "person"), None)
    if person is not None:
        return _with_person(phrase, person[0], person[1], head, kb, day, roles)
    if actors:
        return [_with_org(phrase, actors[-1][1], head, roles, hits, kb, day)]
    countries = [h for h in hits if h.country and not _backer(phrase.doc, h)]
    backers = [
        Draft(h.start, h.end, state_ref(h.country, kb), "backer")
        for h in hits
        if h.country and _backer(phrase.doc, h)
    ]
    if countries:
        return backers + _with_countries(phrase, countries, head, roles, hits, kb, day)
    if backers and head is not None and "mod" not in head.role.flags:
        return backers + [_role_only(phrase, head, roles, hits, day)]
    if backers:
        return backers
    if head is not None and "mod" not in head.role.flags:
        return [_role_only(phrase, head, roles, hits, day)]
    return []


def _with_person(
    phrase: Span,
    hit: Hit,
    actor: Actor,
    head: RoleMatch | None,
    kb: KB,
    day: date | None,
    roles: list[RoleMatch],
) -> list[Draft]:
    """ "Hamas leader Ismail Haniyeh" is the person; "Obama's aides" and "the Bush
    administration" are a role of his country; "Netanyahu's visit" has him as a modifier."""
    ref = kb_ref(actor, day, kb)
    rest = phrase.doc[hit.end : phrase.end]
    if hit.start <= phrase.root.i < hit.end or all(t.pos_ == "PROPN" for t in rest):
        title = next((r for r in roles if r.end == hit.start and _titled(r, phrase)), None)
        if title is not None:
            # "General Michel Aoun", "candidate Alassane Ouattara": the title the report gives
            # is what the person acts as then, beside the offices the KB knows
            sectors = list(dict.fromkeys([*title.role.sectors, *ref.sector]))
            ref = ref.model_copy(update={"sector": sectors})
        return [_draft(phrase, ref, "kb-person", head, group=_org_of(actor, kb, day))]
    if head is not None and "mod" not in head.role.flags:
        sectors = list(ref.sector) if "weak" in head.role.flags else list(head.role.sectors)
        kind = _kind(phrase, head)
        rule = "person-institution" if kind == "organisation" else "person-role"
        return [
            _draft(phrase, composite_ref(actor.country, sectors, kind, phrase.text), rule, head)
        ]
    return [Draft(hit.start, hit.end, ref, "kb-modifier")]


def _titled(role: RoleMatch, phrase: Span) -> bool:
    """A title of its own sector ("General", "candidate"), not a weak one ("leader"); a
    modifier role counts only capitalised before the name ("General", not "general strike")."""
    flags = role.role.flags
    if not role.role.sectors or flags & {"weak", "place", "self", "type"}:
        return False
    return "mod" not in flags or phrase.doc[role.start].is_title


def _kind(phrase: Span, head: RoleMatch) -> str:
    """The role's kind, made plural when the phrase is ("aides" -> people)."""
    kind = head.role.kind or "people"
    return "people" if kind == "person" and phrase.root.tag_ in {"NNS", "NNPS"} else kind


def _head_role(phrase: Span, roles: list[RoleMatch]) -> RoleMatch | None:
    """The role nearest the head: the one covering the phrase root, else the last non-modifier."""
    root = phrase.root.i
    for r in roles:
        if r.start <= root < r.end:
            return r
    heads = [r for r in roles if "mod" not in r.role.flags]
    if not heads:
        return None
    rest = phrase.doc[heads[-1].end : phrase.end]
    return heads[-1] if all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in rest) else None


def _draft(
    phrase: Span,
    ref: ActorRef | None,
    rule: str,
    head: RoleMatch | None,
    group: ActorRef | None = None,
) -> Draft:
    """A draft covering the whole phrase."""
    return Draft(
        phrase.start,
        phrase.end,
        ref,
        rule,
        definite=is_definite(phrase),
        head_role=head.role if head else None,
        group=group,
    )


def _org_of(person: Actor, kb: KB, day: date | None) -> ActorRef | None:
    """The group a KB person leads or belongs to, as a ref."""
    org = kb.actors.get(person.org or "")
    return kb_ref(org, day, kb) if org else None


def _named(
    phrase: Span, hits: list[Hit], roles: list[RoleMatch], country: str | None
) -> tuple[Actor | None, str]:
    """A KB person named in the phrase (exactly or by a near spelling), and the name text."""
    name = name_tokens(phrase, hits, roles)
    if name is None:
        return None, ""
    return fuzzy_person(name.text, country), name.text


def _with_org(
    phrase: Span,
    org: Actor,
    head: RoleMatch | None,
    roles: list[RoleMatch],
    hits: list[Hit],
    kb: KB,
    day: date | None,
) -> Draft:
    """ "Hamas" / "the Hamas movement" / "a Hamas official" / "UN peacekeepers"."""
    org_ref = kb_ref(org, day, kb)
    if head is None or "self" in head.role.flags or phrase.root.i < head.start:
        return _draft(phrase, org_ref, "kb-actor", head)
    person, name = _named(phrase, hits, roles, None)
    if person is not None:
        return _draft(phrase, kb_ref(person, day, kb), "kb-person-fuzzy", head, group=org_ref)
    if head.role.office == "leader" and not name and not is_indefinite(phrase):
        leaders = kb.leaders(org.id, day)  # "the UN secretary-general"
        if leaders:
            return _draft(phrase, kb_ref(leaders[0], day, kb), "org-leader", head, group=org_ref)
    if "member" in head.role.flags:
        sectors = list(org.sectors) if "weak" in head.role.flags else list(head.role.sectors)
        anon = not name and ("anon" in head.role.flags or is_indefinite(phrase))
        ref = (
            unresolved_ref(name, "person", org.country, sectors)
            if name
            else composite_ref(
                org.country, sectors, _kind(phrase, head), phrase.text, anonymous=anon
            )
        )
        return _draft(phrase, ref, "member-of", head, group=org_ref)
    sectors = compose_sectors(roles, head)
    return _draft(
        phrase,
        composite_ref(org.country, sectors, _kind(phrase, head), phrase.text),
        "org-role",
        head,
    )


def _with_countries(
    phrase: Span,
    countries: list[Hit],
    head: RoleMatch | None,
    roles: list[RoleMatch],
    hits: list[Hit],
    kb: KB,
    day: date | None,
) -> list[Draft]:
    """ "Israel", "Washington" as agent, "Egyptian intelligence chief", "American, Egyptian mediators"."""
    if head is None or "mod" in head.role.flags:
        return _country_modifier_role(phrase, countries, roles, kb, day) or _bare_country(
            phrase, countries, kb
        )
    sectors = compose_sectors(roles, head)
    isos = list(dict.fromkeys(h.country for h in countries if h.country))
    if len(isos) > 1 and head.role.kind != "person" and _coordinated(phrase):
        return _collective(phrase, countries, head, sectors)
    iso = isos[0]  # "Yemen's Iran-aligned group": the leading (possessor) country
    person, name = _named(phrase, hits, roles, iso)
    if person is not None:
        return [_draft(phrase, kb_ref(person, day, kb), "kb-person-fuzzy", head)]
    if name:
        return [_draft(phrase, unresolved_ref(name, "person", iso, sectors), "role-named", head)]
    if head.role.office != "-" and head.role.kind == "person" and not is_indefinite(phrase):
        holders = kb.holders(head.role.office, iso, day)
        if holders:
            return [_draft(phrase, kb_ref(holders[0], day, kb), "office-holder", head)]
    return [_country_role(phrase, iso, head, roles, sectors)]


def _collective(
    phrase: Span, countries: list[Hit], head: RoleMatch, sectors: list[str]
) -> list[Draft]:
    """ "American, Egyptian, and Qatari mediators": one actor per demonym, each on its own span."""
    return [
        Draft(
            h.start,
            h.end,
            composite_ref(h.country, sectors, "people", phrase.doc[h.start : h.end].text),
            "collective",
            head_role=head.role,
        )
        for h in countries
        if h.first("K") is None
    ]


def _country_role(
    phrase: Span, iso: str, head: RoleMatch, roles: list[RoleMatch], sectors: list[str]
) -> Draft:
    """ "Two Egyptian security sources" -> EGY SPY, anonymous; "Israeli troops" -> ISR MIL."""
    anon = "anon" in head.role.flags or (
        head.role.kind != "organisation" and "member" in head.role.flags and is_indefinite(phrase)
    )
    ref = composite_ref(iso, sectors, _kind(phrase, head), phrase.text, anonymous=anon)
    draft = _draft(phrase, ref, "country-role", head)
    if any("self" in r.role.flags for r in roles):
        draft.extra["group_of"] = iso  # "a Palestinian group official": of a group named nearby
    return draft


BACKING = frozenset(
    {"backed", "aligned", "allied", "supported", "sponsored", "funded", "armed", "linked"}
)


def _backer(doc: Doc, hit: Hit) -> bool:
    """ "Russian-backed separatists", "pro-Iranian militias": the country backs, it is not the actor."""
    after = doc[hit.end : hit.end + 2]
    before = doc[max(hit.start - 2, 0) : hit.start]
    return (len(after) == 2 and after[0].text == "-" and after[1].lower_ in BACKING) or any(
        t.lower_ in {"pro", "pro-"} for t in before
    )


def _coordinated(phrase: Span) -> bool:
    """Are the phrase's modifiers coordinated ("American, Egyptian, and Qatari")?"""
    return any(t.dep_ == "cc" or t.dep_ == "conj" for t in phrase)


def _country_modifier_role(
    phrase: Span, countries: list[Hit], roles: list[RoleMatch], kb: KB, day: date | None
) -> list[Draft]:
    """ "Kampuchean guerrilla camps": a demonym and a role noun modifying a non-actor head."""
    lead = [r for r in roles if "mod" not in r.role.flags and "place" not in r.role.flags]
    first = countries[0]
    if not lead or not first.country or lead[-1].start < first.end or first.first("K"):
        return []
    role = lead[-1]
    text = phrase.doc[first.start : role.end].text
    ref = composite_ref(first.country, list(role.role.sectors), role.role.kind or "people", text)
    if role.role.office != "-" and role.role.kind == "person" and not is_indefinite(phrase):
        holders = kb.holders(
            role.role.office, first.country, day
        )  # "the Israeli prime minister's office"
        ref = kb_ref(holders[0], day, kb) if holders else ref
    return [Draft(first.start, role.end, ref, "country-role-modifier", head_role=role.role)]


def _bare_country(phrase: Span, countries: list[Hit], kb: KB) -> list[Draft]:
    """A country-like phrase with no role: the state, its people, its capital as agent, or a modifier."""
    out: list[Draft] = []
    root = phrase.root
    if len(countries) == 2 and countries[0].first("D") and countries[1].first("P"):
        # "Bosnian Serbs", "Iraqi Kurds": people of the first country
        first = countries[0].first("D") or ""
        ref = composite_ref(first, [], "people", phrase.text)
        return [Draft(phrase.start, phrase.end, ref, "people", definite=is_definite(phrase))]
    for h in countries:
        iso = h.country or ""
        is_head = h.start <= root.i < h.end
        if h.first("D") and is_head and not (h.first("K") or h.first("C")) and _one(phrase, h):
            # "an American": one person of that country, not its state ("the French" may be it)
            person = composite_ref(iso, [], "person", kb.countries[iso].name)
            out.append(Draft(h.start, h.end, person, "people", definite=is_definite(phrase)))
        elif h.first("C") or (h.first("D") and is_head and not h.first("K")):
            out.append(
                Draft(
                    h.start, h.end, state_ref(iso, kb), "state" if is_head else "country-modifier"
                )
            )
        elif h.first("P"):  # "the Americans": named by their country, as the state is
            people = composite_ref(iso, [], "people", kb.countries[iso].name)
            out.append(Draft(h.start, h.end, people, "people", definite=is_definite(phrase)))
        elif h.first("K") and is_head and agent_position(root):
            out.append(
                Draft(
                    h.start,
                    h.end,
                    composite_ref(iso, ["GOV"], "organisation", root.text),
                    "capital-agent",
                )
            )
        elif h.first("D") and not is_head:
            out.append(Draft(h.start, h.end, state_ref(iso, kb), "country-modifier"))
    if len(out) == 1 and out[0].rule in {"state", "people", "capital-agent"}:
        out[0].start, out[0].end = phrase.start, phrase.end
    return out


SINGULAR = frozenset({"a", "an", "one", "another"})


def _one(phrase: Span, hit: Hit) -> bool:
    """Does a singular determiner stand right before the demonym ("an American", "one Saudi")?"""
    return hit.start > phrase.start and phrase.doc[hit.start - 1].lower_ in SINGULAR


def _role_only(
    phrase: Span, head: RoleMatch, roles: list[RoleMatch], hits: list[Hit], day: date | None
) -> Draft:
    """ "the army", "protesters", "President Dos Santos": no country in the phrase."""
    sectors = compose_sectors(roles, head)
    person, name = _named(phrase, hits, roles, None)
    if person is not None:
        from eventwire.actors.kb import load_kb

        return _draft(phrase, kb_ref(person, day, load_kb()), "kb-person-fuzzy", head)
    if "self" in head.role.flags and any(t.pos_ == "PROPN" for t in phrase):
        # "UnitedHealth Group", "the Communist Party": an unknown name, typed by its head noun
        ref = unresolved_ref(phrase.text, "ORG", None, sectors)  # "the Tamil extremist group": REB
        return _draft(phrase, ref, "unresolved", head)
    if name:
        return _draft(phrase, unresolved_ref(name, "person", None, sectors), "role-named", head)
    anon = "anon" in head.role.flags or ("member" in head.role.flags and is_indefinite(phrase))
    return _draft(
        phrase,
        composite_ref(None, sectors, _kind(phrase, head), phrase.text, anonymous=anon),
        "role",
        head,
    )
