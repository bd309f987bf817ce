"""Store-backed commands of the ``veilleur`` CLI: ``ingest``, ``events``, ``recluster``, ``serve``.

Thin shells: reading is :func:`veilleur.ingest.read_paths`, coding is the :class:`~veilleur.pipeline.Pipeline`,
storing is the :class:`~veilleur.store.Store`, writing is :mod:`veilleur.export`. ``--db`` defaults to
``$VEILLEUR_DB``, else a ``veilleur.db`` SQLite file in the current folder.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
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
    masked,
    parse_day,
    progress,
    say_model_loading,
)
from veilleur.records import Article, Rejection
from veilleur.store import EventFilter, Store

DEFAULT_DB = "sqlite:///veilleur.db"
DbOption = Annotated[
    str, typer.Option("--db", envvar="VEILLEUR_DB", help="Database URL: sqlite:///file.db or postgresql://...")
]


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    geojson = "geojson"
    parquet = "parquet"


def _open_store(db: str, *, create: bool = True) -> Store:
    """Open (and migrate) the store; a read command (``create=False``) never creates a SQLite file."""
    url = database_url(db)
    if not create and url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if not path.is_file():
            raise typer.BadParameter(
                f"no database at {path}: code articles into it first (veilleur ingest ... --db {db})",
                param_hint="--db",
            )
    store = Store(url)
    store.migrate()
    return store


def ingest(
    paths: InputPaths,
    db: DbOption = DEFAULT_DB,
    published: PublishedOption = None,
    published_map: PublishedMapOption = None,
    source: SourceOption = None,
) -> None:
    """Read articles, extract their events and store both (one transaction per article)."""
    from veilleur.ingest import load_published_map, load_source_map, read_paths
    from veilleur.pipeline import Pipeline, no_event_reason

    check_inputs(paths, published_map)
    mapping = load_published_map(published_map) if published_map else None
    outlets = load_source_map(published_map) if published_map else None
    articles: list[Article] = []
    rejected = 0
    items = read_paths(
        paths, published=parse_day(published, "--published"), source=source, published_map=mapping, source_map=outlets
    )
    for item in items:
        if isinstance(item, Rejection):
            rejected += 1
            typer.echo(f"skipped {item.doc or item.path}: {item.reason}", err=True)
        else:
            articles.append(item)
    store = _open_store(db)
    say_model_loading()
    pipeline = Pipeline.loaded()
    counts = {"inserted": 0, "replaced": 0, "duplicate": 0}
    n_events = no_event = 0
    try:
        with progress("ingest") as bar:
            task = bar.add_task("", total=len(articles), events=0, rejected=rejected)
            for article in articles:
                result = pipeline.process(article)
                if result.rejection is not None:
                    rejected += 1
                    bar.console.print(f"skipped {article.id}: {result.rejection.reason}", markup=False)
                else:
                    saved = store.save_article(article, result.events,
                                               no_event_reason=no_event_reason(result))
                    counts[saved.status] = counts.get(saved.status, 0) + 1
                    n_events += saved.events if saved.status != "duplicate" else 0
                    no_event += not result.events
                bar.update(task, advance=1, events=n_events, rejected=rejected)
    finally:
        store.close()
    typer.echo(
        f"{len(articles)} articles read: {counts['inserted']} new, {counts['replaced']} re-extracted, "
        f"{counts['duplicate']} duplicates; {rejected} skipped; {n_events} events stored in {masked(db)}",
        err=True,
    )
    if no_event:
        typer.echo(f"{no_event} article(s) gave no event (veilleur extract --report FILE lists them)", err=True)


def events(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str, typer.Option(help="Country in French or English (Syrie, Syria), any case.")] = "",
    admin1: Annotated[str, typer.Option(help="Part of the governorate / province name, any case.")] = "",
    event_type: Annotated[str, typer.Option("--type", help="ACLED event type, any case, e.g. battles.")] = "",
    sub_type: Annotated[str, typer.Option("--sub-type", help="Part of the sub-event type, e.g. strike.")] = "",
    actor: Annotated[str, typer.Option(help="An actor's alias (Daech, EI) or part of any actor's name.")] = "",
    source: Annotated[str, typer.Option("--source", help="Part of the outlet's name, any case, e.g. RFI.")] = "",
    min_fatalities: Annotated[int, typer.Option(min=0, help="At least this many deaths.")] = 0,
    limit: Annotated[int, typer.Option(min=1, help="At most this many events, latest first.")] = 10000,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """List stored events, filtered, as a table, ACLED CSV, JSON Lines, GeoJSON or Parquet (-o FILE)."""
    from veilleur import export

    if fmt is Format.parquet and output is None:
        raise typer.BadParameter("Parquet is a binary file: give one with -o FILE", param_hint="--format")

    filters = EventFilter(
        since=parse_day(since, "--since"), until=parse_day(until, "--until"), country=country, admin1=admin1,
        event_type=event_type, sub_event_type=sub_type, actor=actor, source=source, min_fatalities=min_fatalities,
    )
    store = _open_store(db, create=False)
    try:
        found = store.events(filters, limit=limit)
    finally:
        store.close()
    target = output if output is not None else sys.stdout
    if fmt is Format.csv:
        export.write_acled_csv(found, target)
    elif fmt is Format.geojson:
        export.write_geojson(found, target)
    elif fmt is Format.json:
        export.write_jsonl(found, target)
    elif fmt is Format.parquet and output is not None:
        from veilleur.parquet import write_parquet

        write_parquet(found, output)
    else:
        columns = ("event_date", "event_type", "location", "admin1", "actor1", "actor2", "fatalities", "doc")
        rows = [[str(getattr(e, c)) for c in columns] for e in found]
        widths = [min(30, max([len(c)] + [len(r[i]) for r in rows])) for i, c in enumerate(columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
        lines.append("-" * len(lines[0]))
        lines += ["  ".join(v[:w].ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
        text = "\n".join(lines) + "\n"
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            typer.echo(text, nl=False)
    if output is not None:
        typer.echo(f"{len(found)} events -> {output}", err=True)


def recluster(db: DbOption = DEFAULT_DB) -> None:
    """Rebuild every event cluster from scratch."""
    store = _open_store(db, create=False)
    try:
        n = store.recluster()
    finally:
        store.close()
    typer.echo(json.dumps({"clusters": n}))


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="VEILLEUR_TOKEN", show_default=False,
                     help="Bearer token for POST /articles (disabled without one). Prefer VEILLEUR_TOKEN or "
                          "--token-file: an option shows in the process list."),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option(envvar="VEILLEUR_TOKEN_FILE", show_default=False,
                     help="File whose first line is the bearer token (wins over --token)."),
    ] = None,
) -> None:
    """Serve the API and the dashboard (http://HOST:PORT/)."""
    import uvicorn

    from veilleur.api import create_app
    from veilleur.pipeline import Pipeline

    if token_file is not None:
        token = read_token_file(token_file)
    store = _open_store(db, create=bool(token))  # only a server that accepts articles may start a database
    try:
        app = create_app(store, token=token or None, pipeline_factory=Pipeline.from_defaults)
        if not token:
            typer.echo("note: no token (VEILLEUR_TOKEN): POST /articles is disabled", err=True)
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()


def read_token_file(path: Path) -> str:
    """The token on the first line of ``path``; a clear error (exit 2) if it cannot be read or is empty."""
    try:
        first = path.read_text(encoding="utf-8").splitlines()[:1]
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"cannot read the token file {str(path)!r}: {exc}", param_hint="--token-file") from exc
    if not first or not first[0].strip():
        raise typer.BadParameter(f"the token file {str(path)!r} is empty", param_hint="--token-file")
    return first[0].strip()


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command()(ingest)
    app.command()(events)
    app.command()(recluster)
    app.command()(serve)
