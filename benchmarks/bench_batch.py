"""Print batch throughput (articles/s) and peak RSS for the synchronous, threads and processes schedulers.

The archive is the bundled sample (``examples/sample/articles``) repeated to about ``--articles`` JSON Lines
records. Each scheduler runs in a fresh Python process, so every figure includes loading the pipeline
(once for synchronous/threads, once per worker for processes) -- the cost a real run pays.

Usage: python benchmarks/bench_batch.py [--articles 200] [--partition-size 25] [--workers 2] [--db]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
MODES = ("synchronous", "threads", "processes")


def make_archive(path: Path, count: int) -> int:
    """``count`` records cycling over the sample articles, each with its own id and the sample's date."""
    meta = {}
    for line in (SAMPLE / "published.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            meta[row["id"]] = row
    texts = sorted((SAMPLE / "articles").glob("*.txt"))
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            source = texts[n % len(texts)]
            info = meta.get(source.stem, {})
            record = {"id": f"{source.stem}-{n}", "text": source.read_text(encoding="utf-8"),
                      "published": info.get("published"), "source": info.get("source", "")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def run_one(mode: str, archive: Path, out: Path, partition_size: int, workers: int, db: str | None) -> None:
    """In the child process: one batch, then a JSON line with the report and peak RSS (MiB)."""
    from veilleur.batch import run_batch

    started = time.perf_counter()
    report = run_batch([archive], out, db=db, partition_size=partition_size, scheduler=mode, workers=workers)
    seconds = time.perf_counter() - started
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest finished worker
    print(json.dumps({"mode": mode, "articles": report.articles, "events": report.events,
                      "partitions": report.partitions, "seconds": seconds, "stored": report.stored,
                      "driver_mib": driver, "worker_mib": worker}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", action="store_true", help="Also store into a fresh SQLite file per scheduler.")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.child, args.archive, args.out, args.partition_size, args.workers, args.db_url)
        return

    with tempfile.TemporaryDirectory(prefix="veilleur-bench-") as tmp:
        archive = Path(tmp) / "archive.jsonl"
        make_archive(archive, args.articles)
        print(f"{args.articles} articles, partitions of {args.partition_size}, {args.workers} workers"
              + (", storing into SQLite" if args.db else ""))
        print(f"{'scheduler':<12} {'articles':>8} {'events':>7} {'seconds':>8} {'art/s':>7} "
              f"{'driver RSS':>11} {'worker RSS':>11}")
        for mode in args.modes.split(","):
            command = [sys.executable, __file__, "--child", mode, "--archive", str(archive),
                       "--out", str(Path(tmp) / mode), "--partition-size", str(args.partition_size),
                       "--workers", str(args.workers)]
            if args.db:
                command += ["--db-url", f"sqlite:///{Path(tmp) / (mode + '.db')}"]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            worker = f"{row['worker_mib']:.0f} MiB" if mode == "processes" else "-"
            print(f"{mode:<12} {row['articles']:>8} {row['events']:>7} {row['seconds']:>8.1f} "
                  f"{row['articles'] / row['seconds']:>7.1f} {row['driver_mib']:>7.0f} MiB {worker:>11}"
                  + (f"  stored {row['stored']}" if args.db else ""))


if __name__ == "__main__":
    main()
