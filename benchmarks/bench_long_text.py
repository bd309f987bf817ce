"""Cost per character of one long article through the whole pipeline, at several lengths.

The text is the bundled sample's articles, paragraph after paragraph, repeated (each repeat numbered) up to
each length; one fresh article per length, in one process after the resources are loaded. Texts longer than
``annotate.CHUNK_CHARS`` are parsed in pieces cut at paragraph breaks, so spaCy's 1,000,000-character limit
is never reached and the cost per character should stay flat.

Usage: python benchmarks/bench_long_text.py [LENGTH ...]   (default 1000 100000 500000 1500000)
Prints one JSON line per length: characters, seconds, microseconds per character, events, peak RSS so far.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

from veilleur.ingest import article_from_text
from veilleur.pipeline import Pipeline
from veilleur.records import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"


def sample_paragraphs() -> list[str]:
    return [p.strip() for path in sorted((SAMPLE / "articles").glob("*.txt"))
            for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


def long_text(length: int) -> str:
    paragraphs = sample_paragraphs()
    out: list[str] = []
    size, n = 0, 0
    while size < length:
        paragraph = f"{paragraphs[n % len(paragraphs)]} (suite {n // len(paragraphs)})"
        out.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    return "\n\n".join(out)[:length]


def main(lengths: list[int]) -> None:
    pipeline = Pipeline.from_defaults()
    # loads spaCy, the gazetteer and the registries before the clock, and the detailed gazetteer of every
    # country the texts may rank first (each paragraph alone and all of them), so no length pays for it
    for n, text in enumerate([*sample_paragraphs(), "\n\n".join(sample_paragraphs())]):
        warm = article_from_text(f"warm-{n}", text, published=date(2017, 3, 2))
        if isinstance(warm, Article):
            pipeline.process(warm)
    for length in lengths:
        article = article_from_text(f"long-{length}", long_text(length), published=date(2017, 3, 2),
                                    max_chars=max(length, 2_000_000))
        if not isinstance(article, Article):
            print(json.dumps({"characters": length, "rejected": article.reason}))
            continue
        started = time.perf_counter()
        result = pipeline.process(article)
        seconds = time.perf_counter() - started
        print(json.dumps({
            "characters": len(article.text), "seconds": round(seconds, 2),
            "us_per_char": round(seconds / len(article.text) * 1e6, 1), "events": len(result.events),
            "rejection": result.rejection.reason if result.rejection else None,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 100_000, 500_000, 1_500_000])
