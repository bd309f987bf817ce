"""Score the geocoder on others' test material: Natural Earth places with their French names.

Each row of ``<shared>/peer/places/ne_places_fr.tsv`` is geocoded by its French name with its country
(``Geocoder.geocode``, the same call as ``veilleur geocode --country CC NAME``). A row is right when the
chosen place lies within 25 km of Natural Earth's point; a *false friend* is a place chosen 25 km or more
away; an unresolved row is neither. Figures are printed overall and by ``scope``.

``--half odd`` or ``--half even`` scores only the odd or even data rows (first row = 1): develop a rule on
one half, then check that it holds on the other, which was not looked at while writing it.

Usage: python scripts/eval_places_peer.py [SHARED_DIR] [--half odd|even] [--misses N]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

from veilleur.records import great_circle_km
from veilleur.resolve.places.geocoder import Geocoder

REPO = Path(__file__).resolve().parents[1]
RIGHT_KM = 25.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--half", choices=("odd", "even"), help="score only the odd or even data rows")
    parser.add_argument("--misses", type=int, default=15, help="print this many wrong rows")
    args = parser.parse_args()
    geocoder = Geocoder()
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    with (args.shared / "peer" / "places" / "ne_places_fr.tsv").open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=1):
            if args.half and (number % 2 == 1) != (args.half == "odd"):
                continue
            answer = geocoder.geocode(row["name_fr"], row["iso_a2"])
            scope = "in coverage" if row["scope"] == "in coverage" else "outside the old coverage"
            if answer.chosen is None:
                outcome = "unresolved"
                misses.append(f"#{number} {row['name_fr']} ({row['iso_a2']}) -> unresolved")
            else:
                place = answer.chosen.place
                km = great_circle_km(place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"]))
                outcome = "right" if km < RIGHT_KM else "false friend"
                if outcome != "right":
                    misses.append(f"#{number} {row['name_fr']} ({row['iso_a2']}) -> {place.name}, {place.country}: "
                                  f"{km:.0f} km")
            for group in ("all", scope):
                counts[group][outcome] += 1
    for group in ("all", "in coverage", "outside the old coverage"):
        c = counts[group]
        total = sum(c.values())
        if not total:
            continue
        print(f"{group}: {total} rows, right {c['right'] / total:.3f}, false friends {c['false friend']} "
              f"({c['false friend'] / total:.3f}), unresolved {c['unresolved']}")
    for line in misses[: args.misses]:
        print("  " + line)


if __name__ == "__main__":
    main()
