#!/usr/bin/env python3
"""Write the adjudicators' packets: for each double-coded article where the two codings differ (type,
sub-type, actors, place, date or toll of any event), both codings side by side, evidence quoted.

usage: make_adjudication.py N   -> corpus/work/adjudication/packetK.txt (K = 1..N) and the id lists
"""
from __future__ import annotations

import sys

from build_gold import saved_codings
from common import REPO, load_articles
from folds import double_coded

KEYS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities")
SHOWN = ("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
         "admin1", "country", "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities")


def signature(events: list[dict]) -> list[tuple]:
    return sorted(tuple(str(e.get(k, "")) for k in KEYS) for e in events)


def describe(label: str, events: list[dict]) -> list[str]:
    lines = [f"--- {label}: {len(events)} event(s)"]
    for n, event in enumerate(events, 1):
        lines.append(f"  [{n}] " + " | ".join(f"{k}={event.get(k, '')}" for k in SHOWN))
        lines.append(f"      evidence: {event['evidence']}")
    return lines


def main() -> int:
    parts = int(sys.argv[1])
    articles = load_articles()
    codings = REPO / "corpus" / "codings"
    first = saved_codings(codings / "first-all.jsonl", articles)
    second = saved_codings(codings / "second-all.jsonl", articles)
    both = [doc for doc in double_coded(sorted(articles)) if doc in first and doc in second]
    differing = [doc for doc in both if signature(first[doc]["events"]) != signature(second[doc]["events"])]
    out = REPO / "corpus" / "work" / "adjudication"
    out.mkdir(parents=True, exist_ok=True)
    for k in range(parts):
        docs = differing[k::parts]
        (out / f"adjudication{k + 1}.txt").write_text("\n".join(docs) + "\n", encoding="utf-8")
        lines: list[str] = []
        for doc in docs:
            lines += [f"=== {doc}", *describe("coding A", first[doc]["events"]),
                      *describe("coding B", second[doc]["events"]), ""]
        (out / f"packet{k + 1}.txt").write_text("\n".join(lines), encoding="utf-8")
        print(f"packet{k + 1}: {len(docs)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
