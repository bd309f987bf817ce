"""The ``batch`` command of the ``veilleur`` CLI: big archives in parallel with Dask (:mod:`veilleur.batch`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from veilleur.cli_options import (
    InputPaths,
    PublishedMapOption,
    PublishedOption,
    SourceOption,
    check_inputs,
    database_url,
    parse_day,
)


def scheduler_name(value: str) -> str:
    """A local Dask scheduler's name, or a dask.distributed scheduler's address."""
    from veilleur.batch import SCHEDULER_ADDRESS, SCHEDULERS

    if value in SCHEDULERS or SCHEDULER_ADDRESS.fullmatch(value):
        return value
    raise typer.BadParameter(f"expected {', '.join(SCHEDULERS)} or tcp://HOST:PORT, got {value!r}")


def batch(
    paths: InputPaths,
    out: Annotated[Path, typer.Option("--out", help="Folder for events-NNNNN.jsonl and rejections-NNNNN.jsonl.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Also store articles and events here: sqlite:///file.db or postgresql://..."),
    ] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="Documents per partition.")] = 200,
    scheduler: Annotated[str, typer.Option(
        callback=scheduler_name,
        help="Dask scheduler: processes, threads, synchronous, or a dask.distributed scheduler's address "
             "tcp://HOST:PORT (its workers must see PATHS and --out at the same paths).",
    )] = "processes",
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes or threads (default: one per CPU; not with "
                                             "tcp://, where the started dask workers count).")
    ] = None,
    published: PublishedOption = None,
    published_map: PublishedMapOption = None,
    source: SourceOption = None,
) -> None:
    """Extract events from big archives in parallel partitions; one events and one rejections file each."""
    from veilleur.batch import run_batch

    day = parse_day(published)
    check_inputs(paths, published_map)
    if workers is not None and scheduler not in ("processes", "threads", "synchronous"):
        raise typer.BadParameter("the distributed cluster's workers do the work: start them with dask worker",
                                 param_hint="--workers")
    try:
        report = run_batch(
            paths, out, db=database_url(db) if db else None, partition_size=partition_size,
            scheduler=scheduler, workers=workers, published=day, published_map=published_map, source=source,
        )
    except ValueError as exc:  # e.g. no scheduler at the address: one line, not a traceback
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    stored = ", ".join(f"{n} {status}" for status, n in sorted(report.stored.items()))
    typer.echo(
        f"{report.documents} documents in {report.partitions} partitions: {report.articles} articles, "
        f"{report.events} events, {report.rejections} rejections in {report.seconds:.1f} s "
        f"({report.articles_per_second:.1f} articles/s)" + (f"; stored: {stored or 'nothing'}" if db else ""),
        err=True,
    )
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to ``app``."""
    app.command()(batch)
