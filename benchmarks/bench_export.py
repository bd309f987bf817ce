"""Export time and file size for N events: JSON Lines, ACLED CSV (with its ACLED conventions) and Parquet.

The events are copies of one coded event (with evidence, sources, loaded terms and notes) given distinct
ids; each writer reads them from a generator, as the CLI does from the JSONL file. Peak memory is the
process's (ru_maxrss) after each writer.

Usage: python benchmarks/bench_export.py N
Last line: {"events": N, "jsonl_s": ..., "csv_s": ..., "parquet_s": ..., "jsonl_mb": ..., "csv_mb": ...,
"parquet_mb": ..., "peak_rss_mb": ...}
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from veilleur.export import write_acled_csv, write_jsonl
from veilleur.parquet import write_parquet
from veilleur.records import Event, LoadedTerm, Span


def events(n: int) -> Iterator[Event]:
    text = "Les forces du régime ont frappé les terroristes de Daech à Mayadine, tuant douze combattants."
    base = Event(
        doc="bench-0", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Syria", assoc_actor_1="Hezbollah", actor2="Islamic State", location="Al Mayadin",
        admin1="Deir ez-Zor", country="Syria", latitude=35.0207, longitude=40.4529, geo_precision=1,
        event_date="2017-10-14", time_precision=1, fatalities=12, sources=["SANA", "AFP"], source_outlet="RFI",
        notes={"fr": "Les forces syriennes ont frappé l'État islamique à Al Mayadin.",
               "en": "Military Forces of Syria struck Islamic State in Al Mayadin."},
    )
    span = Span("bench-0", 0, len(text), text)
    base.add_evidence("sentence", span)
    base.loaded_terms.append(LoadedTerm("terroristes", "Islamic State fighters", "actor-label", "pro-government", span))
    for i in range(n):
        yield replace(base, doc=f"bench-{i}")


def timed(write: Callable[[Iterator[Event], Path], int], n: int, path: Path) -> float:
    start = time.perf_counter()
    assert write(events(n), path) == n
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    n = parser.parse_args().n
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: Path(folder) / f"events.{name}" for name in ("jsonl", "csv", "parquet")}
        figures: dict[str, float] = {"events": n}
        figures["jsonl_s"] = timed(write_jsonl, n, paths["jsonl"])
        figures["csv_s"] = timed(write_acled_csv, n, paths["csv"])
        figures["parquet_s"] = timed(write_parquet, n, paths["parquet"])
        for name, path in paths.items():
            figures[f"{name}_mb"] = path.stat().st_size / 1e6
        figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for key in ("jsonl", "csv", "parquet"):
        seconds = figures[f"{key}_s"]
        print(f"{key:8s} {seconds:7.2f} s  {n / seconds:9.0f} events/s  {figures[f'{key}_mb']:8.2f} MB")
    print(json.dumps({k: round(v, 3) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
