"""The ``watch`` and ``sources`` commands of the ``veilleur`` CLI: monitor outlets (:mod:`veilleur.watch`)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from veilleur.cli_options import say_model_loading
from veilleur.cli_store import DEFAULT_DB, DbOption, _open_store

ConfigArgument = Annotated[Path, typer.Argument(help="Sources to watch: a TOML file of [[source]] tables.")]


def watch(
    config: ConfigArgument,
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once, then exit (cron, tests).")] = False,
    alerts: Annotated[Path | None, typer.Option(help="Alert rules: a TOML file of [[rule]] tables.")] = None,
    alerts_log: Annotated[Path | None, typer.Option(help="Append each alert fired as a JSON line here.")] = None,
    rounds: Annotated[int, typer.Option(help="Stop after this many rounds (0: run until interrupted).")] = 0,
    tick: Annotated[float, typer.Option(help="Seconds between two looks at which sources are due.")] = 30.0,
) -> None:
    """Watch outlets: poll their feeds, sitemaps or listing pages, code and store new articles, raise alerts."""
    from veilleur.pipeline import Pipeline
    from veilleur.watch.alerts import AlertLog
    from veilleur.watch.config import ConfigError, load_rules, load_sources
    from veilleur.watch.fetch import Fetcher
    from veilleur.watch.runner import Watcher

    try:
        sources = load_sources(config)
        rules = load_rules(alerts) if alerts else []
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from exc
    store = _open_store(db)
    say_model_loading()
    with Fetcher() as fetcher:
        watcher = Watcher(store, Pipeline.loaded(), fetcher, rules, AlertLog(alerts_log))
        done = 0
        try:
            while True:
                report = watcher.poll_round(sources, force=once or done == 0)
                for source in report.sources:
                    if source.status != "not due":
                        typer.echo(json.dumps(vars(source), ensure_ascii=False), err=True)
                done += 1
                if once or (rounds and done >= rounds):
                    break
                time.sleep(tick)
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)
        finally:
            store.close()


def sources(
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per source.")] = False,
) -> None:
    """Each watched source's health: last poll, last success, last error, items seen, events coded."""
    from rich.console import Console
    from rich.table import Table

    from veilleur.store.watch_state import WatchState

    store = _open_store(db, create=False)
    try:
        health = WatchState(store).sources()
    finally:
        store.close()
    if as_json:
        for row in health:
            typer.echo(json.dumps(row.to_dict(), ensure_ascii=False))
        return
    table = Table("source", "kind", "last poll", "last success", "last error", "items", "events")
    for row in health:
        table.add_row(row.name, row.kind, row.last_poll, row.last_success, row.last_error[:60],
                      str(row.items_seen), str(row.events_coded))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command()(sources)
