"""The cost of saving one article into a store that already holds N events (SQLite, and PostgreSQL if given).

The store is filled with N events built as ``bench_cluster.py`` builds them — Veilleur's own coding of the
bundled sample, each event moved to a random day of ``--years`` years and up to ``--spread`` degrees away,
every third one echoed by a second outlet — one stored article per event, then clustered once. Each stored
article has a text of its own (a sample article's words in a shuffled order, so its length and vocabulary
are real) and 32 MinHash band keys that no other article shares, as distinct texts have. The rows go in by
bulk insert: filling is not what is measured.

Then real articles (the sample's, or the first ``--articles`` of ``--source`` that give events) are extracted
once, moved into the store's years (the article's date and its events' dates shifted together), and each is
saved with :meth:`Store.save_article` — one transaction: near-duplicate lookup, event rows, and the
incremental reclustering of the events around them. Every save is timed; the median is reported.

Usage: python benchmarks/bench_store_save.py [N] [--articles 20] [--source FILE.jsonl]
                                             [--postgres postgresql://postgres@127.0.0.1:5432]
Last line: {"events": N, "sqlite_ms": median, "postgresql_ms": median, ...}
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from veilleur.dedupe import BAND_ROWS, NUM_PERM
from veilleur.records import Article, Event
from veilleur.store import Store, convert
from veilleur.store.models import ArticleBandRow, ArticleRow, EventRow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cluster import synthetic  # noqa: E402 - the same synthetic events as the clustering benchmark

SAMPLE = ROOT / "examples" / "sample"
START = date(2015, 1, 1)


def real_articles(source: Path | None, count: int) -> list[tuple[Article, list[Event]]]:
    """Real articles with the events Veilleur codes from them (only those that give events)."""
    from veilleur.ingest import load_published_map, load_source_map, read_paths
    from veilleur.pipeline import Pipeline

    if source is None:
        published = SAMPLE / "published.jsonl"
        docs = read_paths([SAMPLE / "articles"], published_map=load_published_map(published),
                          source_map=load_source_map(published))
    else:
        docs = read_paths([source])
    articles = [a for a in docs if isinstance(a, Article) and a.published is not None]
    out: list[tuple[Article, list[Event]]] = []
    for result in Pipeline.from_defaults().run(articles):
        if result.events:
            out.append((result.article, list(result.events)))
        if len(out) >= count:
            break
    return out


def moved(article: Article, events: list[Event], day: date, number: int) -> tuple[Article, list[Event]]:
    """The article published on ``day`` (its events shifted by as much), under a new id."""
    assert article.published is not None
    delta = day - article.published
    new = replace(article, id=f"real-{number}-{article.id}", url="", published=day)

    def shift(value: str) -> str:
        return (date.fromisoformat(value[:10]) + delta).isoformat() + value[10:] if value else value

    return new, [replace(e, doc=new.id, event_date=shift(e.event_date)) for e in events]


def fill(store: Store, events: list[Event], texts: list[str], seed: int = 5) -> None:
    """Bulk-insert one article per event (shuffled text, unique band keys), then cluster everything once."""
    rng = random.Random(seed)
    bands = NUM_PERM // BAND_ROWS
    chunk = 5000
    with store._write.begin() as s:  # noqa: SLF001 - a benchmark fills the tables directly
        for start in range(0, len(events), chunk):
            part = events[start : start + chunk]
            articles, band_rows, event_rows = [], [], []
            for e in part:
                words = rng.choice(texts).split()
                rng.shuffle(words)
                row = ArticleRow(id=e.doc)
                day = date.fromisoformat(e.event_date)
                convert.fill_article_row(row, Article(e.doc, " ".join(words), source=e.source_outlet or "",
                                                      published=day))
                row.no_event_reason = ""
                articles.append({c: getattr(row, c) for c in ("id", "url", "title", "source", "published", "text",
                                                              "original", "text_hash", "no_event_reason")})
                band_rows.extend({"article_id": e.doc, "band": f"{i}:{rng.getrandbits(96):024x}"}
                                 for i in range(bands))
                r = convert.event_row(e, e.doc, 0)
                event_rows.append({c.key: getattr(r, c.key) for c in EventRow.__table__.columns})
            s.execute(insert(ArticleRow), articles)
            s.execute(insert(ArticleBandRow), band_rows)
            s.execute(insert(EventRow), event_rows)
    store.recluster()
    if store.dialect == "postgresql":
        # autovacuum analyses a table that grew by saves; a bulk load leaves it without statistics, and the
        # planner then scans article_bands whole for the near-duplicate lookup (SQLite keeps none either way)
        with store._writer.begin() as conn:  # noqa: SLF001
            conn.execute(text("ANALYZE"))


def time_saves(store: Store, saves: list[tuple[Article, list[Event]]]) -> list[float]:
    out = []
    for article, events in saves:
        began = time.perf_counter()
        saved = store.save_article(article, events)
        out.append((time.perf_counter() - began) * 1000)
        assert saved.status == "inserted", saved
    return out


@contextmanager
def postgres_database(server: str, name: str) -> Iterator[str]:
    import psycopg

    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def measure(url: str, events: list[Event], texts: list[str], saves: list[tuple[Article, list[Event]]],
            label: str) -> dict[str, float]:
    store = Store(url)
    store.migrate()
    began = time.perf_counter()
    fill(store, events, texts)
    filled = time.perf_counter() - began
    times = time_saves(store, saves)
    store.close()
    result = {f"{label}_ms": round(statistics.median(times), 1), f"{label}_min_ms": round(min(times), 1),
              f"{label}_max_ms": round(max(times), 1), f"{label}_fill_seconds": round(filled, 1)}
    print(f"{label}: fill {filled:.1f} s; save one article: median {result[f'{label}_ms']} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}, {len(times)} articles)", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=100_000, help="events in the store")
    parser.add_argument("--articles", type=int, default=20,
                        help="real articles to save, at most (timed one by one; the sample has 7)")
    parser.add_argument("--source", type=Path, help="JSON Lines of real articles (default: the bundled sample)")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--postgres", help="a PostgreSQL server URL, e.g. postgresql://postgres@127.0.0.1:5432;"
                                           " a database veilleur_bench_store is created and dropped")
    args = parser.parse_args()
    from veilleur.ingest import read_paths

    events = synthetic(args.n, args.years, 3.0, 3, start=START)
    texts = [a.text for a in read_paths([SAMPLE / "articles"]) if isinstance(a, Article)]
    rng = random.Random(3)
    real = real_articles(args.source, args.articles)
    # each on a day of its own inside the store's years (a text is saved once: a second copy is a duplicate)
    saves = [moved(article, events, START + timedelta(days=rng.randrange(365 * args.years)), i)
             for i, (article, events) in enumerate(real)]
    result: dict[str, float | int] = {"events": len(events), "articles_saved": len(saves)}
    with tempfile.TemporaryDirectory() as tmp:
        result |= measure(f"sqlite:///{Path(tmp) / 'store.db'}", events, texts, saves, "sqlite")
    if args.postgres:
        with postgres_database(args.postgres.rstrip("/"), "veilleur_bench_store") as url:
            result |= measure(url, events, texts, saves, "postgresql")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
