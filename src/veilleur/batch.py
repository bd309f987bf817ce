"""Big archives in parallel with Dask: inputs in partitions, one events and one rejections file per partition.

Plan (driver)
    The inputs are planned, not read: folders are walked (sorted, hidden entries skipped, as
    :func:`veilleur.ingest.read_paths` does) and JSON Lines files are scanned once for line boundaries, so
    a partition is a small descriptor -- some files, or a byte range of a JSONL file with its first line
    number. The driver holds one descriptor per partition, never the documents. A partition takes up to
    ``partition_size`` documents: a JSONL line is one, any other file counts as one (a JSON list or a feed
    may hold more).

Work (Dask workers)
    A ``dask.bag`` holds one descriptor per partition; each is mapped through :func:`run_partition`, which
    reads its documents exactly as ``read_paths`` would (same ids, same reasons), runs them through the
    per-process :class:`~veilleur.pipeline.Pipeline` (:func:`worker_pipeline`, built once per process),
    writes ``events-NNNNN.jsonl`` (:func:`veilleur.export.write_jsonl`) and ``rejections-NNNNN.jsonl``
    (``doc``, ``reason``, ``path``, ``stage``: read | extract | store, ``partition``), and returns a small
    summary. Files are written under a temporary name and renamed, so a file is either whole or absent.
    Output follows input order within a partition, so it does not depend on the scheduler. A bad document
    -- unreadable, not French, malformed JSON, a pipeline or store failure -- becomes a rejection line;
    the partition goes on.

Schedulers
    Dask's local ``processes`` (the default), ``threads`` and ``synchronous`` schedulers, or the address of
    a dask.distributed scheduler (``tcp://HOST:PORT``) whose workers -- on this machine or others -- run
    the partitions. Distributed workers must see the inputs and ``out_dir`` at the same paths (a shared
    file system) and load their own pipeline, once per worker process (``docs/scale.md``).

Storing (``db``), one transaction per article (:meth:`Store.save_article`)
    * ``synchronous`` and ``threads`` schedulers, or any scheduler with PostgreSQL: the workers save, through
      a :class:`~veilleur.store.Store` cached per process (:func:`worker_store`). In one process the store's
      lock serialises writes; across processes PostgreSQL's advisory lock does.
    * ``processes`` or a distributed scheduler with SQLite: SQLite has one writer, and worker processes competing
      for the file would contend on its lock (and an in-memory database would be private to each worker). So the
      workers only extract: each spools its partition's ``(article, events)`` to a pickle in a private temporary
      folder of ``out_dir``, and the driver -- the single writer -- saves the partitions in partition order while
      the workers go on, deleting each spool once saved. The database then does not depend on worker timing. Store
      failures found by the driver are appended to that partition's rejections file.
    The schema is migrated once, by the driver, before any partition runs.

Earlier ``events-*.jsonl`` / ``rejections-*.jsonl`` files in ``out_dir`` are removed first, so the folder
holds exactly one run's output.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from veilleur.export import write_jsonl
from veilleur.ingest import load_published_map, read_paths
from veilleur.ingest.records import read_jsonl_line
from veilleur.ingest.text import ReadOptions
from veilleur.records import Article, Event, Rejection

if TYPE_CHECKING:
    from veilleur.pipeline import ArticleResult, Pipeline
    from veilleur.store import Store

__all__ = [
    "SCHEDULERS",
    "BatchReport",
    "ErrorPiece",
    "FilePiece",
    "LinesPiece",
    "PartitionSummary",
    "PartitionTask",
    "WorkerConfig",
    "plan_partitions",
    "read_task",
    "run_batch",
    "run_partition",
    "worker_pipeline",
    "worker_store",
]

SCHEDULERS = ("processes", "threads", "synchronous")
# a dask.distributed scheduler's address: "tcp://10.0.0.5:8786" (its workers run the partitions)
SCHEDULER_ADDRESS = re.compile(r"(?:tcp|tls|ws|wss|inproc)://\S+")
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_OUTPUT_NAME = re.compile(r"(?:events|rejections)-\d+\.jsonl")
SPOOL_PREFIX = ".batch-spool-"
_SPOOL_NAME = re.compile(re.escape(SPOOL_PREFIX) + r"(\d+)-\w+")  # the pid of the run that spooled
WATCHDOG_SECONDS = 1.0
_SPOOL_POLL_SECONDS = 0.05
DISTRIBUTED_CONNECT_SECONDS = 10


# ---------------------------------------------------------------- per-process resources


@lru_cache(maxsize=1)
def worker_pipeline() -> Pipeline:
    """This process's pipeline, built and warmed up (spaCy and gazetteer loaded, then frozen out of the garbage
    collector's walks: :meth:`Pipeline.warm_up`) on first call."""
    from veilleur.pipeline import Pipeline

    return Pipeline.loaded()  # lazy resources load now, not in a race


