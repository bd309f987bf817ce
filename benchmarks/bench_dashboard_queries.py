"""What the dashboard asks the API, timed on a SQLite store of N articles.

The store is filled from the hand-written test corpus (``tests/fixtures_dedupe/corpus.json``): each of its
events is copied onto a new article, moved to a random day of three years; every tenth article is stored
with no event (as an article that gave none), so the articles list has zeros to count. Then each request
the dashboard makes is sent through the app (FastAPI's test client, no network) ``--repeat`` times and the
median time printed: the overview (events page, stats) unfiltered and filtered by an alias ("Daech") and
a French country name ("Syrie"), the filtered CSV and GeoJSON downloads, and the articles list.

Usage: python benchmarks/bench_dashboard_queries.py N [--repeat 5]
Last line: {"articles": N, "events": E, "fill_seconds": S, "<request>": median seconds, ...}
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from veilleur.api import create_app
from veilleur.records import Article
from veilleur.store import Store

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import load_corpus  # noqa: E402 - the test corpus loader lives with the tests

REQUESTS = {
    "events_page": "/events?limit=1000",
    "stats": "/stats",
    "events_page_daech_syrie": "/events?limit=1000&actor=Daech&country=Syrie",
    "stats_daech_syrie": "/stats?actor=Daech&country=Syrie",
    "events_csv_daech": "/events.csv?actor=Daech",
    "events_geojson_daech": "/events.geojson?actor=Daech",
    "events_csv_all": "/events.csv",
    "articles_page": "/articles?limit=1000",
    "articles_without_events": "/articles?without_events=true&limit=1000",
}


def fill(store: Store, n: int, seed: int = 7) -> int:
    """Store ``n`` articles built from the test corpus; returns the number of events stored."""
    rng = random.Random(seed)
    corpus = load_corpus()
    start = date(2016, 1, 1)
    stored = 0
    for i in range(n):
        event = corpus.events[i % len(corpus.events)]
        source = corpus.article(event.doc)
        day = start + timedelta(days=rng.randrange(3 * 365))
        article = Article(f"bench-{i}", f"{source.text} (copie {i})", title=source.title, source=source.source,
                          published=day)
        if i % 10 == 9:
            store.save_article(article, [], no_event_reason="no event recognised")
            continue
        moved = replace(event, doc=article.id, event_date=day.isoformat())
        stored += store.save_article(article, [moved]).events
    return stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="articles to store")
    parser.add_argument("--repeat", type=int, default=5, help="times each request is sent (median kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        store.migrate()
        began = time.perf_counter()
        events = fill(store, args.n)
        figures: dict[str, float | int] = {"articles": args.n, "events": events,
                                           "fill_seconds": round(time.perf_counter() - began, 2)}
        with TestClient(create_app(store)) as client:
            for name, url in REQUESTS.items():
                times = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - t0)
                    response.raise_for_status()
                figures[name] = round(statistics.median(times), 4)
                print(f"{name:28} {figures[name]:8.4f} s  ({len(response.content):,} bytes)  GET {url}")
        store.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
