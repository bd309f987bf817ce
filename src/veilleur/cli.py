"""The ``veilleur`` command line: thin shells over ingest, pipeline, export and evaluate."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Annotated

import typer

from veilleur import export
from veilleur.cli_batch import register as register_batch_commands
from veilleur.cli_geocode import register as register_geocode_command
from veilleur.cli_options import (
    InputPaths,
    PublishedMapOption,
    PublishedOption,
    SourceOption,
    check_inputs,
    parse_day,
    progress,
    say_model_loading,
)
from veilleur.cli_store import register as register_store_commands
from veilleur.cli_watch import register as register_watch_commands
from veilleur.evaluate import (
    format_groups,
    format_scores,
    load_doc_metadata,
    load_events_by_doc,
    score,
    score_by,
    scores_to_dict,
    select_folds,
)
from veilleur.ingest import load_published_map, load_source_map, read_paths
from veilleur.records import Article, Rejection

app = typer.Typer(help="Veilleur: French conflict news to evidenced ACLED-style events.", no_args_is_help=True)


@app.command()
def extract(
    paths: InputPaths,
    output: Annotated[Path, typer.Option("-o", "--output", help="Events as JSON Lines (one event a line).")],
    published: PublishedOption = None,
    published_map: PublishedMapOption = None,
    source: SourceOption = None,
    csv: Annotated[Path | None, typer.Option(help="Also write an ACLED-style CSV here.")] = None,
    geojson: Annotated[Path | None, typer.Option(help="Also write a GeoJSON FeatureCollection here.")] = None,
    parquet: Annotated[
        Path | None, typer.Option(help="Also write the events as Parquet here (the JSONL's columns, flattened).")
    ] = None,
    unresolved: Annotated[
        Path | None, typer.Option(help="Write place names the gazetteer could not resolve (JSONL).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No event table on stdout.")] = False,
    report: Annotated[
        Path | None,
        typer.Option(help="Write one JSONL line per document: events found, rejection reason, unresolved places."),
    ] = None,
) -> None:
    """Extract events from articles and write them as JSONL (and optionally CSV / GeoJSON / Parquet).

    Events are written as each article is coded, so memory stays flat however large the input; the CSV,
    GeoJSON, Parquet and the table on stdout are then read back from the JSONL file.
    """
    from veilleur.pipeline import Pipeline  # spaCy is loaded only by commands that need it

    check_inputs(paths, published_map)
    mapping = load_published_map(published_map) if published_map else None
    outlets = load_source_map(published_map) if published_map else None
    for target in (output, csv, geojson, parquet, unresolved, report):
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)

    def documents() -> Iterator[Article | Rejection]:
        return read_paths(
            paths, published=parse_day(published), source=source, published_map=mapping, source_map=outlets
        )

    total = sum(1 for item in documents() if isinstance(item, Article))  # a cheap first pass, for progress
    rejections: list[Rejection] = []
    counts = {"articles": 0, "events": 0, "no_event": 0}
    say_model_loading()
    pipeline = Pipeline.loaded()
    with ExitStack() as files, progress("extract") as bar:
        out = files.enter_context(output.open("w", encoding="utf-8"))
        unresolved_out = files.enter_context(unresolved.open("w", encoding="utf-8")) if unresolved else None
        report_out = files.enter_context(report.open("w", encoding="utf-8")) if report else None
        task = bar.add_task("", total=total, events=0, rejected=0)

        def articles() -> Iterator[Article]:
            for item in documents():
                if isinstance(item, Article):
                    yield item
                    continue
                rejections.append(item)
                _write_line(report_out, {"doc": item.doc, "path": item.path, "events": 0, "rejection": item.reason,
                                         "unresolved_places": []})

        for result in pipeline.run(articles()):
            counts["articles"] += 1
            _write_line(report_out, {
                "doc": result.article.id, "events": len(result.events),
                "rejection": result.rejection.reason if result.rejection else None,
                "unresolved_places": [result.article.text[s:e] for s, e, _ in result.unresolved_places],
            })
            if result.rejection is not None:
                rejections.append(result.rejection)
            else:
                if result.article.published is None:
                    typer.echo(f"note: {result.article.id}: no publication date; events need one (use --published)",
                               err=True)
                counts["no_event"] += not result.events
                counts["events"] += export.write_jsonl(result.events, out)
                for s, e, sentence in result.unresolved_places:
                    _write_line(unresolved_out, {"doc": result.article.id, "name": result.article.text[s:e],
                                                 "sentence": sentence})
            bar.update(task, advance=1, events=counts["events"], rejected=len(rejections))
    for rejection in rejections:
        typer.echo(f"skipped {rejection.doc}: {rejection.reason}", err=True)
    if csv:
        export.write_acled_csv(export.iter_jsonl(output), csv)
    if geojson:
        export.write_geojson(export.iter_jsonl(output), geojson)
    if parquet:
        from veilleur.parquet import write_parquet

        write_parquet(export.iter_jsonl(output), parquet)
    if not quiet:
        _print_table(output)
    typer.echo(f"{counts['articles']} articles read, {len(rejections)} skipped, {counts['events']} events -> {output}",
               err=True)
    if counts["no_event"]:
        where = f"see {report}" if report else "list them with --report FILE"
        typer.echo(f"{counts['no_event']} article(s) gave no event ({where})", err=True)


def _write_line(stream: IO[str] | None, row: dict[str, object]) -> None:
    if stream is not None:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def _print_table(events_file: Path) -> None:
    """The events of a JSONL file as a table on stdout (read twice: widths, then rows; nothing kept)."""
    columns = ("doc", "event_date", "sub_event_type", "location", "actor1", "actor2", "fatalities")
    widths = [len(c) for c in columns]
    for event in export.iter_jsonl(events_file):
        widths = [min(28, max(w, len(str(getattr(event, c))))) for w, c in zip(widths, columns, strict=True)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    typer.echo(line)
    typer.echo("-" * len(line))
    for event in export.iter_jsonl(events_file):
        row = [str(getattr(event, c)) for c in columns]
        typer.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL, one article a line with its events (corpus/gold.jsonl).")],
    predictions: Annotated[Path, typer.Argument(help="Predicted events (the extract command's JSONL).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    fold: Annotated[
        list[int] | None, typer.Option("--fold", help="Score only the gold articles of this fold (repeatable).")
    ] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Also break the figures down by a gold field: region, country, fold.")
    ] = None,
) -> None:
    """Score predictions against gold by the codebook's section 8 rules."""
    for path in (gold, predictions):
        if not path.is_file():
            raise typer.BadParameter(f"no such file: {path}")
    gold_events = load_events_by_doc(gold)
    metadata = load_doc_metadata(gold)
    if fold:
        gold_events = select_folds(gold_events, metadata, fold)
        if not gold_events:
            raise typer.BadParameter(f"no gold article has fold {', '.join(map(str, fold))}", param_hint="--fold")
    pred_events = load_events_by_doc(predictions)
    scores = score(gold_events, pred_events)
    groups = score_by(gold_events, pred_events, metadata, by) if by else {}
    if as_json:
        figures = scores_to_dict(scores)
        if by:
            figures["by_" + by] = {name: scores_to_dict(s) | {"per_doc": None} for name, s in groups.items()}
        json.dump(figures, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    typer.echo(format_scores(scores, per_doc=not by))
    if by:
        typer.echo("")
        typer.echo(format_groups(groups, by))


register_watch_commands(app)
register_store_commands(app)
register_batch_commands(app)
register_geocode_command(app)
