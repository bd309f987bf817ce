"""Print the peak memory of ``veilleur extract`` at two input sizes: it should not grow with the input.

``extract`` writes each article's events as soon as it is coded; only the rejections are kept. The
bundled sample is repeated (distinct ids) into a JSON Lines archive of N and 4N articles, and each size is
coded in a fresh process whose peak RSS is read from the kernel.

Usage: python benchmarks/bench_extract_memory.py [N]   (default 100)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from veilleur.ingest import load_published_map, read_paths
from veilleur.records import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
VEILLEUR = Path(sys.executable).parent / "veilleur"


def write_archive(path: Path, count: int) -> None:
    mapping = load_published_map(SAMPLE / "published.jsonl")
    base = [a for a in read_paths([SAMPLE / "articles"], published_map=mapping) if isinstance(a, Article)]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            article = base[i % len(base)]
            published = article.published.isoformat() if article.published else None
            out.write(json.dumps({"id": f"{article.id}-{i}", "text": article.original, "published": published},
                                 ensure_ascii=False) + "\n")


def peak_rss_mib(archive: Path, out: Path) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of one ``veilleur extract`` run, measured by a fresh parent process so
    that each size's peak is its own (the kernel keeps one maximum over all of a process's children)."""
    command = [str(VEILLEUR), "extract", str(archive), "-o", str(out), "--csv", str(out.with_suffix(".csv")), "-q"]
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    started = time.perf_counter()
    peak_kib = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True,
                              text=True).stdout
    return int(peak_kib) / 1024, time.perf_counter() - started


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in (count, 4 * count):
            archive = Path(tmp) / f"archive-{n}.jsonl"
            write_archive(archive, n)
            rss, seconds = peak_rss_mib(archive, Path(tmp) / f"events-{n}.jsonl")
            print(f"extract {n:>6} articles: peak RSS {rss:7.1f} MiB, {seconds:6.1f} s, {n / seconds:5.1f} articles/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
