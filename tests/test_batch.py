"""The Dask batch: planning partitions, per-partition events and rejections files, storing once.

The archive is twelve hand-written French news records in JSON Lines (six with an event, two quiet ones)
plus an empty text, an English one, a malformed line and a record without text, cut in partitions of
four. The real pipeline runs in this process for the ``synchronous`` and ``threads`` runs (spaCy loads
once, cached per process); one run with two worker processes reloads it in each worker (~30-45 s), and
``VEILLEUR_SKIP_PROCESSES=1`` skips it. The other tests use a fake pipeline and load nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from veilleur import batch
from veilleur.batch import (
    BatchReport,
    FilePiece,
    LinesPiece,
    WorkerConfig,
    plan_partitions,
    read_task,
    run_batch,
)
from veilleur.cli_batch import register
from veilleur.ingest import read_paths
from veilleur.pipeline import ArticleResult
from veilleur.records import Article, Event
from veilleur.store import Store

DAY = "2017-10-16"
OUTLET = "Agence Test"
MALFORMED = '{"id": "casse", "text": "Des combats à'


def record(doc: str, text: str | None, **extra: str) -> str:
    data: dict[str, str] = {"id": doc, "published": DAY, "source": OUTLET, **extra}
    if text is not None:
        data["text"] = text
    return json.dumps(data, ensure_ascii=False)


LINES = [
    record("mali-gao", "Mali : combats près de Gao\nDes combats ont opposé dimanche l'armée malienne à des "
           "jihadistes près de Gao, faisant cinq morts parmi les soldats, selon une source sécuritaire."),
    record("somalie-mogadiscio", "Une voiture piégée a explosé lundi dans le centre de Mogadiscio, tuant au moins "
           "douze personnes, selon la police somalienne."),
    record("vide", "   "),
    record("anglais", "Iraqi forces clashed with Islamic State fighters near Tal Afar on Sunday, and a car bomb "
           "killed five civilians in the centre of Kirkuk on Saturday, according to an officer."),
    MALFORMED,
    record("nigeria-maiduguri", "Des combattants de Boko Haram ont attaqué samedi un village près de Maiduguri, "
           "dans le nord-est du Nigeria, tuant huit villageois, selon un responsable local."),
    record("calme-bagdad", "Le ministre irakien des Affaires étrangères a reçu mardi à Bagdad son homologue "
           "français pour évoquer la reconstruction du pays et le retour des déplacés."),
    record("syrie-jaramana", "Hier, des obus de mortier sont tombés sur la ville de Jaramana, près de Damas, "
           "faisant trois morts et dix blessés parmi les civils, selon l'OSDH."),
    record("sans-texte", None, title="Un titre sans corps"),
    record("burkina-djibo", "Une embuscade tendue jeudi par des hommes armés contre une patrouille de l'armée "
           "burkinabè près de Djibo a fait six morts parmi les militaires, a annoncé l'état-major."),
    record("calme-economie", "La Banque centrale des États de l'Afrique de l'Ouest a maintenu mercredi son taux "
           "directeur, une décision attendue par les marchés de la région."),
    record("yemen-hodeida", "Des frappes aériennes de la coalition ont touché vendredi un marché de Hodeïda, dans "
           "l'ouest du Yémen, tuant au moins quinze civils, selon des sources médicales."),
]
WITH_EVENTS = {"mali-gao", "somalie-mogadiscio", "nigeria-maiduguri", "syrie-jaramana", "burkina-djibo",
               "yemen-hodeida"}
READABLE = WITH_EVENTS | {"calme-bagdad", "calme-economie"}
REJECTED = {  # doc id -> words of the reason
    "vide": "line 3: empty document",
    "anglais": "line 4: not French",
    "archive:5": "line 5: invalid JSON",
    "sans-texte": "line 9: record has no 'text' field",
}


def write_archive(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "archive.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def jsonl(path: Path | str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def all_rows(paths: Iterable[str]) -> list[dict[str, Any]]:
    return [row for path in paths for row in jsonl(path)]


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"


# ---------------------------------------------------------------- planning and reading (no pipeline)


def test_plan_cuts_jsonl_into_partitions_of_records(tmp_path: Path) -> None:
    archive = write_archive(tmp_path)
    tasks = plan_partitions([archive], 4)
    assert [t.index for t in tasks] == [0, 1, 2]
    pieces = [t.pieces for t in tasks]
    assert all(len(p) == 1 and isinstance(p[0], LinesPiece) for p in pieces)
    assert [p[0].first_line for p in pieces] == [1, 5, 9]  # type: ignore[union-attr]
    assert pieces[-1][0].end == archive.stat().st_size  # type: ignore[union-attr]


def test_plan_packs_files_and_folders_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    (folder / "sous").mkdir(parents=True)
    (folder / ".cache").mkdir()
    for name in ("b.txt", "a.txt", "sous/c.txt", ".cache/x.txt", ".cache.txt"):
        (folder / name).write_text("texte", encoding="utf-8")
    small = tmp_path / "petit.jsonl"
    small.write_text("\n".join(LINES[:3]) + "\n\n", encoding="utf-8")  # a blank line counts for nothing
    tasks = plan_partitions([folder, small, tmp_path / "absent.txt"], 2)
    flat = [piece for task in tasks for piece in task.pieces]
    assert flat[:3] == [FilePiece(str(folder / "a.txt")), FilePiece(str(folder / "b.txt")),
                        FilePiece(str(folder / "sous" / "c.txt"))]
    assert [len(t.pieces) for t in tasks] == [2, 2, 1, 1]  # a+b, c + line 1, lines 2-3, the absent file
    assert flat[-1] == FilePiece(str(tmp_path / "absent.txt"))
    with pytest.raises(ValueError):
        plan_partitions([folder], 0)


def test_partitions_read_exactly_like_read_paths(tmp_path: Path) -> None:
    archive = write_archive(tmp_path)
    (tmp_path / "note.txt").write_text("Titre\n" + json.loads(LINES[1])["text"], encoding="utf-8")
    inputs = [archive, tmp_path / "note.txt", tmp_path / "absent.txt"]
    config = WorkerConfig(out_dir=str(tmp_path), width=5, published=date(2020, 1, 1), source="Repli")
    planned = [item for task in plan_partitions(inputs, 3) for item in read_task(task, config)]
    expected = list(read_paths(inputs, published=date(2020, 1, 1), source="Repli"))
    assert planned == expected


# ---------------------------------------------------------------- the driver with a fake pipeline


@dataclass
class FakePipeline:
    """One "Battles" event per article; article "boum" breaks the batch and then itself."""

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            if article.id == "boum":
                raise RuntimeError("lot cassé")
            yield self.process(article)

    def process(self, article: Article) -> ArticleResult:
        if article.id == "boum":
            raise RuntimeError("article piégé")
        return ArticleResult(article, events=[Event(doc=article.id, event_type="Battles",
                                                    sub_event_type="Armed clash", event_date=DAY)])


class FailingStore:
    """Refuses article "refus", stores nothing else."""

    def __init__(self) -> None:
        self.saved: list[str] = []

    def migrate(self) -> None:
        pass

    def save_article(self, article: Article, events: list[Event]) -> Any:
        if article.id == "refus":
            raise OSError("disque plein")
        self.saved.append(article.id)
        return type("Saved", (), {"status": "inserted"})()


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    fake = FakePipeline()
    monkeypatch.setattr(batch, "worker_pipeline", lambda: fake)
    return fake


def test_a_bad_document_never_kills_its_partition(tmp_path: Path, fake_pipeline: FakePipeline,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = FailingStore()
    monkeypatch.setattr(batch, "worker_store", lambda url: store)
    text = json.loads(LINES[0])["text"]
    archive = tmp_path / "lot.jsonl"
    archive.write_text("\n".join(record(doc, text) for doc in ("avant", "boum", "refus", "apres")) + "\n",
                       encoding="utf-8")
    report = run_batch([archive], tmp_path / "out", db="sqlite://", partition_size=10, scheduler="synchronous")
    assert (report.partitions, report.articles, report.events, report.rejections) == (1, 4, 3, 2)
    assert report.stored == {"inserted": 2, "failed": 1}
    assert [e["doc"] for e in jsonl(report.events_files[0])] == ["avant", "refus", "apres"]
    rows = {r["doc"]: r for r in jsonl(report.rejections_files[0])}
    assert rows["boum"]["stage"] == "extract" and "article piégé" in rows["boum"]["reason"]
    assert rows["refus"]["stage"] == "store" and "disque plein" in rows["refus"]["reason"]
    assert store.saved == ["avant", "apres"]


def test_stale_outputs_are_replaced_and_files_are_numbered(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events-00007.jsonl").write_text("ancien\n", encoding="utf-8")
    (out / "notes.txt").write_text("à garder\n", encoding="utf-8")
    report = run_batch([write_archive(tmp_path)], out, partition_size=5, scheduler="threads", workers=2)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["events-00000.jsonl", "events-00001.jsonl", "events-00002.jsonl", "notes.txt",
                     "rejections-00000.jsonl", "rejections-00001.jsonl", "rejections-00002.jsonl"]
    assert report.events_files == [str(out / n) for n in names[:3]]
    assert (report.documents, report.articles, report.events, report.rejections) == (12, 8, 8, 4)
    assert report.saved_in == "" and report.stored == {}


def test_empty_input_and_bad_arguments(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    empty = tmp_path / "vide"
    empty.mkdir()
    report = run_batch([empty], tmp_path / "out", scheduler="synchronous")
    assert (report.partitions, report.documents, report.events_files) == (0, 0, [])
    with pytest.raises(ValueError, match="scheduler"):
        run_batch([empty], tmp_path / "out", scheduler="distributed")
    with pytest.raises(ValueError, match="workers"):
        run_batch([empty], tmp_path / "out", workers=0)


def test_cli_batch_command(tmp_path: Path, fake_pipeline: FakePipeline) -> None:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Veilleur."""

    register(app)
    mapping = tmp_path / "dates.jsonl"
    mapping.write_text(json.dumps({"id": "sans-date", "published": "2018-03-04"}) + "\n", encoding="utf-8")
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "sans-date", "text": json.loads(LINES[0])["text"]}) + "\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, [
        "batch", str(archive), "--out", str(out), "--db", db_url(tmp_path / "cli.db"), "--partition-size", "2",
        "--scheduler", "synchronous", "--published-map", str(mapping), "--source", "Repli",
    ])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["partitions"], shown["articles"], shown["stored"]) == (1, 1, {"inserted": 1})
    with Store(db_url(tmp_path / "cli.db")) as store:
        stored = store.article("sans-date")
    assert stored is not None and stored.published == date(2018, 3, 4) and stored.source == "Repli"
    bad = CliRunner().invoke(app, ["batch", str(archive), "--out", str(out), "--scheduler", "dask"])
    assert bad.exit_code != 0


