"""Option parsing shared by the command-line modules."""

from __future__ import annotations

from datetime import date

import typer


def parse_day(value: str | None, option: str = "--published") -> date | None:
    """A YYYY-MM-DD option value, or a usage error naming the option."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint=option) from exc
