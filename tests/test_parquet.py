"""Parquet export: what pandas and pyarrow read back, from the writer and from ``veilleur events``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from veilleur.cli import app
from veilleur.parquet import parquet_schema, write_parquet
from veilleur.records import EVENT_FIELDS, Article, Event, LoadedTerm, Span
from veilleur.store import Store

pandas = pytest.importorskip("pandas")


def make_event(**changes: object) -> Event:
    event = Event(
        doc="doc-1", event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Mali",
        actor2="JNIM: Group for Support of Islam and Muslims", location="Ménaka", admin1="Menaka", country="Mali",
        latitude=15.9182, longitude=2.4022, geo_precision=1, event_date="2022-03-06", time_precision=1,
        fatalities=9, sources=["Army spokesperson", "AFP"], source_outlet="RFI",
        notes={"fr": "Des affrontements ont opposé l'armée malienne au JNIM à Ménaka.",
               "en": "Military Forces of Mali clashed with JNIM in Menaka."},
    )
    span = Span("doc-1", 0, 21, "les terroristes du JNIM")
    event.add_evidence("sentence", span)
    event.loaded_terms.append(LoadedTerm("terroristes", "JNIM fighters", "actor-label", "government", span))
    for name, value in changes.items():
        setattr(event, name, value)
    return event


def test_pandas_reads_back_the_jsonl_columns_with_their_types(tmp_path: Path) -> None:
    events = [make_event(), make_event(location="Gao", latitude=None, longitude=None, sources=[], loaded_terms=[],
                                       actor2="", fatalities=0)]
    path = tmp_path / "events.parquet"
    assert write_parquet(events, path) == 2
    frame = pandas.read_parquet(path)
    assert list(frame.columns) == [f.name for f in parquet_schema()]
    assert {"id", "doc", *EVENT_FIELDS, "sources", "notes_fr", "notes_en", "source_outlet"} <= set(frame.columns)
    assert frame["latitude"].dtype == "float64" and pandas.isna(frame["latitude"].iloc[1])
    assert frame["fatalities"].dtype == "int64" and list(frame["fatalities"]) == [9, 0]
    assert frame["geo_precision"].dtype == "int64" and frame["time_precision"].dtype == "int64"
    assert frame["event_date"].iloc[0] == date(2022, 3, 6)
    assert list(frame["sources"].iloc[0]) == ["Army spokesperson", "AFP"] and len(frame["sources"].iloc[1]) == 0
    assert frame["loaded_terms"].iloc[0][0]["neutral"] == "JNIM fighters"
    assert frame["notes_en"].iloc[0] == "Military Forces of Mali clashed with JNIM in Menaka."
    assert frame["location"].iloc[0] == "Ménaka"  # the JSONL's (gazetteer's) spelling, as in the JSONL
    assert list(frame["id"]) == [e.id for e in events]
    schema = pq.read_schema(path)
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("sources").type == pa.list_(pa.string())


def test_an_empty_export_is_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert write_parquet([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.equals(parquet_schema())


def test_rows_are_written_in_batches(tmp_path: Path) -> None:
    events = [make_event(doc=f"doc-{i}") for i in range(25)]
    path = tmp_path / "many.parquet"
    assert write_parquet(events, path, batch_rows=10) == 25
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    assert list(pandas.read_parquet(path)["doc"]) == [f"doc-{i}" for i in range(25)]


def test_events_command_writes_parquet(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    store = Store(url)
    store.migrate()
    text = "Des affrontements ont opposé dimanche l'armée malienne au JNIM à Ménaka."
    article = Article(id="doc-1", text=text, published=date(2022, 3, 7), source="RFI")
    store.save_article(article, [make_event()])
    store.close()
    out = tmp_path / "export" / "events.parquet"
    out.parent.mkdir()
    result = CliRunner().invoke(app, ["events", "--db", url, "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    frame = pandas.read_parquet(out)
    assert list(frame["actor1"]) == ["Military Forces of Mali"]
    assert frame["event_date"].iloc[0] == date(2022, 3, 6)
    assert list(frame["sources"].iloc[0]) == ["Army spokesperson", "AFP"]
