"""Print pipeline throughput and peak memory on the bundled sample (repeated to a few hundred articles).

Usage: python benchmarks/bench_pipeline.py [REPEAT] [ROUNDS] [ARTICLES]
ARTICLES (files, folders or JSON Lines as `veilleur extract` reads them) replaces the sample, e.g. the longer
articles of ../shared/corpus/articles.jsonl: the pipeline's own cost is partly per article, so short texts
show the lowest ratio.
The pipeline and bare spaCy run alternately ROUNDS times (default 3) and the fastest round of each is kept:
on a shared machine, other processes only ever add time. The ratio is printed from wall-clock time and from
the process's CPU time.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from veilleur.ingest import article_from_text, load_published_map, read_paths
from veilleur.pipeline import Pipeline
from veilleur.records import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample"


def main(repeat: int, rounds: int, source: Path | None = None) -> None:
    if source is None:
        mapping = load_published_map(SAMPLE / "published.jsonl")
        base = [a for a in read_paths([SAMPLE / "articles"], published_map=mapping) if isinstance(a, Article)]
    else:
        base = [a for a in read_paths([source]) if isinstance(a, Article)]
    # every copy's text differs (a closing line with its number), so no per-text cache serves a repeat
    copies = (article_from_text(f"{a.id}-{i}", f"{a.original}\n\nDépêche numéro {i}.", published=a.published,
                                source=a.source) for i in range(repeat) for a in base)
    articles = [a for a in copies if isinstance(a, Article)]
    chars = sum(len(a.text) for a in articles)

    started = time.perf_counter()
    pipeline = Pipeline.from_defaults()
    for article in base:  # loads spaCy, the gazetteer (with the sample's countries) and the registries
        pipeline.process(article)
    pipeline.warm_up()  # and freezes them out of the garbage collector's walks, as the CLI and workers do
    load_seconds = time.perf_counter() - started

    nlp = pipeline.annotator.nlp
    runs: list[tuple[float, float, float, float]] = []  # pipeline wall, CPU; bare spaCy wall, CPU
    for _ in range(rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        events = sum(len(r.events) for r in pipeline.run(articles))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        # the same texts through the same spaCy components alone, in the same process: the pipeline's overhead
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((a.text for a in articles), batch_size=16):
            pass
        runs.append((seconds, cpu, time.perf_counter() - started, time.process_time() - cpu_started))
        print(f"round {len(runs)}: pipeline {seconds:.2f} s ({cpu:.2f} s CPU), bare spaCy {runs[-1][2]:.2f} s "
              f"({runs[-1][3]:.2f} s CPU)", flush=True)
    # other processes on the cores only ever add time: the fastest of the alternated rounds is the cost
    seconds, cpu, bare, bare_cpu = (min(run[k] for run in runs) for k in range(4))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"resources loaded in {load_seconds:.2f} s")
    print(f"{len(articles)} articles ({chars / 1000:.0f}k chars) -> {events} events in {seconds:.2f} s")
    rate = f"{len(articles) / seconds:.1f} articles/s, {chars / seconds / 1000:.1f}k chars/s"
    print(f"{rate}, peak RSS {peak_mib:.0f} MiB")
    print(f"bare spaCy ({', '.join(nlp.pipe_names)}): {bare:.2f} s; pipeline / bare spaCy throughput "
          f"= {bare / seconds:.2f} (fastest of {rounds} alternated rounds each)")
    print(f"CPU time: pipeline {cpu:.2f} s, bare spaCy {bare_cpu:.2f} s; ratio {bare_cpu / cpu:.3f}")

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20, int(sys.argv[2]) if len(sys.argv) > 2 else 3,
         Path(sys.argv[3]) if len(sys.argv) > 3 else None)
