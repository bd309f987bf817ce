"""The blind-coded corpus annotation file (corpus/gold.jsonl): schema, offsets, folds.

The article texts stay in the shared folder (others' writing); where it is present (beside the repository,
or named by VEILLEUR_SHARED) every offset is checked against its text and every article must be annotated.
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "corpus" / "tools"))
from check_coding import TYPES  # noqa: E402  (the coders' checker holds the codebook's taxonomy)

GOLD = REPO / "corpus" / "gold.jsonl"
SHARED = Path(os.environ.get("VEILLEUR_SHARED", str(REPO.parent / "shared")))
ARTICLES = SHARED / "corpus" / "articles.jsonl"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="corpus/gold.jsonl is not built yet")
STRINGS = ("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
           "admin1", "country", "event_date")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_line_follows_the_schema() -> None:
    lines = _gold()
    assert lines, "corpus/gold.jsonl is empty"
    for line in lines:
        assert isinstance(line["doc"], str) and line["fold"] in range(5), line["doc"]
        assert line["published_precision"] in ("day", "month")
        assert isinstance(line["events"], list)
        for event in line["events"]:
            for name in STRINGS:
                assert isinstance(event[name], str), (line["doc"], name)
            assert event["sub_event_type"] in TYPES[event["event_type"]], line["doc"]
            assert event["actor1"], line["doc"]
            assert -90 <= event["latitude"] <= 90 and -180 <= event["longitude"] <= 180
            assert event["geo_precision"] in (1, 2, 3) and event["time_precision"] in (1, 2, 3)
            assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
            assert event["event_date"] <= line["published"][:8] + "31", line["doc"]
            evidence = event["evidence"]
            assert 0 <= evidence["start"] < evidence["end"], line["doc"]


def test_both_reports_of_a_story_share_a_fold() -> None:
    folds_by_story: defaultdict[str, set[int]] = defaultdict(set)
    for line in _gold():
        if line.get("story"):
            folds_by_story[line["story"]].add(line["fold"])
    assert all(len(folds) == 1 for folds in folds_by_story.values())


@pytest.mark.skipif(not ARTICLES.exists(), reason="the shared corpus texts are not beside the repository")
def test_every_article_is_annotated_and_every_offset_lies_in_its_text() -> None:
    texts = {}
    for raw in ARTICLES.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            record = json.loads(raw)
            texts[record["id"]] = record["text"]
    lines = {line["doc"]: line for line in _gold()}
    assert set(lines) == set(texts)
    for doc, line in lines.items():
        for event in line["events"]:
            assert event["evidence"]["end"] <= len(texts[doc]), doc
