"""Build `ActorRef`s from KB entries and compositions, and render PETRARCH-style actor codes."""

from __future__ import annotations

from datetime import date

from eventwire.actors.kb import KB, Actor, load_kb
from eventwire.model import ActorRef


def actor_code(ref: ActorRef) -> str:
    """Country followed by sector codes, as PETRARCH writes them: PSEREB, ISRMIL, USAGOV, IGO.

    A bare state is its country code alone ("ISR"); no country is written '---'.
    """
    country = ref.country or "---"
    if ref.kind == "state":
        return country
    return country + "".join(s for s in ref.sector if s != country)


def state_ref(iso: str, kb: KB | None = None) -> ActorRef:
    """A state named as such ("Israel"): the state acts through its government."""
    kb = kb or load_kb()
    return ActorRef(id=iso, name=kb.countries[iso].name, country=iso, sector=["GOV"], kind="state")


def composite_ref(
    country: str | None, sectors: list[str], kind: str, name: str, *, anonymous: bool = False
) -> ActorRef:
    """A role phrase without a KB entry of its own: "Egyptian security sources" -> EGY:SPY."""
    key = "+".join(sectors) or "ANY"
    return ActorRef(
        id=f"{country or 'role'}:{key}",
        name=name,
        country=country,
        sector=sectors,
        kind=kind or "people",
        anonymous=anonymous,
    )


def person_sectors(actor: Actor, day: date | None, kb: KB | None = None) -> list[str]:
    """Sectors of a person on `day`: those of the offices then held, else of the latest one."""
    kb = kb or load_kb()
    offices = list(actor.offices)
    if not offices:
        return list(actor.sectors)
    held = [o for o in offices if day is None or o.valid(day)]
    if day is not None and not held:
        return ["ELI"] if all(o.end and o.end < day for o in offices) else list(actor.sectors)
    chosen = held if day is not None else [max(offices, key=lambda o: o.start or date.min)]
    out: list[str] = []
    for o in chosen:
        org = kb.actors.get(o.org or "") if o.role == "leader" else None
        for s in org.sectors if org else (o.sectors or ("GOV",)):
            if s not in out:
                out.append(s)
    return out


def kb_ref(actor: Actor, day: date | None, kb: KB | None = None) -> ActorRef:
    """The ref of a KB organisation, group or person (persons get the sectors of `day`)."""
    sectors = person_sectors(actor, day, kb) if actor.kind == "person" else list(actor.sectors)
    return ActorRef(
        id=actor.id, name=actor.name, country=actor.country, sector=sectors, kind=actor.kind
    )


def unresolved_ref(
    text: str, kind: str, country: str | None = None, sectors: list[str] | None = None
) -> ActorRef:
    """A name the KB does not know: kept with its NER type and any inferred country."""
    return ActorRef(
        id=f"unresolved:{text}", name=text, country=country, sector=sectors or [], kind=kind
    )
