"""Option parsing shared by the command-line modules."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer


def parse_day(value: str | None, option: str = "--published") -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from exc


# The input options every reading command shares.
InputPaths = Annotated[list[Path], typer.Argument(help="Text, JSON/JSONL, HTML or RSS/Atom files, or folders.")]
PublishedOption = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")]
PublishedMapOption = Annotated[
    Path | None,
    typer.Option(help="JSONL with doc/id, published and optionally source per document (e.g. a gold file)."),
]
SourceOption = Annotated[str | None, typer.Option(help="Outlet name for inputs without one.")]