@lru_cache(maxsize=4)
def worker_store(url: str) -> Store:
    """This process's store for ``url`` (thread-safe: its lock serialises writes)."""
    from veilleur.store import Store

    return Store(url)


# ---------------------------------------------------------------- plan


@dataclass(frozen=True)
class FilePiece:
    """A whole file (any format ``read_paths`` reads), or a path that does not exist."""

    path: str


@dataclass(frozen=True)
class LinesPiece:
    """Bytes ``[start, end)`` of a JSON Lines file; the first of these lines is line ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int


@dataclass(frozen=True)
class ErrorPiece:
    """A problem found while planning (a folder that could not be listed), reported as a rejection."""

    doc: str
    reason: str
    path: str


Piece = FilePiece | LinesPiece | ErrorPiece


@dataclass(frozen=True)
class PartitionTask:
    index: int
    pieces: tuple[Piece, ...]


class _Planner:
    def __init__(self, partition_size: int) -> None:
        self.size = partition_size
        self.tasks: list[PartitionTask] = []
        self._pieces: list[Piece] = []
        self._count = 0

    def add(self, piece: Piece, documents: int) -> None:
        self._pieces.append(piece)
        self._count += documents
        if self._count >= self.size:
            self.close()

    def close(self) -> None:
        if self._pieces:
            self.tasks.append(PartitionTask(len(self.tasks), tuple(self._pieces)))
        self._pieces, self._count = [], 0

    def path(self, path: Path) -> None:
        if path.is_dir():
            self.folder(path)
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            self.jsonl(path)
        else:
            self.add(FilePiece(str(path)), 1)  # missing or unreadable: the reader reports it

    def folder(self, folder: Path) -> None:
        files: list[Path] = []
        for root, dirs, names in os.walk(folder, onerror=self._walk_error):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            files.extend(Path(root, name) for name in names if not name.startswith("."))
        for file in sorted(files):
            self.path(file)

    def _walk_error(self, exc: OSError) -> None:
        where = exc.filename or ""
        self.add(ErrorPiece(Path(where).name, f"unreadable: {exc.strerror or exc}", str(where)), 1)

    def jsonl(self, path: Path) -> None:
        """Cut the file at line boundaries so each partition gets its share of non-blank lines."""
        try:
            handle = path.open("rb")
        except OSError:
            self.add(FilePiece(str(path)), 1)
            return
        with handle:
            offset = start = 0
            first, count = 1, 0
            for number, data in enumerate(handle, start=1):
                offset += len(data)
                if data.strip():
                    count += 1
                if count and count >= self.size - self._count:
                    self.add(LinesPiece(str(path), start, offset, first), count)
                    start, first, count = offset, number + 1, 0
            if count:
                self.add(LinesPiece(str(path), start, offset, first), count)


def plan_partitions(inputs: Sequence[Path | str], partition_size: int) -> list[PartitionTask]:
    """Partition descriptors for ``inputs`` (files and folders, in order), each of up to ``partition_size``
    documents. Reads only JSONL line boundaries and folder listings, never whole documents into memory."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    planner = _Planner(partition_size)
    for path in inputs:
        planner.path(Path(path))
    planner.close()
    return planner.tasks


# ---------------------------------------------------------------- work


@dataclass(frozen=True)
class WorkerConfig:
    """What every partition needs to know; small and picklable."""

    out_dir: str
    width: int
    db: str | None = None
    save: bool = False  # save in the worker (else, with a db, spool for the driver)
    spool_dir: str | None = None
    published: date | None = None
    published_map: Mapping[str, date] = field(default_factory=dict)
    source: str | None = None


@dataclass
class PartitionSummary:
    """What one partition did (returned by the worker to the driver)."""

    index: int
    documents: int = 0
    articles: int = 0
    events: int = 0
    rejections: int = 0
    stored: dict[str, int] = field(default_factory=dict)  # SaveResult status -> count
    events_path: str = ""
    rejections_path: str = ""
    seconds: float = 0.0


