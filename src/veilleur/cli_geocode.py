"""``veilleur geocode``: resolve place names as the extractor would, and show the candidates and why."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

NOT_FOUND = 1  # exit code of a single NAME that resolves to no place (2 is a usage error)
QUERY_SHAPE = 'a query is a JSON object {"name": "...", "country": "ML" or null, "context": "..." or null}'


def country_name(value: object) -> str | None:
    """The ACLED country name for an ISO code or a name (any case); None for none. ValueError when unknown."""
    from veilleur.resolve.places.countries import load_countries

    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"country must be an ISO code or a name, not {json.dumps(value)}")
    wanted = value.strip().casefold()
    for country in load_countries():
        if wanted in {country.code.casefold(), country.name.casefold(), *(n.casefold() for n in country.names)}:
            return country.name
    raise ValueError(f"unknown country {value!r}: give an ISO code (ML) or a name (Mali)")


def parse_query(line: str) -> tuple[str, str | None, str]:
    """(name, country, context) of one --batch line; ValueError with a one-line reason when it is not one."""
    try:
        query = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno}); {QUERY_SHAPE}") from None
    if not isinstance(query, dict):
        raise ValueError(QUERY_SHAPE)
    name, context = query.get("name"), query.get("context")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f'"name" must be a non-empty string; {QUERY_SHAPE}')
    if context is not None and not isinstance(context, str):
        raise ValueError('"context" must be a string or null')
    return name.strip(), country_name(query.get("country")), context or ""


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
    """Resolve a place name against the gazetteer: the place chosen, its precision, the candidates and why.
    A NAME that resolves to no place is reported as not found, with exit code 1."""
    from veilleur.resolve.places.geocoder import Geocoder

    if (name is None) == (batch is None):
        raise typer.BadParameter("give a NAME or --batch FILE (not both)")
    geocoder = Geocoder()
    if batch is not None:
        if not batch.is_file():
            raise typer.BadParameter(f"no such file: {batch}", param_hint="--batch")
        try:
            lines = batch.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise typer.BadParameter(f"cannot read {batch}: {error}", param_hint="--batch") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                query_name, query_country, query_context = parse_query(line)
            except ValueError as error:  # one bad line is reported on its own line; the others are answered
                sys.stdout.write(json.dumps({"line": number, "error": f"bad query: {error}"}, ensure_ascii=False)
                                 + "\n")
                continue
            answer = geocoder.geocode(query_name, query_country, query_context)
            sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        return
    assert name is not None
    try:
        country = country_name(country)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--country") from None
    answer = geocoder.geocode(name, country, context)
    if as_json:
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n")
        if answer.chosen is None:
            raise typer.Exit(NOT_FOUND)
        return
    chosen = answer.chosen
    if chosen is None:
        typer.echo(f"{name}: not found ({answer.why})")
    else:
        p = chosen.place
        typer.echo(f"{name} -> {p.name}, {p.admin1}, {p.country} ({p.latitude:.4f}, {p.longitude:.4f}), "
                   f"{p.feature}, geo_precision {chosen.precision}")
        typer.echo(f"  why: {answer.why}")
    for place in answer.candidates[:10]:
        mark = "*" if chosen is not None and place is chosen.place else " "
        typer.echo(f" {mark} {place.name:<28} {place.country:<24} {place.admin1:<20} {place.feature:<8} "
                   f"pop {place.population:<9} ({place.latitude:.3f}, {place.longitude:.3f})")
    if chosen is None:
        raise typer.Exit(NOT_FOUND)


def register(app: typer.Typer) -> None:
    app.command()(geocode)
