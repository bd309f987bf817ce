"""Resident memory of one long ``veilleur extract`` stream, sampled as it goes: it should stay flat.

The input is N articles built by cycling real texts (a JSON Lines file such as the corpus, or the bundled
sample) with a distinct id each. So that spaCy's string store and the vocabulary see new strings as a real
stream would, every article's numbers are replaced by other numbers and a byline with a made-up name
(syllables drawn from the article's index) is appended; the events found change little. One ``veilleur
extract --report`` process codes the whole stream; its RSS and peak RSS (VmHWM) are read from /proc each
time the report file has passed another checkpoint (one report line per article).

Usage: python benchmarks/bench_stream_rss.py N [--source FILE.jsonl] [--keep DIR] [--checkpoints 1000,10000,...]
Prints one line per checkpoint and a JSON last line {"articles": N, "checkpoints": {...}}.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VEILLEUR = Path(sys.executable).parent / "veilleur"
SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample"
SYLLABLES = ["ba", "ker", "lou", "mi", "dra", "sen", "tor", "vi", "gan", "el", "ro", "zu", "pha", "nel", "di",
             "quo", "mar", "tes", "oul", "ry", "ja", "fen", "bro", "ise"]
NUMBER = re.compile(r"\d+")


def made_up_name(index: int, parts: int) -> str:
    rng = random.Random(index)
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def vary(text: str, index: int) -> str:
    rng = random.Random(index)
    text = NUMBER.sub(lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group())))
                      if len(m.group()) > 1 else str(rng.randrange(2, 10)), text)
    return f"{text}\n\nPar {made_up_name(2 * index, 2)} {made_up_name(2 * index + 1, 3)}, à {made_up_name(index, 3)}."


def source_records(source: Path | None) -> list[dict[str, str | None]]:
    """The texts to cycle: a JSON Lines file's records, or the bundled sample's articles."""
    if source is not None:
        return [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    from veilleur.ingest import load_published_map, read_paths
    from veilleur.records import Article

    mapping = load_published_map(SAMPLE / "published.jsonl")
    return [{"id": a.id, "text": a.original, "published": a.published.isoformat() if a.published else None}
            for a in read_paths([SAMPLE / "articles"], published_map=mapping) if isinstance(a, Article)]


def write_stream(source: Path | None, path: Path, count: int) -> None:
    base = source_records(source)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = base[i % len(base)]
            out.write(json.dumps({"id": f"{record['id']}-s{i}", "text": vary(record["text"], i),
                                  "published": record.get("published")}, ensure_ascii=False) + "\n")


def status_mib(pid: int) -> tuple[float, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", type=int)
    parser.add_argument("--source", type=Path, help="JSON Lines of real articles (default: the bundled sample)")
    parser.add_argument("--keep", type=Path, help="write the stream and outputs here (default: a temp dir)")
    parser.add_argument("--checkpoints", default="1000,10000,50000,100000")
    args = parser.parse_args()
    checkpoints = sorted(n for n in (int(x) for x in args.checkpoints.split(",")) if n <= args.articles)
    if not checkpoints or checkpoints[-1] != args.articles:
        checkpoints.append(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        stream, report, events = work / "stream.jsonl", work / "report.jsonl", work / "events.jsonl"
        write_stream(args.source, stream, args.articles)
        report.unlink(missing_ok=True)
        started = time.perf_counter()
        process = subprocess.Popen([str(VEILLEUR), "extract", str(stream), "-o", str(events), "--report",
                                    str(report), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        results: dict[int, dict[str, float]] = {}
        pending = list(checkpoints)
        last = (0.0, 0.0)
        while process.poll() is None and pending:
            done = count_lines(report)
            try:
                last = status_mib(process.pid)
            except (FileNotFoundError, ProcessLookupError, KeyError):
                break
            while pending and done >= pending[0]:
                rss, hwm = last
                results[pending[0]] = {"rss_mib": round(rss, 1), "peak_rss_mib": round(hwm, 1),
                                       "seconds": round(time.perf_counter() - started, 1)}
                print(f"{pending[0]:>7} articles: RSS {rss:7.1f} MiB, peak {hwm:7.1f} MiB, "
                      f"{time.perf_counter() - started:8.1f} s", flush=True)
                pending.pop(0)
            time.sleep(0.5)
        process.wait()
        if pending:  # the last checkpoint (end of stream) is the process's final peak
            rss, hwm = last
            results[pending[0]] = {"rss_mib": round(rss, 1), "peak_rss_mib": round(hwm, 1),
                                   "seconds": round(time.perf_counter() - started, 1)}
            print(f"{pending[0]:>7} articles: RSS {rss:7.1f} MiB, peak {hwm:7.1f} MiB (last sample before exit)")
        first = results[checkpoints[0]]["peak_rss_mib"]
        growth = {n: round(r["peak_rss_mib"] / first - 1, 4) for n, r in results.items()}
        print(json.dumps({"articles": args.articles, "returncode": process.returncode, "checkpoints": results,
                          "peak_growth_vs_first": growth}))


if __name__ == "__main__":
    main()
