"""The command line: a thin layer that parses options, calls the library and renders.

Exit codes: 0 all went well, 1 some inputs failed (recorded), 2 usage or fatal error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError
from eventwire.model import Coded, Failure
from eventwire.render import Format, print_table, render_events

app = typer.Typer(
    help="eventwire: sourced event data from news reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

PathsArg = Annotated[list[str], typer.Argument(help="Files, directories or '-' for stdin.")]
PublishedOpt = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")
]
SourceOpt = Annotated[str, typer.Option(help="Outlet name for inputs without one.")]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file.")]


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _fail(exc: EventwireError) -> typer.Exit:
    typer.echo(f"error [{exc.code}]: {exc}", err=True)
    return typer.Exit(2)


@app.command()
def code(
    paths: PathsArg,
    published: PublishedOpt = None,
    source: SourceOpt = "",
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Code articles and print one row per event. Stores nothing.

    Example: eventwire code report.txt --published 2024-02-23 --format jsonl
    """
    from eventwire.coding import iter_coded

    day = _day(published)
    try:
        failures = _code_and_print(iter_coded(paths, published=day, source=source), fmt)
    except EventwireError as exc:
        raise _fail(exc) from exc
    for f in failures:
        typer.echo(f"failed [{f.code}] {f.input}: {f.reason}", err=True)
    raise typer.Exit(1 if failures else 0)


def _code_and_print(items: Iterable[Coded | Failure], fmt: Format) -> list[Failure]:
    """Print events; table and json wait for every article, jsonl and csv stream."""
    if fmt in (Format.table, Format.json):  # these need every event before printing
        from eventwire.coding import collect

        batch = collect(items)
        if fmt is Format.table:
            print_table(batch.events)
        else:
            sys.stdout.write(render_events(batch.events, fmt))
        return batch.failures
    failures: list[Failure] = []
    header = True
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            continue
        sys.stdout.write(render_events(item.events, fmt, header=header))
        sys.stdout.flush()
        header = False
    return failures


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, directories or '-'.")] = None,
    db: DbOpt = Path("eventwire.duckdb"),
    published: PublishedOpt = None,
    source: SourceOpt = "",
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: the cores).", min=1)
    ] = None,
    recode: Annotated[bool, typer.Option(help="Code again what is already stored.")] = False,
    executor: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address.")] = None,
    out_parquet: Annotated[
        Path | None, typer.Option(help="Write Parquet shards to this new folder, not --db.")
    ] = None,
    from_parquet: Annotated[
        Path | None, typer.Option(help="Load the Parquet shards of this folder into --db.")
    ] = None,
) -> None:
    """Code articles and store them (idempotent: re-ingesting replaces, never duplicates).

    Articles already stored by the same coder are skipped. Example: eventwire ingest samples/ --db news.duckdb
    """
    from eventwire.coding import ingest_paths, load_parquet
    from eventwire.scale.run import default_workers

    if bool(paths) == bool(from_parquet):
        raise typer.BadParameter("give input PATHS, or --from-parquet DIR (not both)")
    try:
        if from_parquet:
            summary = load_parquet(from_parquet, db=db)
        else:
            summary = ingest_paths(
                paths or [],
                db=db,
                published=_day(published),
                source=source,
                progress=True,
                workers=workers or default_workers(),
                recode=recode,
                executor=executor,
                address=address,
                out_parquet=out_parquet,
            )
    except (EventwireError, ValueError) as exc:
        raise _fail(exc if isinstance(exc, EventwireError) else EventwireError(str(exc))) from exc
    typer.echo(
        f"{summary.articles} articles, {summary.events} events, {summary.failures} failures, "
        f"{summary.skipped} skipped (already coded) -> {out_parquet or db}"
    )
    for f in summary.failure_records:
        typer.echo(f"failed [{f.code}] {f.input}: {f.reason}", err=True)
    raise typer.Exit(1 if summary.failures else 0)


