"""Batch speed-up from 1 to N dask.distributed workers on this machine, and each worker's peak RSS.

The archive is ``--articles`` JSON Lines records cycling over real French articles: the shared dev, wider
and corpus sets when they are beside the repository (``--shared``), else the bundled sample. Each copy
gets a closing line with its number, so no two texts are equal. For each worker count a fresh
``LocalCluster`` (one thread per worker process, on 127.0.0.1) is started and every worker loads its
pipeline *before* the clock starts: the figure is the steady-state throughput a long run gets; the load
time is printed apart.

Usage: python benchmarks/bench_scaling.py [--articles 1000] [--workers 1,2] [--partition-size 25]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"
SHARED = ROOT.parent / "shared"


def source_records(shared: Path) -> list[dict[str, object]]:
    """Real articles as JSON Lines records (id, text, published, source)."""
    files = [shared / "dev" / "articles.jsonl", shared / "dev" / "wider.jsonl", shared / "corpus" / "articles.jsonl"]
    records: list[dict[str, object]] = []
    for path in (f for f in files if f.exists()):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if records:
        return records
    meta = {}
    for line in (SAMPLE / "published.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            meta[row["id"]] = row
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": meta.get(p.stem, {}).get("published"),
             "source": meta.get(p.stem, {}).get("source", "")} for p in sorted((SAMPLE / "articles").glob("*.txt"))]


def make_archive(path: Path, records: list[dict[str, object]], count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = dict(records[n % len(records)])
            record["id"] = f"{record['id']}-{n}"
            record["text"] = f"{record['text']}\n\nDépêche numéro {n}."
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _load_pipeline() -> int:
    from veilleur.batch import worker_pipeline

    worker_pipeline()
    return os.getpid()


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(workers: int, archive: Path, out: Path, partition_size: int) -> dict[str, object]:
    from distributed import Client, LocalCluster

    from veilleur.batch import run_batch

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        started = time.perf_counter()
        client.run(_load_pipeline)
        load_seconds = time.perf_counter() - started
        cpu_before = client.run(_cpu_seconds)
        report = run_batch([archive], out, partition_size=partition_size, scheduler=cluster.scheduler_address)
        rss = sorted(client.run(_peak_rss_mib).values())
        cpu = sum(after - cpu_before[worker] for worker, after in client.run(_cpu_seconds).items())
    return {"workers": workers, "articles": report.articles, "events": report.events,
            "seconds": round(report.seconds, 2), "articles_per_second": round(report.articles_per_second, 2),
            "load_seconds": round(load_seconds, 1), "worker_peak_rss_mib": [round(r) for r in rss],
            # CPU seconds the workers spent on the batch: if it does not grow with the workers, no work is
            # repeated per worker, and a speed-up short of N comes from the cores other processes take
            "worker_cpu_seconds": round(cpu, 1),
            "load_average": round(os.getloadavg()[0], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    records = source_records(args.shared)
    rows = []
    with tempfile.TemporaryDirectory(prefix="veilleur-scaling-") as tmp:
        archive = Path(tmp) / "archive.jsonl"
        make_archive(archive, records, args.articles)
        print(f"{args.articles} articles from {len(records)} distinct texts, partitions of {args.partition_size}; "
              f"{os.cpu_count()} CPUs")
        for count in (int(n) for n in args.workers.split(",")):
            row = run(count, archive, Path(tmp) / f"out{count}", args.partition_size)
            rows.append(row)
            print(json.dumps(row))
    first = rows[0]
    for row in rows[1:]:
        speedup = float(row["articles_per_second"]) / float(first["articles_per_second"])  # type: ignore[arg-type]
        cpu_ratio = float(row["worker_cpu_seconds"]) / float(first["worker_cpu_seconds"])  # type: ignore[arg-type]
        print(f"speed-up {first['workers']} -> {row['workers']} workers: {speedup:.2f}x "
              f"(worker CPU time {cpu_ratio:.2f}x that of {first['workers']})")


if __name__ == "__main__":
    main()
