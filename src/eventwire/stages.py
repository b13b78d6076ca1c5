"""The built-in stages: thin adapters from `Context` to each stage package's pure functions."""

from __future__ import annotations

from eventwire.pipeline import Context, stage


@stage("actors", needs={"sentences"}, makes={"actors"})
def actors_stage(ctx: Context) -> Context:
    from eventwire.actors import find_actors

    return ctx.with_(actors=find_actors(ctx.parsed))


@stage("events", needs={"actors"}, makes={"events"})
def events_stage(ctx: Context) -> Context:
    from eventwire.events import find_events

    return ctx.with_(events=find_events(ctx.parsed, ctx.actors))


@stage("dates", needs={"events"}, makes={"timexes", "dates"})
def dates_stage(ctx: Context) -> Context:
    from eventwire.dates import attach_dates, find_timexes

    timexes = find_timexes(ctx.parsed)
    events = attach_dates(
        ctx.parsed, ctx.events, timexes, use_publication=ctx.settings.attach_publication_date
    )
    return ctx.with_(timexes=timexes, events=events)


@stage("places", needs={"events", "actors"}, makes={"places", "locations"})
def places_stage(ctx: Context) -> Context:
    from eventwire.places import attach_places, find_places

    places = find_places(
        ctx.parsed, ctx.actors, min_city_population=ctx.settings.min_city_population
    )
    return ctx.with_(places=places, events=attach_places(ctx.parsed, ctx.events, places))


@stage("attribution", needs={"events", "actors"}, makes={"attributions"})
def attribution_stage(ctx: Context) -> Context:
    from eventwire.attribution import attach_attributions, tag_attributions

    attributions = tag_attributions(ctx.parsed, ctx.actors)
    return ctx.with_(
        attributions=attributions,
        events=attach_attributions(ctx.parsed, ctx.events, attributions),
    )