def _read_lines(piece: LinesPiece, options: ReadOptions) -> Iterator[Article | Rejection]:
    """The lines of ``piece`` exactly as :func:`veilleur.ingest.records.read_jsonl` reads them."""
    path = Path(piece.path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(path.stem, f"unreadable: {exc.strerror or exc}", str(path))
        return
    with handle:
        handle.seek(piece.start)
        position, number = piece.start, piece.first_line
        while position < piece.end:
            data = handle.readline()
            if not data:
                break
            position += len(data)
            try:
                item = read_jsonl_line(data, number, path, options)
            except Exception as exc:  # noqa: BLE001 - one bad line never stops the partition
                item = Rejection(
                    f"{path.stem}:{number}", f"line {number}: unexpected error: {type(exc).__name__}: {exc}", str(path)
                )
            number += 1
            if item is not None:
                yield item


def read_task(task: PartitionTask, config: WorkerConfig) -> Iterator[Article | Rejection]:
    """The documents of one partition, in order, as :func:`veilleur.ingest.read_paths` would give them."""
    for piece in task.pieces:
        yield from _read_piece(piece, config)


def _read_piece(piece: Piece, config: WorkerConfig) -> Iterator[Article | Rejection]:
    if isinstance(piece, ErrorPiece):
        yield Rejection(piece.doc, piece.reason, piece.path)
        return
    if isinstance(piece, LinesPiece):
        options = ReadOptions(
            published=config.published, source=config.source, published_map=config.published_map
        )
        yield from _read_lines(piece, options)
        return
    try:
        yield from read_paths(
            [piece.path], published=config.published, source=config.source, published_map=config.published_map
        )
    except Exception as exc:  # noqa: BLE001
        yield Rejection(Path(piece.path).stem, f"unexpected error: {type(exc).__name__}: {exc}", piece.path)


def _extract(pipeline: Pipeline, articles: list[Article]) -> list[ArticleResult]:
    """One result per article, in order; if the batched run breaks, the rest go one by one."""
    from veilleur.pipeline import ArticleResult

    results: list[ArticleResult] = []
    try:
        results.extend(pipeline.run(articles))
    except Exception:  # noqa: BLE001 - redo the remainder singly so only the culprit is rejected
        for article in articles[len(results) :]:
            try:
                results.append(pipeline.process(article))
            except Exception as exc:  # noqa: BLE001
                reason = f"extraction failed: {type(exc).__name__}: {exc}"
                results.append(ArticleResult(article, rejection=Rejection(article.id, reason)))
    return results


def _rejection_row(rejection: Rejection, stage: str, partition: int) -> dict[str, Any]:
    return {"doc": rejection.doc, "reason": rejection.reason, "path": rejection.path, "stage": stage,
            "partition": partition}


def _write_lines(path: Path, rows: Sequence[dict[str, Any]], mode: str = "w") -> None:
    with path.open(mode, encoding="utf-8") as stream:
        stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _save(store: Store, article: Article, events: Sequence[Event], stored: Counter[str]) -> str | None:
    """Save one article (one transaction); the reason it failed, or None."""
    try:
        stored[store.save_article(article, events).status] += 1
    except Exception as exc:  # noqa: BLE001 - a store failure is one document's problem
        stored["failed"] += 1
        return f"not stored: {type(exc).__name__}: {exc}"
    return None


def _output_paths(out_dir: Path, index: int, width: int) -> tuple[Path, Path]:
    return out_dir / f"events-{index:0{width}d}.jsonl", out_dir / f"rejections-{index:0{width}d}.jsonl"


def run_partition(task: PartitionTask, config: WorkerConfig) -> PartitionSummary:
    """Read, extract, write (and save or spool) one partition; runs in a Dask worker."""
    started = time.perf_counter()
    out_dir = Path(config.out_dir)
    events_path, rejections_path = _output_paths(out_dir, task.index, config.width)
    items = list(read_task(task, config))
    articles = [item for item in items if isinstance(item, Article)]
    results = iter(_extract(worker_pipeline(), articles) if articles else [])
    store = worker_store(config.db) if config.db and config.save else None

    events: list[Event] = []
    rejections: list[dict[str, Any]] = []
    spool: list[tuple[Article, list[Event]]] = []
    stored: Counter[str] = Counter()
    for item in items:  # input order, whatever the scheduler
        if isinstance(item, Rejection):
            rejections.append(_rejection_row(item, "read", task.index))
            continue
        result = next(results)
        if result.rejection is not None:
            rejections.append(_rejection_row(result.rejection, "extract", task.index))
            continue
        events.extend(result.events)
        if store is not None:
            reason = _save(store, result.article, result.events, stored)
            if reason:
                rejections.append(_rejection_row(Rejection(item.id, reason), "store", task.index))
        elif config.db:
            spool.append((result.article, result.events))

    _atomic(events_path, lambda tmp: write_jsonl(events, tmp))
    _atomic(rejections_path, lambda tmp: _write_lines(tmp, rejections))
    if config.db and not config.save and config.spool_dir:
        _atomic(_spool_path(config.spool_dir, task.index), lambda tmp: tmp.write_bytes(pickle.dumps(spool, 5)))
    return PartitionSummary(
        index=task.index, documents=len(items), articles=len(articles), events=len(events),
        rejections=len(rejections), stored=dict(stored), events_path=str(events_path),
        rejections_path=str(rejections_path), seconds=time.perf_counter() - started,
    )


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _spool_path(spool_dir: str, index: int) -> Path:
    return Path(spool_dir) / f"{index}.pickle"


def _run_partitions(tasks: list[PartitionTask], config: WorkerConfig) -> list[PartitionSummary]:
    return [run_partition(task, config) for task in tasks]


# ---------------------------------------------------------------- driver


@dataclass
class BatchReport:
    """What a batch did."""

    documents: int = 0  # articles + documents rejected while reading
    articles: int = 0
    events: int = 0
    rejections: int = 0
    partitions: int = 0
    seconds: float = 0.0
    stored: dict[str, int] = field(default_factory=dict)  # inserted | replaced | duplicate | failed -> count
    saved_in: str = ""  # "workers", "driver" or "" (no database)
    scheduler: str = ""
    events_files: list[str] = field(default_factory=list)
    rejections_files: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents, "articles": self.articles, "events": self.events,
            "rejections": self.rejections, "partitions": self.partitions, "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2), "stored": dict(self.stored),
            "saved_in": self.saved_in, "scheduler": self.scheduler, "events_files": list(self.events_files),
            "rejections_files": list(self.rejections_files),
        }


