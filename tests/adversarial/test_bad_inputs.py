"""Every kind of bad input (bad_inputs.py: 30+ kinds) through every entry point: the library readers,
``extract``, ``ingest``, ``batch`` and POST /articles. Each bad document is rejected alone with a precise
reason; the good document beside them is still coded; nothing half-written is stored."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from bad_inputs import ENGLISH, FRENCH, write_bad_inputs  # noqa: E402

from veilleur.api import create_app  # noqa: E402
from veilleur.cli import app  # noqa: E402
from veilleur.ingest import read_paths  # noqa: E402
from veilleur.records import Article, Rejection  # noqa: E402
from veilleur.store import Store  # noqa: E402

GOOD = "good"


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("bad") / "in"
    return folder, write_bad_inputs(folder)


def _reason_for(reasons: dict[str, str], doc: str) -> str:
    # the 300-character id is named by its first characters
    return next((r for d, r in reasons.items() if d == doc or len(doc) == 40 and d.startswith(doc)), "")


def test_there_are_at_least_thirty_kinds(bad_folder: tuple[Path, dict[str, str]]) -> None:
    assert len(bad_folder[1]) >= 30


def test_the_readers_reject_each_kind_alone_with_its_reason(bad_folder: tuple[Path, dict[str, str]]) -> None:
    folder, expected = bad_folder
    items = list(read_paths([folder]))
    reasons = {i.doc: i.reason for i in items if isinstance(i, Rejection)}
    for doc, words in expected.items():
        assert words in _reason_for(reasons, doc), (doc, _reason_for(reasons, doc))
    assert [i.id for i in items if isinstance(i, Article)] == [GOOD]


def test_extract_codes_the_good_document_and_names_every_skipped_one(
    bad_folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, expected = bad_folder
    out, report = tmp_path / "events.jsonl", tmp_path / "report.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out), "--report", str(report), "-q"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["doc"] for line in out.read_text().splitlines()} == {GOOD}
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) >= len(expected)
    assert any("lone surrogate" in line for line in skipped) and any("symbolic link loop" in line for line in skipped)


def test_ingest_stores_only_the_good_document_and_reruns_the_same(
    bad_folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, expected = bad_folder
    db = f"sqlite:///{tmp_path / 'v.db'}"
    for _ in range(2):  # a re-run adds nothing and loses nothing
        result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
        assert result.exit_code == 0, result.output
        store = Store(db)
        try:
            assert [a.id for a in store.articles()] == [GOOD]
        finally:
            store.close()
    assert sum(line.startswith("skipped ") for line in result.output.splitlines()) >= len(expected)


def test_batch_writes_one_rejection_per_bad_document(bad_folder: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    folder, expected = bad_folder
    out = tmp_path / "batch"
    result = CliRunner().invoke(app, ["batch", str(folder), "--out", str(out), "--scheduler", "synchronous",
                                      "--partition-size", "7"])
    assert result.exit_code == 0, result.output
    rejected = {json.loads(line)["doc"]: json.loads(line)["reason"]
                for path in sorted(out.glob("rejections-*.jsonl")) for line in path.read_text().splitlines()}
    for doc, words in expected.items():
        assert words in _reason_for(rejected, doc), (doc, _reason_for(rejected, doc))
    coded = {json.loads(line)["doc"] for path in out.glob("events-*.jsonl") for line in path.read_text().splitlines()}
    assert coded == {GOOD}


TOKEN = "adversarial"


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


@pytest.mark.parametrize(
    ("body", "words"),
    [
        pytest.param({"text": ""}, "text", id="empty"),
        pytest.param({"text": "   \n "}, "empty", id="blank"),
        pytest.param({"text": FRENCH + "\x00"}, "NUL", id="nul"),
        pytest.param({"text": "Attaque à Djibo."}, "too short", id="short"),
        pytest.param({"text": ENGLISH * 2}, "not French", id="english"),
        pytest.param({"text": FRENCH * 2, "title": "Titre\x00"}, "NUL", id="nul-title"),
        pytest.param({"text": FRENCH * 2, "id": "i" * 300}, "200", id="long-id"),
        pytest.param({"text": FRENCH * 2, "published": "31/02/2020"}, "date", id="bad-date"),
        pytest.param({"text": FRENCH * 2, "published": "2999-01-01"}, "future", id="future"),
        pytest.param({"text": 12345}, "", id="number-text"),
        pytest.param({"title": "sans texte"}, "", id="no-text"),
    ],
)
def test_post_rejects_each_kind_with_a_4xx_and_stores_nothing(
    client: TestClient, store: Store, body: dict[str, object], words: str
) -> None:
    response = client.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert 400 <= response.status_code < 500, response.text
    assert words in response.text
    assert list(store.articles()) == []


def test_post_rejects_a_lone_surrogate(client: TestClient, store: Store) -> None:
    raw = '{"text": "' + FRENCH + '\\ud800"}'
    response = client.post("/articles", content=raw.encode(), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert list(store.articles()) == []