# ---------------------------------------------------------------- the real pipeline


@dataclass
class Run:
    report: BatchReport
    db: str


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_archive(tmp_path_factory.mktemp("archive"))


@pytest.fixture(scope="module")
def synchronous(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("synchronous")
    db = db_url(base / "veilleur.db")
    return Run(run_batch([archive], base / "out", db=db, partition_size=4, scheduler="synchronous"), db)


def events_by_partition(report: BatchReport) -> list[list[dict[str, Any]]]:
    return [jsonl(path) for path in report.events_files]


def test_events_files_per_partition(synchronous: Run) -> None:
    report = synchronous.report
    assert (report.partitions, report.documents, report.articles, report.rejections) == (3, 12, 8, 4)
    assert report.saved_in == "workers" and report.stored == {"inserted": 8}
    partitions = events_by_partition(report)
    assert report.events == sum(len(p) for p in partitions) >= len(WITH_EVENTS)
    assert [sorted({e["doc"] for e in p}) for p in partitions] == [
        ["mali-gao", "somalie-mogadiscio"], ["nigeria-maiduguri", "syrie-jaramana"],
        ["burkina-djibo", "yemen-hodeida"],
    ]
    docs = [e["doc"] for p in partitions for e in p]
    assert docs == sorted(docs, key=[json.loads(line).get("id") for line in LINES if line != MALFORMED].index)
    for event in (e for p in partitions for e in p):
        assert event["event_date"] and event["evidence"] and event["source_outlet"] == OUTLET


def test_bad_documents_are_reported_with_reasons(synchronous: Run, archive: Path) -> None:
    rows = all_rows(synchronous.report.rejections_files)
    assert {r["doc"]: r["reason"][: len(REJECTED[r["doc"]])] for r in rows} == REJECTED
    assert all(r["stage"] == "read" and r["path"] == str(archive) for r in rows)
    assert [r["partition"] for r in rows] == [0, 0, 1, 2]


def test_threads_give_the_same_events(synchronous: Run, archive: Path, tmp_path: Path) -> None:
    report = run_batch([archive], tmp_path / "out", partition_size=4, scheduler="threads", workers=2)
    assert events_by_partition(report) == events_by_partition(synchronous.report)
    assert all_rows(report.rejections_files) == all_rows(synchronous.report.rejections_files)
    assert report.saved_in == "" and report.stored == {}


def test_a_second_run_stores_each_article_once(synchronous: Run, archive: Path, tmp_path: Path) -> None:
    again = run_batch([archive], tmp_path / "out", db=synchronous.db, partition_size=4, scheduler="threads")
    assert again.stored == {"replaced": 8}
    with Store(synchronous.db) as store:
        assert store.count_articles() == len(READABLE)
        assert store.count_events() == synchronous.report.events
        assert {a.id for a in store.articles(limit=50)} == READABLE


@pytest.mark.skipif(os.environ.get("VEILLEUR_SKIP_PROCESSES") == "1", reason="VEILLEUR_SKIP_PROCESSES=1")
def test_two_worker_processes_give_the_same_events_and_store_once(
    synchronous: Run, archive: Path, tmp_path: Path
) -> None:
    report = run_batch([archive], tmp_path / "out", db=synchronous.db, partition_size=4, scheduler="processes",
                       workers=2)
    assert report.saved_in == "driver"  # SQLite has one writer: the driver
    assert report.stored == {"replaced": 8}
    assert events_by_partition(report) == events_by_partition(synchronous.report)
    assert all_rows(report.rejections_files) == all_rows(synchronous.report.rejections_files)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # spool removed
    with Store(synchronous.db) as store:
        assert store.count_articles() == len(READABLE)
        assert store.count_events() == synchronous.report.events


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(os.environ.get("VEILLEUR_SKIP_PROCESSES") == "1", reason="VEILLEUR_SKIP_PROCESSES=1")
def test_killing_the_driver_ends_its_workers_and_a_rerun_completes(archive: Path, tmp_path: Path) -> None:
    veilleur = Path(sys.executable).parent / "veilleur"
    db = db_url(tmp_path / "crash.db")
    command = [str(veilleur), "batch", str(archive), "--out", str(tmp_path / "out"), "--db", db,
               "--partition-size", "1", "--scheduler", "processes", "--workers", "2"]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and driver.poll() is None:
            workers = {p for p in _children(driver.pid) if p not in workers} | workers
            time.sleep(0.2)
        assert len(workers) >= 2, "the batch never started its workers"
        time.sleep(2)
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(10)
        deadline = time.monotonic() + 30
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _alive(workers), "workers outlived their killed driver"
    finally:
        if driver.poll() is None:
            driver.kill()
    # the re-run removes the killed run's spool and stores every readable article once
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".batch-spool-")]
    with Store(db) as store:
        assert {a.id for a in store.articles(limit=50)} == READABLE


