"""Score the geocoder on the toponym table ``tests/data/toponyms.csv`` (names as French outlets write them,
each in a sentence): a row is right when the place chosen lies within its tolerance and, when the row gives
one, has its precision. The same call as ``veilleur geocode NAME --context SENTENCE``.

``--half odd`` or ``--half even`` scores only the odd or even rows (first row = 1), so a rule developed on one
half can be checked on the other.

Usage: python scripts/eval_toponyms.py [--half odd|even] [--misses N]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from veilleur.records import great_circle_km
from veilleur.resolve.places.geocoder import Geocoder

TOPONYMS = Path(__file__).resolve().parents[1] / "tests" / "data" / "toponyms.csv"


def outcome(geocoder: Geocoder, row: dict[str, str]) -> str:
    """"" when the row is resolved as expected, else what went wrong."""
    found = geocoder.geocode(row["surface"], context=row["sentence"]).chosen
    if found is None:
        return "not found"
    km = great_circle_km(found.place.latitude, found.place.longitude, float(row["latitude"]), float(row["longitude"]))
    if km > float(row["tolerance_km"]):
        return f"{found.place.name} ({found.place.country}) is {km:.0f} km off"
    if row["precision"] and found.precision != int(row["precision"]):
        return f"precision {found.precision}, expected {row['precision']}"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("odd", "even"), help="score only the odd or even rows")
    parser.add_argument("--misses", type=int, default=15, help="print this many wrong rows")
    args = parser.parse_args()
    geocoder = Geocoder()
    with TOPONYMS.open(encoding="utf-8") as handle:
        rows = [(n, r) for n, r in enumerate(csv.DictReader(handle), start=1)
                if not args.half or (n % 2 == 1) == (args.half == "odd")]
    wrong = [(n, r, why) for n, r in rows if (why := outcome(geocoder, r))]
    print(f"{len(rows)} names, right {1 - len(wrong) / len(rows):.3f}, wrong {len(wrong)}")
    for n, row, why in wrong[: args.misses]:
        print(f"  #{n} {row['surface']} -> {row['expected']}: {why}")


if __name__ == "__main__":
    main()