def _is_sqlite(url: str) -> bool:
    from sqlalchemy.engine import make_url

    from veilleur.store import normalise_url

    return make_url(normalise_url(url)).get_backend_name() == "sqlite"


def _remove_stale_outputs(out_dir: Path) -> None:
    for path in out_dir.iterdir():
        if _OUTPUT_NAME.fullmatch(path.name) and path.is_file():
            path.unlink()
        elif (spool := _SPOOL_NAME.fullmatch(path.name)) and path.is_dir() and not _alive(int(spool.group(1))):
            shutil.rmtree(path, ignore_errors=True)  # a killed run's spool: a re-run saves those articles again


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch_parent(parent: int, interval: float = WATCHDOG_SECONDS) -> None:
    """Worker initializer: end this worker as soon as the driver is gone, even killed with SIGKILL (which
    runs no clean-up), so that no orphan goes on extracting or writing to the database."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="driver-watchdog", daemon=True).start()


def _save_spooled(store: Store, config: WorkerConfig, summary: PartitionSummary) -> None:
    """Driver side: save one partition's spooled articles in order, then drop the spool."""
    assert config.spool_dir is not None
    path = _spool_path(config.spool_dir, summary.index)
    spooled: list[tuple[Article, list[Event]]] = pickle.loads(path.read_bytes())  # our own file, this run
    stored: Counter[str] = Counter()
    failures = []
    for article, events in spooled:
        reason = _save(store, article, events, stored)
        if reason:
            failures.append(_rejection_row(Rejection(article.id, reason), "store", summary.index))
    if failures:
        _write_lines(Path(summary.rejections_path), failures, mode="a")
    summary.stored = dict(stored)
    summary.rejections += len(failures)
    path.unlink()


def _compute_saving_in_driver(
    bag: Any, compute: dict[str, Any], store: Store, config: WorkerConfig, tasks: Sequence[PartitionTask]
) -> list[PartitionSummary]:
    """Compute in a background thread; meanwhile save each partition's spool, in partition order."""
    assert config.spool_dir is not None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="veilleur-batch") as executor:
        future = executor.submit(bag.compute, **compute)
        saved: dict[int, PartitionSummary] = {}
        for task in tasks:
            path = _spool_path(config.spool_dir, task.index)
            while not path.exists() and not future.done():
                time.sleep(_SPOOL_POLL_SECONDS)
            if not path.exists():
                break  # the computation ended (or failed) without this partition: settled below
            _, rejections_path = _output_paths(Path(config.out_dir), task.index, config.width)
            saved[task.index] = PartitionSummary(task.index, rejections_path=str(rejections_path))
            _save_spooled(store, config, saved[task.index])
        summaries: list[PartitionSummary] = list(future.result())
    if len(saved) != len(tasks):
        raise RuntimeError(f"{len(tasks) - len(saved)} partitions produced no spool to save")
    for summary in summaries:
        summary.stored = saved[summary.index].stored
        summary.rejections += saved[summary.index].rejections
    return summaries