# ---------------------------------------------------------------- a dask.distributed cluster


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A real dask.distributed scheduler on 127.0.0.1 with two worker processes (each loads the pipeline)."""
    if os.environ.get("VEILLEUR_SKIP_PROCESSES") == "1":
        pytest.skip("VEILLEUR_SKIP_PROCESSES=1")
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as local:
        yield local.scheduler_address


def test_distributed_workers_write_to_postgresql_directly(
    cluster: str, synchronous: Run, archive: Path, tmp_path: Path, pg_server: str
) -> None:
    from conftest import _pg_store

    with _pg_store(pg_server) as target:
        url = target.url
    report = run_batch([archive], tmp_path / "out", db=url, partition_size=4, scheduler=cluster)
    assert cluster.startswith("tcp://127.0.0.1:")
    assert report.saved_in == "workers" and report.stored == {"inserted": 8}
    assert events_by_partition(report) == events_by_partition(synchronous.report)
    assert all_rows(report.rejections_files) == all_rows(synchronous.report.rejections_files)
    with Store(url) as server, Store(synchronous.db) as local:
        assert {a.id for a in server.articles(limit=50)} == READABLE
        assert sorted(e.id for e in server.events(limit=500)) == sorted(
            e.id for e in local.events(limit=500))


def test_distributed_with_sqlite_keeps_the_single_writer(
    cluster: str, synchronous: Run, archive: Path, tmp_path: Path
) -> None:
    report = run_batch([archive], tmp_path / "out", db=synchronous.db, partition_size=1, scheduler=cluster)
    assert report.saved_in == "driver" and report.stored == {"replaced": 8}
    assert [e for p in events_by_partition(report) for e in p] == [
        e for p in events_by_partition(synchronous.report) for e in p]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # spool removed


def test_scheduler_address_errors_are_one_line(archive: Path, tmp_path: Path) -> None:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Veilleur."""

    register(app)
    out = str(tmp_path / "out")
    nobody = CliRunner().invoke(app, ["batch", str(archive), "--out", out, "--scheduler", "tcp://127.0.0.1:9"])
    assert nobody.exit_code == 1 and "no dask scheduler at tcp://127.0.0.1:9" in nobody.output
    assert "Traceback" not in nobody.output
    both = CliRunner().invoke(app, ["batch", str(archive), "--out", out, "--scheduler", "tcp://127.0.0.1:9",
                                    "--workers", "2"])
    assert both.exit_code != 0 and "--workers" in both.output
    with pytest.raises(ValueError, match="workers is set by the distributed cluster"):
        run_batch([archive], out, scheduler="tcp://127.0.0.1:9", workers=2)
