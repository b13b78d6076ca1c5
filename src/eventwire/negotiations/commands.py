"""The `negotiations` and `negotiation` commands (registered in eventwire.cli)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError, StoreError
from eventwire.negotiations.model import Negotiation

DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB file.")]


class NegFormat(StrEnum):
    table = "table"
    json = "json"


def _load(db: Path) -> list[Negotiation]:
    from eventwire.negotiations.store import load_or_build
    from eventwire.store.duck import Store

    try:
        if not db.exists():
            raise StoreError(f"{db}: no such store (run 'eventwire ingest' first)")
        with Store(db, read_only=True) as store:
            return load_or_build(store)
    except EventwireError as exc:
        typer.echo(f"error [{exc.code}]: {exc}", err=True)
        raise typer.Exit(2) from exc


def negotiations(
    db: DbOpt = Path("eventwire.duckdb"),
    fmt: Annotated[
        NegFormat, typer.Option("--format", "-f", help="Output format.")
    ] = NegFormat.table,
) -> None:
    """List the negotiations the stored reports hold (json: the shape of FORMAT.md).

    Example: eventwire negotiations --db news.duckdb --format json
    """
    from eventwire.negotiations.render import table, to_json

    negs = _load(db)
    typer.echo(to_json(negs) if fmt is NegFormat.json else table(negs))


def negotiation(
    negotiation_id: Annotated[str, typer.Argument(help="Negotiation id (or a unique prefix).")],
    db: DbOpt = Path("eventwire.duckdb"),
) -> None:
    """Print one negotiation as a dated timeline with its evidence.

    Example: eventwire negotiation 52d9fa369a0f --db news.duckdb
    """
    from eventwire.negotiations.render import timeline

    hits = [n for n in _load(db) if n.id.startswith(negotiation_id)]
    if len(hits) != 1:
        typer.echo(
            f"error: no single negotiation with id {negotiation_id!r} ({len(hits)} match)", err=True
        )
        raise typer.Exit(2)
    typer.echo(timeline(hits[0]))
