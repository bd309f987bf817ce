#!/usr/bin/env python3
"""Check a coder's output file: fields, types, verbatim evidence, dates and coordinates.

usage: check_coding.py OUT.jsonl [--batch BATCH.txt]
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from common import load_articles

TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"},
    "Violence against civilians": {"Attack", "Abduction/forced disappearance", "Sexual violence"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
FIELDS = {"event_type": str, "sub_event_type": str, "actor1": str, "assoc_actor_1": str, "actor2": str,
          "assoc_actor_2": str, "location": str, "admin1": str, "country_code": str, "latitude": float,
          "longitude": float, "geo_precision": int, "event_date": str, "time_precision": int,
          "fatalities": int, "evidence": str}


def latest_day(published: str, precision: str) -> date:
    """The last day an event may have: publication, or the end of its month when only the month is known."""
    day = date.fromisoformat(published)
    if precision != "month":
        return day
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def check_event(event: dict, text: str, published: str, precision: str = "day") -> list[str]:
    errors = [f"missing field {name}" for name in FIELDS if name not in event]
    for name, kind in FIELDS.items():
        value = event.get(name)
        if name in event and not (isinstance(value, kind) or (kind is float and isinstance(value, int))):
            errors.append(f"{name} should be {kind.__name__}, is {value!r}")
    if event.get("sub_event_type") not in TYPES.get(event.get("event_type", ""), set()):
        errors.append(f"bad type pair {event.get('event_type')!r} / {event.get('sub_event_type')!r}")
    if isinstance(event.get("evidence"), str) and event["evidence"] not in text:
        errors.append(f"evidence not found verbatim: {event['evidence'][:80]!r}")
    try:
        day = date.fromisoformat(event.get("event_date", ""))
        if day > latest_day(published, precision):
            errors.append(f"event_date {day} after publication {published} ({precision} precision)")
    except (TypeError, ValueError):
        errors.append(f"bad event_date {event.get('event_date')!r}")
    if event.get("geo_precision") not in (1, 2, 3) or event.get("time_precision") not in (1, 2, 3):
        errors.append("precisions must be 1, 2 or 3")
    lat, lon = event.get("latitude"), event.get("longitude")
    if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90
            and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        errors.append("bad coordinates")
    if isinstance(event.get("fatalities"), int) and event["fatalities"] < 0:
        errors.append("negative fatalities")
    if not event.get("actor1"):
        errors.append("actor1 is empty")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--batch")
    args = parser.parse_args()
    articles = load_articles()
    problems = 0
    seen: list[str] = []
    for number, line in enumerate(Path(args.out).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"line {number}: invalid JSON: {error}")
            problems += 1
            continue
        doc = record.get("doc")
        if doc not in articles:
            print(f"line {number}: unknown doc {doc!r}")
            problems += 1
            continue
        seen.append(doc)
        if not isinstance(record.get("events"), list):
            print(f"{doc}: 'events' must be a list")
            problems += 1
            continue
        for index, event in enumerate(record["events"]):
            article = articles[doc]
            for error in check_event(event, article["text"], article["published"], article["published_precision"]):
                print(f"{doc} event {index}: {error}")
                problems += 1
    if args.batch:
        wanted = Path(args.batch).read_text(encoding="utf-8").split()
        missing = [doc for doc in wanted if doc not in seen]
        if missing:
            print(f"not coded yet: {' '.join(missing)}")
            problems += len(missing)
    dupes = {doc for doc in seen if seen.count(doc) > 1}
    if dupes:
        print(f"coded more than once (keep one line each): {' '.join(sorted(dupes))}")
        problems += len(dupes)
    print(f"{len(seen)} article lines, {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
