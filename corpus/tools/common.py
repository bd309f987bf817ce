"""Shared helpers of the corpus tools: where the shared articles are, and how to read them."""
from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The shared folder: $VEILLEUR_SHARED, else the sibling of the repository."""
    return Path(os.environ.get("VEILLEUR_SHARED", str(REPO.parent / "shared")))


def load_articles(path: Path | None = None) -> dict[str, dict]:
    """The corpus articles by id, from ../shared/corpus/articles.jsonl (or PATH)."""
    path = path or shared_dir() / "corpus" / "articles.jsonl"
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return {record["id"]: record for record in records}
