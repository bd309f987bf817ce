"""Shared fixtures: a migrated ``store`` on a real SQLite file and on the real PostgreSQL, and a
hand-written corpus of several outlets reporting the same events (``tests/fixtures_dedupe/corpus.json``).

PostgreSQL: ``VEILLEUR_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``) names a server
and an existing database to connect to; the session creates its own uniquely named database there, one
fresh schema per test, and drops the database at the end. ``VEILLEUR_TEST_PG=skip`` (or an unreachable
server) skips the PostgreSQL runs.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from veilleur.records import Article, Event, LoadedTerm
from veilleur.store import Store, normalise_url

CORPUS = Path(__file__).parent / "fixtures_dedupe" / "corpus.json"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


@dataclass
class Corpus:
    articles: list[Article]
    events: list[Event]
    labels: dict[str, str]  # event id -> expected cluster label
    near_duplicates: dict[str, str]
    expected: dict[str, dict[str, Any]] = field(default_factory=dict)

    def events_of(self, doc: str) -> list[Event]:
        return [e for e in self.events if e.doc == doc]

    def article(self, doc: str) -> Article:
        return next(a for a in self.articles if a.id == doc)


def _find(text: str, needle: str, doc: str) -> tuple[int, int]:
    start = text.find(needle)
    if start < 0:
        raise AssertionError(f"{doc}: evidence {needle!r} not in text")
    return start, start + len(needle)


def load_corpus(path: Path = CORPUS) -> Corpus:
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = {
        a["id"]: Article(
            id=a["id"], text=a["text"], title=a.get("title", ""), url=a.get("url", ""),
            source=a.get("source", ""), published=date.fromisoformat(a["published"]),
        )
        for a in data["articles"]
    }
    events: list[Event] = []
    labels: dict[str, str] = {}
    for raw in data["events"]:
        raw = dict(raw)
        article = articles[raw["doc"]]
        label = raw.pop("cluster")
        evidence = raw.pop("evidence", {})
        terms = raw.pop("loaded_terms", [])
        event = Event.from_dict(raw)
        event.source_outlet = article.source
        for name, needle in evidence.items():
            event.add_evidence(name, article.span(*_find(article.text, needle, article.id)))
        event.loaded_terms = [
            LoadedTerm(t["term"], t["neutral"], t["family"], t["side"],
                       article.span(*_find(article.text, t["term"], article.id)))
            for t in terms
        ]
        events.append(event)
        labels[event.id] = label
    return Corpus(list(articles.values()), events, labels, dict(data.get("near_duplicates", {})),
                  dict(data.get("expected", {})))


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


def fill(store: Store, corpus: Corpus) -> None:
    for article in corpus.articles:
        store.save_article(article, corpus.events_of(article.id))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this test session (dropped at the end)."""
    base = os.environ.get("VEILLEUR_TEST_PG", DEFAULT_PG)
    if base == "skip":
        pytest.skip("PostgreSQL disabled by VEILLEUR_TEST_PG=skip")
    admin_url = make_url(normalise_url(base))
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"veilleur_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - depends on the machine
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {admin_url.render_as_string(hide_password=True)}: {exc}")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pg_store(server_url: str) -> Store:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return Store(f"{server_url}?options={quote(f'-csearch_path={schema}')}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store: a real SQLite file, or a fresh schema on the real PostgreSQL."""
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'veilleur.db'}")
    else:
        s = _pg_store(request.getfixturevalue("pg_server"))
    s.migrate()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def filled_store(store: Store, corpus: Corpus) -> Store:
    fill(store, corpus)
    return store
