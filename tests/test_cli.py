"""The ``veilleur`` command line through Typer's CliRunner: ``extract`` and ``evaluate``.

``extract`` loads spaCy on each call, so it runs once for the module on a folder of good and bad files
plus a JSON Lines file with a malformed line; the tests read what that one run wrote.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import Corpus, fill
from typer import BadParameter
from typer.testing import CliRunner, Result

from veilleur.cli import app
from veilleur.cli_store import read_token_file

GOOD_ARTICLE = (
    "Des combats ont opposé dimanche l'armée irakienne à l'État islamique près de Tal Afar, faisant une "
    "vingtaine de morts parmi les jihadistes, selon un officier. "
    "Samedi dernier, une voiture piégée a explosé dans le centre de Kirkouk, tuant cinq civils.\n"
)
ENGLISH_ARTICLE = (
    "Iraqi forces clashed with Islamic State fighters near Tal Afar on Sunday, and a car bomb killed five "
    "civilians in the centre of Kirkuk on Saturday, according to an officer who spoke to the press.\n"
)
RECORD_ONE = {
    "id": "rec-mali",
    "published": "2017-10-16",
    "source": "Agence Test",
    "text": "Des combats ont opposé dimanche l'armée malienne à des jihadistes près de Gao, faisant cinq morts.",
}
RECORD_TWO = {
    "id": "rec-somalie",
    "published": "2017-10-16",
    "source": "Agence Test",
    "text": "Une voiture piégée a explosé lundi dans le centre de Mogadiscio, tuant au moins 12 personnes, selon "
            "la police somalienne.",
}


@dataclass
class Extraction:
    result: Result
    out: Path
    csv: Path
    geojson: Path

    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.out.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def extraction(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    root = tmp_path_factory.mktemp("cli")
    folder = root / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "english.txt").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    records = root / "records.jsonl"
    records.write_text(
        json.dumps(RECORD_ONE, ensure_ascii=False) + "\n"
        + '{"id": "rec-broken", "text": "Des combats ont\n'
        + json.dumps(RECORD_TWO, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out, csv_path, geojson = root / "out" / "events.jsonl", root / "events.csv", root / "events.geojson"
    result = CliRunner().invoke(
        app,
        ["extract", str(folder), str(records), "-o", str(out), "--published", "2017-10-16", "--source",
         "Le Veilleur Test", "--csv", str(csv_path), "--geojson", str(geojson), "--report",
         str(root / "reports" / "report.jsonl")],
    )
    return Extraction(result, out, csv_path, geojson)


def test_extract_exits_zero_despite_bad_files(extraction: Extraction) -> None:
    assert extraction.result.exit_code == 0, extraction.result.output
    assert extraction.out.exists()


@pytest.mark.parametrize(
    ("doc", "reason"),
    [
        ("empty", "empty document"),
        ("image", "binary content"),
        ("english", "not French (looks like English)"),
        ("records:2", "line 2: invalid JSON"),
    ],
)
def test_each_bad_file_is_reported_on_stderr_with_its_reason(extraction: Extraction, doc: str, reason: str) -> None:
    lines = [line for line in extraction.result.stderr.splitlines() if line.startswith(f"skipped {doc}:")]
    assert len(lines) == 1, extraction.result.stderr
    assert reason in lines[0]


def test_summary_counts_on_stderr(extraction: Extraction) -> None:
    events = extraction.events()
    assert f"3 articles read, 4 skipped, {len(events)} events" in extraction.result.stderr


def test_model_loading_is_announced_and_the_report_lists_every_document(extraction: Extraction) -> None:
    assert "loading the French model" in extraction.result.stderr
    report = extraction.out.parent.parent / "reports" / "report.jsonl"
    rows = {row["doc"]: row for row in map(json.loads, report.read_text(encoding="utf-8").splitlines())}
    assert rows["good"]["events"] >= 1 and rows["good"]["rejection"] is None
    assert rows["empty"]["rejection"] == "empty document"
    assert {"rec-mali", "rec-somalie", "english", "image"} <= set(rows)


def test_good_article_events_written_to_jsonl(extraction: Extraction) -> None:
    good = [e for e in extraction.events() if e["doc"] == "good"]
    assert sorted(e["sub_event_type"] for e in good) == ["Armed clash", "Remote explosive/landmine/IED"]
    by_type = {e["sub_event_type"]: e for e in good}
    clash = by_type["Armed clash"]
    assert (clash["actor1"], clash["actor2"]) == ("Military Forces of Iraq", "Islamic State")
    assert (clash["event_date"], clash["geo_precision"], clash["fatalities"]) == ("2017-10-15", 2, 20)
    bomb = by_type["Remote explosive/landmine/IED"]
    assert (bomb["location"], bomb["event_date"], bomb["fatalities"]) == ("Kirkuk", "2017-10-14", 5)
    assert bomb["actor2"] == "Civilians (Iraq)"
    assert all(e["source_outlet"] == "Le Veilleur Test" for e in good)
    assert all(e["evidence"] and e["evidence_spans"] for e in good)
    assert all(e["doc"] in {"good", "rec-mali", "rec-somalie"} for e in extraction.events())


def test_jsonl_input_with_a_malformed_line_keeps_the_other_lines(extraction: Extraction) -> None:
    docs = defaultdict(list)
    for event in extraction.events():
        docs[event["doc"]].append(event)
    assert [(e["sub_event_type"], e["location"]) for e in docs["rec-mali"]] == [("Armed clash", "Gao")]
    assert [(e["sub_event_type"], e["location"], e["fatalities"]) for e in docs["rec-somalie"]] == [
        ("Remote explosive/landmine/IED", "Mogadishu", 12)
    ]
    assert {e["source_outlet"] for e in docs["rec-mali"] + docs["rec-somalie"]} == {"Agence Test"}


def test_csv_has_acled_columns_and_one_row_per_event(extraction: Extraction) -> None:
    with extraction.csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        rows = list(reader)
    for column in ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                   "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                   "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
                   "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"):
        assert column in header
    events = extraction.events()
    assert len(rows) == len(events)
    bomb = next(r for r in rows if r["location"] == "Kirkuk")
    assert (bomb["event_date"], bomb["year"], bomb["country"]) == ("2017-10-14", "2017", "Iraq")
    assert bomb["disorder_type"] == "Political violence"
    assert bomb["civilian_targeting"] == "Civilian targeting"
    assert int(bomb["fatalities"]) == 5
    # ACLED's columns worked out from the registries, for every coded event
    for row in rows:
        assert row["region"] and row["iso"] and row["inter1"] and row["interaction"], row
        assert row["timestamp"].isdigit()
    assert (bomb["region"], bomb["iso"]) == ("Middle East", "368")


def test_geojson_points_are_lon_lat(extraction: Extraction) -> None:
    collection = json.loads(extraction.geojson.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    events = {e["id"]: e for e in extraction.events()}
    features = collection["features"]
    assert len(features) == len(events)
    kirkuk = [f for f in features if f["properties"].get("location") == "Kirkuk"]
    assert len(kirkuk) == 1
    lon, lat = kirkuk[0]["geometry"]["coordinates"]
    assert kirkuk[0]["geometry"]["type"] == "Point"
    assert (lon, lat) == pytest.approx((44.39, 35.47), abs=0.05)  # Kirkuk: 35.47 N, 44.39 E
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        event = next(e for e in events.values() if e["location"] == feature["properties"]["location"])
        assert (lon, lat) == (event["longitude"], event["latitude"])


@pytest.fixture(scope="module")
def gold_from_predictions(extraction: Extraction, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in extraction.events():
        by_doc[event["doc"]].append(event)
    gold = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps({"doc": doc, "published": "2017-10-16", "events": events}, ensure_ascii=False) + "\n"
            for doc, events in by_doc.items()
        ),
        encoding="utf-8",
    )
    return gold, extraction.out


def test_evaluate_predictions_against_themselves(gold_from_predictions: tuple[Path, Path]) -> None:
    gold, predictions = gold_from_predictions
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(predictions)])
    assert result.exit_code == 0, result.output
    f1_rows = [line.split() for line in result.stdout.splitlines() if line.startswith("F1")]
    assert f1_rows == [["F1", "1.000"]]
    for doc in ("good", "rec-mali", "rec-somalie"):
        assert any(line.startswith(doc) and line.endswith("1.000") for line in result.stdout.splitlines())


def test_evaluate_json_predictions_against_themselves(gold_from_predictions: tuple[Path, Path]) -> None:
    gold, predictions = gold_from_predictions
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(predictions), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["f1"] == 1.0
    assert scores["precision"] == scores["recall"] == 1.0
    assert scores["gold"] == scores["pred"] == scores["matched"] > 0
    assert scores["docs"] == 3


# ---------------------------------------------------------------- usage errors (no model needed)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "nowhere/at-all.txt", "-o", "x.jsonl"], "no such file or folder: nowhere/at-all.txt"),
        (["extract", ".", "-o", "x.jsonl", "--published-map", "missing.jsonl"], "no such file: missing.jsonl"),
        (["events", "--db", "absent.db"], "no database at"),
        (["events", "--db", "sqlite://absent.db"], "is not a SQLite file URL"),
        (["recluster", "--db", "absent.db"], "no database at"),
        (["events", "--db", "absent.db", "--format", "parquet"], "Parquet is a binary file: give one with -o FILE"),
        (["evaluate", "gold.jsonl", "pred.jsonl"], "no such file: gold.jsonl"),
    ],
)
def test_mistakes_get_one_line_errors_and_a_non_zero_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert not any(tmp_path.glob("*.db")), "a read command created a database"


def test_db_accepts_a_plain_file_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from veilleur.cli_options import database_url

    monkeypatch.chdir(tmp_path)
    assert database_url("events.db") == f"sqlite:///{tmp_path / 'events.db'}"
    assert database_url("postgresql://postgres@127.0.0.1/test") == "postgresql://postgres@127.0.0.1/test"


def test_masked_database_url_hides_the_password() -> None:
    from veilleur.cli_options import masked

    assert masked("postgresql://analyst:s3cret@db.example:5432/veilleur") == (
        "postgresql://analyst:***@db.example:5432/veilleur"
    )
    assert masked("veilleur.db") == "veilleur.db"


def test_the_token_is_read_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text("  s3cret-du-serveur  \nignored\n", encoding="utf-8")
    assert read_token_file(secret) == "s3cret-du-serveur"
    (tmp_path / "empty").write_text("\n", encoding="utf-8")
    for bad, words in ((tmp_path / "empty", "is empty"), (tmp_path / "absent", "cannot read")):
        with pytest.raises(BadParameter, match=words):
            read_token_file(bad)


def test_serve_refuses_an_unreadable_token_file_before_starting(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'v.db'}",
                                      "--token-file", str(tmp_path / "absent")])
    assert result.exit_code == 2 and "token file" in result.output
    assert not (tmp_path / "v.db").exists()


def test_sample_acled_csv_is_filled_wherever_the_registries_allow(tmp_path: Path) -> None:
    """The bundled sample, as `make run` codes it: its ACLED CSV loads in pandas in ACLED's column order, with
    no empty inter1, iso, timestamp, region or source_scale, and ACLED's actor names (the JSONL keeps the
    codebook's)."""
    pandas = pytest.importorskip("pandas")
    from veilleur.export import ACLED_COLUMNS

    sample = Path(__file__).parent.parent / "examples" / "sample"
    out, csv_path, parquet = tmp_path / "events.jsonl", tmp_path / "events.csv", tmp_path / "events.parquet"
    result = CliRunner().invoke(app, ["extract", str(sample / "articles"), "--published-map",
                                      str(sample / "published.jsonl"), "-o", str(out), "--csv", str(csv_path),
                                      "--parquet", str(parquet), "-q"])
    assert result.exit_code == 0, result.output
    frame = pandas.read_csv(csv_path, keep_default_na=False, dtype=str)
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert len(frame) >= 10
    for column in ("inter1", "interaction", "iso", "timestamp", "region", "source_scale"):
        assert (frame[column] != "").all(), column
    assert "Military Forces of Syria (2000-)" in set(frame["actor1"])
    assert "Al Hudaydah" in set(frame["location"])
    jsonl_actors = {json.loads(line)["actor1"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert "Military Forces of Syria" in jsonl_actors
    # --parquet: the same events, the JSONL's names
    table = pandas.read_parquet(parquet)
    assert list(table["id"]) == [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(table["actor1"]) == jsonl_actors


def test_events_filters_take_what_people_type(tmp_path: Path, corpus: Corpus) -> None:
    from veilleur.store import Store

    db = tmp_path / "filled.db"
    with Store(f"sqlite:///{db}") as store:
        store.migrate()
        fill(store, corpus)
    runner = CliRunner()

    def docs(*args: str) -> set[str]:
        result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return {json.loads(line)["doc"] for line in result.stdout.splitlines() if line.strip()}

    islamic_state = {e.doc for e in corpus.events if "Islamic State" in (e.actor1, e.actor2)}
    assert docs("--actor", "Daech") == islamic_state
    assert docs("--country", "Syrie", "--source", "rfi") == {a.id for a in corpus.articles if a.source == "RFI"}
    assert docs("--type", "battles") == {e.doc for e in corpus.events if e.event_type == "Battles"}
    assert docs("--sub-type", "strike", "--min-fatalities", "10") == {
        e.doc for e in corpus.events if "strike" in e.sub_event_type.lower() and e.fatalities >= 10}