@contextmanager
def _distributed_client(address: str) -> Iterator[Any]:
    """A client of the dask.distributed scheduler at ``address``, for this run only (not Dask's default)."""
    from distributed import Client

    try:
        client = Client(address, timeout=DISTRIBUTED_CONNECT_SECONDS, set_as_default=False)
    except OSError as exc:  # the scheduler is not there: one clear line, not a traceback
        raise ValueError(f"no dask scheduler at {address}: {exc}") from exc
    with client:
        yield client


@contextmanager
def _no_client() -> Iterator[None]:
    yield None


def run_batch(
    inputs: Sequence[Path | str],
    out_dir: Path | str,
    *,
    db: str | None = None,
    partition_size: int = 200,
    scheduler: str = "processes",
    workers: int | None = None,
    published: date | None = None,
    published_map: Mapping[str, date] | Path | str | None = None,
    source: str | None = None,
) -> BatchReport:
    """Extract the events of every document in ``inputs`` in parallel, partition by partition.

    Writes ``events-NNNNN.jsonl`` and ``rejections-NNNNN.jsonl`` per partition in ``out_dir`` and, with
    ``db`` (a SQLAlchemy URL), saves each article and its events (one transaction per article). The
    ``scheduler`` is a Dask local scheduler: ``processes`` (``workers`` processes, each loading its own
    pipeline), ``threads`` or ``synchronous``; or a dask.distributed scheduler's address (``tcp://HOST:PORT``),
    whose workers decide the parallelism. ``published_map`` is a mapping or a JSONL file as read by
    :func:`veilleur.ingest.load_published_map`. See the module docstring for the design.
    """
    import dask.bag

    started = time.perf_counter()
    distributed = SCHEDULER_ADDRESS.fullmatch(scheduler) is not None
    if scheduler not in SCHEDULERS and not distributed:
        raise ValueError(f"scheduler must be one of {', '.join(SCHEDULERS)} or a scheduler address "
                         f"tcp://HOST:PORT, got {scheduler!r}")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if workers is not None and distributed:
        raise ValueError("workers is set by the distributed cluster (start dask workers), not by the batch")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    mapping = dict(load_published_map(published_map) if isinstance(published_map, (str, Path))
                   else published_map or {})
    tasks = plan_partitions(inputs, partition_size)
    _remove_stale_outputs(out)

    # SQLite has one writer: with worker processes, the driver saves what they spool
    in_driver = db is not None and (scheduler == "processes" or distributed) and _is_sqlite(db)
    report = BatchReport(partitions=len(tasks), scheduler=scheduler,
                         saved_in="" if db is None else "driver" if in_driver else "workers")
    store = worker_store(db) if db is not None else None
    if store is not None:
        store.migrate()
    if not tasks:
        report.seconds = time.perf_counter() - started
        return report
    if scheduler in ("threads", "synchronous"):
        worker_pipeline()  # built here, once, before any thread asks for it

    spool_dir = tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", dir=out) if in_driver else None
    config = WorkerConfig(
        out_dir=str(out), width=max(5, len(str(len(tasks) - 1))), db=db, save=db is not None and not in_driver,
        spool_dir=spool_dir, published=published, published_map=mapping, source=source,
    )
    bag = dask.bag.from_sequence(tasks, partition_size=1).map_partitions(_run_partitions, config)
    compute: dict[str, Any] = {"scheduler": scheduler}
    if workers is not None:
        compute["num_workers"] = workers
    if scheduler == "processes":
        compute["chunksize"] = 1  # partitions are heavy: hand them out one at a time
        compute["initializer"] = partial(watch_parent, os.getpid())
    try:
        with _distributed_client(scheduler) if distributed else _no_client() as client:
            if client is not None:
                compute = {"scheduler": client}
            if in_driver:
                assert store is not None
                summaries = _compute_saving_in_driver(bag, compute, store, config, tasks)
            else:
                summaries = list(bag.compute(**compute))
    finally:
        if spool_dir is not None:
            shutil.rmtree(spool_dir, ignore_errors=True)

    stored: Counter[str] = Counter()
    for summary in sorted(summaries, key=lambda s: s.index):
        report.documents += summary.documents
        report.articles += summary.articles
        report.events += summary.events
        report.rejections += summary.rejections
        stored.update(summary.stored)
        report.events_files.append(summary.events_path)
        report.rejections_files.append(summary.rejections_path)
    report.stored = dict(stored)
    report.seconds = time.perf_counter() - started
    return report
