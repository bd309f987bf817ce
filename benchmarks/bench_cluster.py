"""Cross-article clustering time on N events built from real coded events shifted in time and space.

The seed events are Veilleur's own coding of the bundled sample (``examples/sample``), extracted once and
cached next to this file's temporary folder. Each synthetic event is a seed event moved to a random day of
``--years`` years and by a random offset of up to ``--spread`` degrees, and every ``--echo``-th event is
echoed by a second "outlet" (same day and place, so that clusters with two members exist as in real news).

Usage: python benchmarks/bench_cluster.py N [--years 5] [--spread 3.0] [--echo 3]
Last line: {"events": N, "seconds": S, "clusters": C}
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from veilleur.dedupe import cluster_events
from veilleur.records import Event

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
CACHE = Path(tempfile.gettempdir()) / "veilleur-bench-seed-events.json"


def seed_events() -> list[Event]:
    """The sample's coded events (extracted once, then read from the cache)."""
    if CACHE.exists():
        rows = json.loads(CACHE.read_text(encoding="utf-8"))
    else:
        from veilleur.ingest import load_published_map, load_source_map, read_paths
        from veilleur.pipeline import Pipeline

        published = SAMPLE / "published.jsonl"
        articles = [
            a for a in read_paths([SAMPLE / "articles"], published_map=load_published_map(published),
                                  source_map=load_source_map(published))
            if not hasattr(a, "reason")
        ]
        rows = [
            {k: getattr(e, k) for k in ("doc", "event_type", "sub_event_type", "actor1", "actor2", "location",
                                        "admin1", "country", "latitude", "longitude", "geo_precision",
                                        "event_date", "time_precision", "fatalities", "source_outlet")}
            for result in Pipeline().run(articles) for e in result.events  # type: ignore[arg-type]
        ]
        CACHE.write_text(json.dumps(rows), encoding="utf-8")
    return [Event(**row) for row in rows if row["latitude"] is not None]


def synthetic(
    n: int, years: int, spread: float, echo: int, seed: int = 11, start: date = date(2015, 1, 1)
) -> list[Event]:
    rng = random.Random(seed)
    seeds = seed_events()
    out: list[Event] = []
    while len(out) < n:
        base = rng.choice(seeds)
        day = start + timedelta(days=rng.randrange(365 * years))
        lat = max(-89.0, min(89.0, base.latitude + rng.uniform(-spread, spread)))  # type: ignore[operator]
        lon = base.longitude + rng.uniform(-spread, spread)  # type: ignore[operator]
        number = len(out)
        event = replace(base, doc=f"doc{number}", latitude=lat, longitude=lon, event_date=day.isoformat(),
                        source_outlet=f"outlet{number % 50}")
        out.append(event)
        if echo and number % echo == 0 and len(out) < n:
            out.append(replace(event, doc=f"doc{number}b", source_outlet="echo"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--spread", type=float, default=3.0)
    parser.add_argument("--echo", type=int, default=3)
    args = parser.parse_args()
    events = synthetic(args.n, args.years, args.spread, args.echo)
    began = time.perf_counter()
    clusters = cluster_events(events)
    seconds = time.perf_counter() - began
    print(json.dumps({"events": len(events), "seconds": round(seconds, 3), "clusters": len(clusters)}))


if __name__ == "__main__":
    main()
