"""Events as an Apache Parquet file, for pandas, R (arrow) and QGIS.

The columns are the JSON Lines export's, flattened: the codebook fields with their own types (``event_date``
a date, coordinates float64 and null when unknown, counts int64), ``notes`` as ``notes_fr`` / ``notes_en``,
``sources`` a list of strings, ``loaded_terms`` a list of structs (term, neutral, family, side, the span's
start and end) and ``evidence_spans`` the JSON text of the field -> spans map (its keys vary by event).
Rows are written in batches, so memory stays flat whatever the number of events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from veilleur.records import EVENT_FIELDS, Event

BATCH_ROWS = 10_000
NOTE_LANGUAGES = ("fr", "en")


def parquet_schema() -> Any:
    """The pyarrow schema of :func:`write_parquet`'s file (pyarrow is imported only when Parquet is asked for)."""
    import pyarrow as pa

    types = {
        "latitude": pa.float64(), "longitude": pa.float64(), "geo_precision": pa.int64(),
        "time_precision": pa.int64(), "fatalities": pa.int64(), "event_date": pa.date32(),
    }
    loaded_term = pa.struct([("term", pa.string()), ("neutral", pa.string()), ("family", pa.string()),
                             ("side", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    return pa.schema(
        [("id", pa.string()), ("doc", pa.string())]
        + [(name, types.get(name, pa.string())) for name in EVENT_FIELDS]
        + [("evidence", pa.string()), ("evidence_spans", pa.string()), ("sources", pa.list_(pa.string())),
           ("loaded_terms", pa.list_(loaded_term))]
        + [(f"notes_{lang}", pa.string()) for lang in NOTE_LANGUAGES]
        + [("source_outlet", pa.string())]
    )


def _event_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None  # a record read back from an edited file: the date column stays null, not the export


def parquet_row(event: Event) -> dict[str, Any]:
    """One event as a row of :func:`parquet_schema`."""
    record = event.to_dict()
    row = {name: record[name] for name in ("id", "doc", *EVENT_FIELDS)}
    row["event_date"] = _event_date(event.event_date)
    row["evidence"] = record["evidence"]
    row["evidence_spans"] = json.dumps(record["evidence_spans"], ensure_ascii=False)
    row["sources"] = record["sources"]
    row["loaded_terms"] = [
        {"term": t.term, "neutral": t.neutral, "family": t.family, "side": t.side,
         "start": t.span.start if t.span else None, "end": t.span.end if t.span else None}
        for t in event.loaded_terms
    ]
    for lang in NOTE_LANGUAGES:
        row[f"notes_{lang}"] = event.notes.get(lang, "")
    row["source_outlet"] = event.source_outlet
    return row


def _batches(events: Iterable[Event], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(events)
    while batch := [parquet_row(e) for e in islice(iterator, size)]:
        yield batch


def write_parquet(events: Iterable[Event], path: Path | str, batch_rows: int = BATCH_ROWS) -> int:
    """Write the events to a Parquet file (zstd-compressed). Returns the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for batch in _batches(events, batch_rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