@app.command()
def export(
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="csv, jsonl, parquet, plover (PLOVER JSON lines) or gdelt (GDELT 2.0 TSV).",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (stdout if omitted; parquet needs a file)."),
    ] = None,
    table: Annotated[
        str,
        typer.Option(
            help="events, participants, articles, actor_mentions, places, timexes, attributions, failures"
        ),
    ] = "events",
) -> None:
    """Export stored records. Example: eventwire export --db news.duckdb --format parquet -o events.parquet"""
    from eventwire.store.queries import export_table

    try:
        text = export_table(db, table=table, fmt=fmt, output=output)
    except EventwireError as exc:
        raise _fail(exc) from exc
    if text:
        sys.stdout.write(text)


@app.command()
def stats(db: DbOpt = Path("eventwire.duckdb")) -> None:
    """Row counts and the event types in a store. Example: eventwire stats --db news.duckdb"""
    from eventwire.store.queries import store_stats

    try:
        typer.echo(json.dumps(store_stats(db), indent=2, default=str))
    except EventwireError as exc:
        raise _fail(exc) from exc


@app.command()
def schema() -> None:
    """Print the JSON Schema of one event record (as printed by `code --format jsonl`)."""
    from eventwire.store.export import event_json_schema

    typer.echo(json.dumps(event_json_schema(), indent=2))


@app.command(name="eval")
def eval_(
    path: Annotated[Path, typer.Argument(help="Gold file (JSON Lines) in a shared/eval format.")],
    task: Annotated[
        str, typer.Option(help="cameo, plover, case2021, timex, geo, attribution, actors, coref")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    split: Annotated[
        str, typer.Option(help="all, tune (two thirds, by item-id hash) or check (the rest).")
    ] = "all",
    predictions: Annotated[
        Path | None, typer.Option(help="coref: write the clusters, one JSON line per topic.")
    ] = None,
) -> None:
    """Score eventwire on a gold file. Example: eventwire eval ../shared/eval/plover-gsr/dev.jsonl --task plover"""
    from eventwire.eval import evaluate
    from eventwire.eval.report import print_report

    try:
        report = evaluate(path, task, split=split, predictions=predictions)
    except EventwireError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(report.as_json(), default=str))
    else:
        print_report(report)


@app.command()
def merge(db: DbOpt = Path("eventwire.duckdb")) -> None:
    """Merge stored event mentions across reports into events (idempotent). Example: eventwire merge --db news.duckdb"""
    from eventwire.merge.store import merge_db

    try:
        s = merge_db(db)
    except EventwireError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{s.mentions} event mentions -> {s.merged_events} merged events -> {db}")


@app.command()
def events(
    db: DbOpt = Path("eventwire.duckdb"),
    merged: Annotated[bool, typer.Option("--merged", help="Merged events, not mentions.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    limit: int = 1000,
) -> None:
    """List stored events; `--merged` lists merged events. Example: eventwire events --db news.duckdb --merged"""
    from eventwire.merge.cli import print_events

    try:
        print_events(db, merged=merged, fmt=fmt, limit=limit)
    except EventwireError as exc:
        raise _fail(exc) from exc


@app.command()
def serve(
    db: DbOpt = Path("eventwire.duckdb"),
    host: str = "127.0.0.1",
    port: int = 8000,
    get: Annotated[
        str | None, typer.Option(help="Fetch one path and print it, without a socket.")
    ] = None,
    token: Annotated[
        str | None, typer.Option(help="Require this token on POSTs (else $EVENTWIRE_TOKEN).")
    ] = None,
) -> None:
    """Serve the REST API and web pages over a store. Example: eventwire serve --db news.duckdb"""
    from eventwire.api.app import create_app

    application = create_app(db, token=token)
    if get:
        from fastapi.testclient import TestClient

        resp = TestClient(application).get(get)
        typer.echo(resp.text)
        raise typer.Exit(0 if resp.status_code < 400 else 1)
    import uvicorn

    uvicorn.run(application, host=host, port=port)


from eventwire.negotiations import commands as _negotiation_commands  # noqa: E402

app.command(name="negotiations")(_negotiation_commands.negotiations)
app.command(name="negotiation")(_negotiation_commands.negotiation)


def main() -> None:
    app()
