"""Option parsing shared by the command-line modules."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from veilleur.ingest import missing_reason


def parse_day(value: str | None, option: str = "--published") -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from exc


def database_url(db: str) -> str:
    """A ``--db`` value as a database URL: a plain path is a SQLite file; a URL that would silently open
    something else than the user meant is a usage error."""
    if "://" not in db:
        return "sqlite:///" + str(Path(db).expanduser().resolve())
    if db.startswith("sqlite:") and not db.startswith("sqlite:///"):
        raise typer.BadParameter(
            f"{db!r} is not a SQLite file URL: write sqlite:///relative/path.db or sqlite:////absolute/path.db "
            "(or just the file path)", param_hint="--db"
        )
    return db


def masked(db: str) -> str:
    """A database URL fit to print: its password hidden."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown without anything after the scheme
        return db.split("://", 1)[0] + "://..."


def check_inputs(paths: list[Path], published_map: Path | None = None) -> None:
    """Usage errors before any work: an input or a --published-map that does not exist."""
    for path in paths:
        if not path.exists():
            raise typer.BadParameter(f"{missing_reason(path)}: {path}", param_hint="PATHS")
    if published_map is not None and not published_map.is_file():
        raise typer.BadParameter(f"no such file: {published_map}", param_hint="--published-map")


def progress(description: str) -> Any:
    """A rich progress display on stderr: documents done of total, events, rejections, rate, time left.

    Tasks carry ``events`` and ``rejected`` fields: ``progress.add_task(name, total=n, events=0, rejected=0)``.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(TextColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:.1f} docs/s" if task.speed else "")

    return Progress(
        TextColumn(description), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[events]} events, {task.fields[rejected]} skipped"), Rate(""),
        TimeRemainingColumn(), console=Console(stderr=True), transient=False,
    )


def say_model_loading() -> None:
    typer.echo("loading the French model (fr_core_news_md), gazetteer and lexicons...", err=True)


# The input options every reading command shares.
InputPaths = Annotated[list[Path], typer.Argument(help="Text, JSON/JSONL, HTML or RSS/Atom files, or folders.")]
PublishedOption = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")]
PublishedMapOption = Annotated[
    Path | None,
    typer.Option(help="JSONL with doc/id, published and optionally source per document (e.g. a gold file)."),
]
SourceOption = Annotated[str | None, typer.Option(help="Outlet name for inputs without one.")]
