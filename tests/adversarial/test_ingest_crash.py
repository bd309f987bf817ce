"""kill -9 of ``ingest`` mid-run, on both stores: no partial article, and a re-run ends with exactly what an
uninterrupted run stores."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veilleur.store import Store

TOWNS = ["Djibo", "Kaya", "Dori", "Fada N'Gourma", "Ouahigouya", "Kongoussi", "Tougan", "Nouna", "Gorom-Gorom",
         "Arbinda", "Titao", "Sebba", "Diapaga", "Boulsa", "Bourzanga", "Tougouri", "Koupéla", "Kantchari"]


ARTICLES = 2 * len(TOWNS)  # several of the pipeline's batches of 16, so a kill lands mid-run


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for n, town in enumerate(TOWNS * 2):
        text = (f"Des hommes armés ont attaqué lundi un poste de l'armée à {town}, au Burkina Faso, tuant {n + 2} "
                f"soldats, selon des sources sécuritaires. Les assaillants se sont ensuite retirés vers la brousse, "
                f"ont indiqué des habitants de {town} joints par téléphone.")
        (folder / f"attaque-{n:02d}.txt").write_text(text, encoding="utf-8")


def stored(db: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    store = Store(db)
    try:
        articles = {a.id for a in store.articles(limit=1000)}
        events = {(e.doc, e.sub_event_type, e.location) for e in store.events(limit=1000)}
    finally:
        store.close()
    return articles, events


def ingest(folder: Path, db: str) -> subprocess.Popen[bytes]:
    veilleur = Path(sys.executable).parent / "veilleur"
    return subprocess.Popen([str(veilleur), "ingest", str(folder), "--db", db, "--published", "2024-03-04",
                             "--source", "Test"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_killing_ingest_loses_nothing_and_a_rerun_completes(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "in"
    write_articles(folder)
    if backend == "sqlite":
        killed_db, whole_db = f"sqlite:///{tmp_path / 'killed.db'}", f"sqlite:///{tmp_path / 'whole.db'}"
    else:
        base = request.getfixturevalue("pg_server")
        killed_db, whole_db = (_fresh_pg(base, "killed"), _fresh_pg(base, "whole"))
    run = ingest(folder, killed_db)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and run.poll() is None:
            try:
                if len(stored(killed_db)[0]) >= 3:
                    break
            except Exception:  # noqa: BLE001 - the database is not created yet
                pass
            time.sleep(0.2)
        assert run.poll() is None, "ingest ended before it could be killed"
        os.kill(run.pid, signal.SIGKILL)
        run.wait(10)
    finally:
        if run.poll() is None:
            run.kill()
    articles, events = stored(killed_db)
    assert 3 <= len(articles) < ARTICLES
    assert {doc for doc, _, _ in events} <= articles  # no event without its article
    assert {doc for doc, _, _ in events} == articles  # every stored article has its event: none is half-written
    assert ingest(folder, killed_db).wait(300) == 0
    assert ingest(folder, whole_db).wait(300) == 0
    assert stored(killed_db) == stored(whole_db)
    assert len(stored(whole_db)[0]) == ARTICLES


def _fresh_pg(base: str, name: str) -> str:
    """A schema of its own on the session's PostgreSQL database, via the search_path option."""
    from sqlalchemy import create_engine, text

    schema = f"crash_{name}_{os.getpid()}"
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"
