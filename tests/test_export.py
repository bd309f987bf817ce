"""JSONL, ACLED CSV and GeoJSON exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from veilleur.evaluate import load_events_by_doc
from veilleur.export import (
    ACLED_COLUMNS,
    disorder_type,
    events_to_geojson,
    interaction_code,
    read_jsonl,
    write_acled_csv,
    write_geojson,
    write_jsonl,
)
from veilleur.records import EVENT_FIELDS, Event, LoadedTerm, Span


def make_event(**changes: object) -> Event:
    event = Event(
        doc="000_abc",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia",
        actor2="Islamic State",
        location="Al Mayadin",
        admin1="Deir ez-Zor",
        country="Syria",
        latitude=35.0207,
        longitude=40.4529,
        geo_precision=1,
        event_date="2017-10-14",
        time_precision=1,
        fatalities=12,
        sources=["SANA", "Al-Watan"],
        notes={"en": "Russian aircraft struck Islamic State positions in Al Mayadin.",
               "fr": "L'aviation russe a frappé des positions de l'État islamique à Al Mayadin."},
        source_outlet="Réseau Voltaire",
    )
    span = Span("000_abc", 10, 30, "l'aviation a bombardé")
    event.add_evidence("trigger", span)
    term = LoadedTerm("takfiristes", "Islamic State fighters", "actor-label", "pro-government", span)
    event.loaded_terms.append(term)
    for name, value in changes.items():
        setattr(event, name, value)
    return event


# ---------------------------------------------------------------- JSONL


def test_jsonl_round_trip(tmp_path: Path) -> None:
    events = [make_event(), make_event(location="Homs", latitude=None, longitude=None)]
    path = tmp_path / "events.jsonl"
    assert write_jsonl(events, path) == 2
    back = read_jsonl(path)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in events]
    assert back[0].evidence["trigger"][0].text == "l'aviation a bombardé"


def test_jsonl_is_utf8_without_escapes_one_event_a_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    write_jsonl([make_event(), make_event()], path)
    text = path.read_text(encoding="utf-8")
    assert "État islamique" in text and "\\u" not in text
    lines = text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["doc"] == "000_abc" for line in lines)


def test_jsonl_to_open_stream_and_readable_by_scorer(tmp_path: Path) -> None:
    buffer = io.StringIO()
    assert write_jsonl([make_event()], buffer) == 1
    path = tmp_path / "pred.jsonl"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert list(load_events_by_doc(path)) == ["000_abc"]


def test_read_jsonl_reports_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc": "a", "event_type": "Battles", "sub_event_type": "Armed clash"}\n{oops\n')
    with pytest.raises(ValueError, match="line 2"):
        read_jsonl(path)


def test_empty_exports(tmp_path: Path) -> None:
    assert write_jsonl([], tmp_path / "e.jsonl") == 0
    assert read_jsonl(tmp_path / "e.jsonl") == []
    assert write_acled_csv([], tmp_path / "e.csv") == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").strip() == ",".join(ACLED_COLUMNS)
    assert write_geojson([], tmp_path / "e.geojson") == 0
    assert json.loads((tmp_path / "e.geojson").read_text()) == {"type": "FeatureCollection", "features": []}


# ---------------------------------------------------------------- ACLED CSV


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def test_acled_csv_header_and_values(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    event = make_event()
    assert write_acled_csv([event], path) == 1
    header, rows = read_csv(path)
    assert header == list(ACLED_COLUMNS)
    row = rows[0]
    assert row["event_id_cnty"] == event.id
    assert row["event_date"] == "2017-10-14" and row["year"] == "2017" and row["time_precision"] == "1"
    assert row["disorder_type"] == "Political violence"
    assert row["sub_event_type"] == "Air/drone strike"
    # ACLED's names: a state's forces with the government's period, a group suffixed with the country
    assert row["actor1"] == "Military Forces of Russia (2000-)" and row["actor2"] == "Islamic State (Syria)"
    assert row["latitude"] == "35.0207" and row["longitude"] == "40.4529"
    assert row["source"] == "SANA; Al-Watan"
    assert row["notes"] == event.notes["en"]
    assert row["fatalities"] == "12"
    assert row["iso"] == "760"
    # from the actor registry: Russia's forces in Syria are external forces (8), the Islamic State rebels (2)
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "2", "28")
    assert row["timestamp"].isdigit()
    assert row["region"] == "Middle East"
    assert row["source_scale"] == "National"  # SANA and Al-Watan are Syrian, the event is in Syria
    assert row["admin3"] == row["tags"] == ""


def test_acled_csv_falls_back_to_outlet_and_blank_coordinates(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_acled_csv([make_event(sources=[], latitude=None, longitude=None)], path)
    row = read_csv(path)[1][0]
    assert row["source"] == "Réseau Voltaire"
    assert row["source_scale"] == ""  # an outlet the sources registry does not know
    assert row["latitude"] == row["longitude"] == ""


def test_acled_csv_actor_types_from_lookup() -> None:
    codes = {"Military Forces of Russia": 8, "Islamic State": 2, "Civilians (Syria)": 7}
    buffer = io.StringIO()
    events = [make_event(), make_event(event_type="Violence against civilians", sub_event_type="Attack",
                                       actor1="Islamic State", actor2="Civilians (Syria)"),
              make_event(actor2="")]
    write_acled_csv(events, buffer, actor_type=codes.get)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert (rows[0]["inter1"], rows[0]["inter2"], rows[0]["interaction"]) == ("8", "2", "28")
    assert (rows[1]["interaction"], rows[1]["civilian_targeting"]) == ("27", "Civilian targeting")
    assert (rows[2]["inter2"], rows[2]["interaction"]) == ("", "80")
    assert rows[0]["civilian_targeting"] == ""


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Violence against civilians", "Attack", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Riots", "Mob violence", "Political violence"),
        ("Strategic developments", "Arrests", "Strategic developments"),
        ("Something else", "", ""),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


def test_interaction_code() -> None:
    assert interaction_code(1, 2) == "12"
    assert interaction_code(7, 3) == "37"
    assert interaction_code("1", None) == "10"
    assert interaction_code(None, 2) == ""
    assert interaction_code("x", 2) == ""


# ---------------------------------------------------------------- GeoJSON


def test_geojson_points_are_lon_lat_and_skip_unplaced() -> None:
    events = [make_event(), make_event(location="Nowhere", latitude=None, longitude=None)]
    collection = events_to_geojson(events)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 1
    feature = collection["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.4529, 35.0207]}
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_properties(tmp_path: Path) -> None:
    event = make_event()
    path = tmp_path / "events.geojson"
    assert write_geojson([event], path) == 1
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    properties = feature["properties"]
    assert set(EVENT_FIELDS) | {"id", "doc", "notes", "sources"} <= set(properties)
    assert properties["id"] == feature["id"] == event.id
    assert properties["sources"] == ["SANA", "Al-Watan"]
    assert properties["notes"]["en"] == event.notes["en"]
    assert "État islamique" in path.read_text(encoding="utf-8")


def test_iso_codes_for_acled_country_names() -> None:
    from veilleur.export import iso_numeric

    assert [iso_numeric(c) for c in ("Democratic Republic of Congo", "Palestine", "Ivory Coast", "Syria")] == [
        "180", "275", "384", "760"
    ]


def test_csv_place_names_lose_transliteration_marks() -> None:
    from veilleur.export import plain_place_name

    assert plain_place_name("Al Ḩudaydah") == "Al Hudaydah"
    assert plain_place_name("Ma‘arrat an Nu‘mān") == "Maarrat an Numan"


# ---------------------------------------------------------------- ACLED conventions


def test_acled_actor_names_follow_the_government_period_and_keep_the_jsonl_names(tmp_path: Path) -> None:
    events = [
        make_event(actor1="Military Forces of Iraq", actor2="Islamic State", country="Iraq",
                   event_date="2017-05-10", assoc_actor_1="Popular Mobilization Forces"),
        make_event(actor1="Military Forces of Iraq", country="Iraq", event_date="2019-01-03"),
        make_event(actor1="Military Forces of Syria", assoc_actor_1="Hezbollah; Desert Hawks Brigade",
                   actor2="Syrian Democratic Forces", assoc_actor_2="YPG: People's Protection Units"),
        make_event(actor1="Unidentified Armed Group (Somalia)", actor2="al-Shabaab", country="Somalia"),
    ]
    path = tmp_path / "events.csv"
    write_acled_csv(events, path)
    rows = read_csv(path)[1]
    assert rows[0]["actor1"] == "Military Forces of Iraq (2014-2018)"
    assert rows[0]["actor2"] == "Islamic State (Iraq)"
    assert rows[0]["assoc_actor_1"] == "Popular Mobilization Forces"
    assert rows[1]["actor1"] == "Military Forces of Iraq (2018-2020)"  # a new government, a new name
    assert rows[2]["actor1"] == "Military Forces of Syria (2000-)"
    assert rows[2]["assoc_actor_1"] == "Hezbollah; Desert Hawks Brigade"
    assert rows[2]["actor2"] == "QSD: Syrian Democratic Forces"
    assert rows[2]["assoc_actor_2"] == "YPG: People's Protection Units"
    assert (rows[2]["inter1"], rows[2]["inter2"], rows[2]["interaction"]) == ("1", "2", "12")
    assert (rows[3]["actor1"], rows[3]["actor2"]) == ("Unidentified Armed Group (Somalia)", "Al Shabaab")
    # the JSON Lines export keeps the codebook's names
    buffer = io.StringIO()
    write_jsonl(events[2:3], buffer)
    assert json.loads(buffer.getvalue())["actor2"] == "Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("sources", "outlet", "country", "expected"),
    [
        (["SANA", "AFP"], "", "Syria", "National-International"),
        (["SANA", "Al-Watan (Syria)"], "", "Syria", "National"),  # each scale once
        (["SANA"], "", "Lebanon", "International"),  # a Syrian agency on a Lebanese event
        (["Al Jazeera"], "", "Yemen", "Regional"),
        (["Al Jazeera"], "", "Mali", "International"),  # pan-Arab media outside the Middle East and North Africa
        (["Local sources (medics/witnesses)", "Amaq"], "", "Iraq", "New media-Local"),
        ([], "RFI", "Mali", "International"),  # no credited source: the outlet's own scale
        ([], "Actualite.cd", "Democratic Republic of Congo", "National"),
        ([], "PressAfrik (RFI reprint)", "Senegal", "National"),  # the outlet's name before the brackets
        ([], "Le Journal Inconnu", "Mali", ""),
    ],
)
def test_acled_source_scale(sources: list[str], outlet: str, country: str, expected: str) -> None:
    from veilleur.export import acled_row

    row = acled_row(make_event(sources=sources, source_outlet=outlet, country=country))
    assert row["source_scale"] == expected


def test_acled_region_for_every_gazetteer_country() -> None:
    from veilleur.acled import default_conventions
    from veilleur.resolve.places.countries import load_countries

    conventions = default_conventions()
    missing = [c.name for c in load_countries() if not conventions.region(c.name)]
    assert missing == []
    assert [conventions.region(c) for c in ("Syria", "Mali", "Democratic Republic of Congo", "Somalia",
                                            "Afghanistan", "Ukraine", "Mexico", "Haiti")] == [
        "Middle East", "Western Africa", "Middle Africa", "Eastern Africa", "South Asia", "Europe",
        "Central America", "Caribbean"]


def test_acled_csv_loads_in_pandas_with_every_derived_column_filled(tmp_path: Path) -> None:
    """Coded events from the sample's countries: ACLED's column order, and no empty inter1, iso, timestamp,
    region or source_scale."""
    pandas = pytest.importorskip("pandas")
    events = [
        make_event(),
        make_event(actor1="Military Forces of Iraq", actor2="Islamic State", country="Iraq", event_date="2017-05-10",
                   sources=["Army spokesperson"]),
        make_event(actor1="JNIM: Group for Support of Islam and Muslims", actor2="Military Forces of Mali",
                   country="Mali", event_date="2018-01-28", sources=[], source_outlet="RFI"),
        make_event(event_type="Violence against civilians", sub_event_type="Attack",
                   actor1="Unidentified Armed Group (Democratic Republic of Congo)",
                   actor2="Civilians (Democratic Republic of Congo)", country="Democratic Republic of Congo",
                   location="Beni", sources=["United Nations (UN/OCHA)"]),
        make_event(actor1="Saudi-led Coalition", actor2="Houthis (Ansar Allah)", country="Yemen",
                   location="Al Ḩudaydah", sources=["Al Jazeera"]),
    ]
    path = tmp_path / "events.csv"
    write_acled_csv(events, path)
    frame = pandas.read_csv(path, keep_default_na=False, dtype=str)
    assert list(frame.columns) == list(ACLED_COLUMNS)
    for column in ("inter1", "iso", "timestamp", "region", "source_scale", "interaction"):
        assert (frame[column] != "").all(), column
    assert list(frame["iso"]) == ["760", "368", "466", "180", "887"]
    assert frame["location"].iloc[4] == "Al Hudaydah"
    assert pandas.read_csv(path)["timestamp"].dtype.kind == "i"
