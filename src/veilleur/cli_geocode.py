"""``veilleur geocode``: resolve place names as the extractor would, and show the candidates and why."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer


def geocode(
    name: Annotated[str | None, typer.Argument(help="A place name as a French article writes it.")] = None,
    country: Annotated[str | None, typer.Option(help="The article's country: ISO code (ML) or name (Mali).")] = None,
    context: Annotated[str, typer.Option(help="The sentence the name appears in.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object: the chosen place and candidates.")] = False,
    batch: Annotated[
        Path | None,
        typer.Option(help='JSON Lines of {"name", "country", "context"}; writes one JSON object a line.'),
    ] = None,
) -> None:
    """Resolve a place name against the gazetteer: the place chosen, its precision, the candidates and why."""
    from veilleur.resolve.places import Geocoder

    if (name is None) == (batch is None):
        raise typer.BadParameter("give a NAME or --batch FILE (not both)")
    geocoder = Geocoder()
    if batch is not None:
        if not batch.is_file():
            raise typer.BadParameter(f"no such file: {batch}", param_hint="--batch")
        for number, line in enumerate(batch.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                query = json.loads(line)
                answer = geocoder.geocode(str(query["name"]), query.get("country"), query.get("context") or "")
                sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                sys.stdout.write(json.dumps({"line": number, "error": f"bad query: {error}"}) + "\n")
        return
    assert name is not None
    answer = geocoder.geocode(name, country, context)
    if as_json:
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    chosen = answer.chosen
    if chosen is None:
        typer.echo(f"{name}: not resolved ({answer.why})")
    else:
        p = chosen.place
        typer.echo(f"{name} -> {p.name}, {p.admin1}, {p.country} ({p.latitude:.4f}, {p.longitude:.4f}), "
                   f"{p.feature}, geo_precision {chosen.precision}")
        typer.echo(f"  why: {answer.why}")
    for place in answer.candidates[:10]:
        mark = "*" if chosen is not None and place is chosen.place else " "
        typer.echo(f" {mark} {place.name:<28} {place.country:<24} {place.admin1:<20} {place.feature:<8} "
                   f"pop {place.population:<9} ({place.latitude:.3f}, {place.longitude:.3f})")


def register(app: typer.Typer) -> None:
    app.command()(geocode)
