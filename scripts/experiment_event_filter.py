#!/usr/bin/env python3
"""Experiment (issue #18): does a learned filter over the extractor's events beat the rules on held-back folds?

The rules over-predict (precision is the weak side on the corpus). A logistic regression is trained to
tell a predicted event that matches a gold event from one that does not, from features of the prediction
itself (sub-event type, precisions, which fields have evidence, generic actors, toll, position in the
article, events in the article). It is trained on four corpus folds and applied on the fifth, five ways;
events it scores below a threshold (chosen on the training folds) are dropped. The script prints event F1
per held-back fold with and without the filter. It ships nothing: a learned component would be kept only
if it beat the rules on every held-back fold.

usage: scripts/experiment_event_filter.py GOLD PREDICTIONS   (e.g. corpus/gold.jsonl out/eval/corpus.jsonl)
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from veilleur.evaluate import load_doc_metadata, load_events_by_doc, match_events, score

SUB_TYPES = sorted({
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Air/drone strike",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
    "Abduction/forced disappearance", "Sexual violence", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Arrests", "Agreement",
    "Looting/property destruction", "Non-violent transfer of territory", "Disrupted weapons use",
    "Headquarters or base established", "Change to group/activity", "Other",
})


def features(event: dict, doc_events: list[dict], text_length: int) -> list[float]:
    spans = event.get("evidence_spans", {})
    sentence = (spans.get("sentence") or [{"start": 0}])[0]
    one_hot = [float(event["sub_event_type"] == t) for t in SUB_TYPES]
    return [
        *one_hot,
        float(event["geo_precision"] == 1), float(event["geo_precision"] == 3), float(event["time_precision"] == 1),
        float("event_date" in spans), float("actor1" in spans), float("actor2" in spans),
        float(event["actor1"].startswith("Unidentified")), float(not event["actor2"]),
        float(event["fatalities"] > 0), sentence["start"] / max(1, text_length),
        len(spans.get("trigger", [])) / 3, len(doc_events) / 5,
    ]


def train(x: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.1, l2: float = 0.01) -> np.ndarray:
    """Logistic regression by gradient descent (bias in the last weight)."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w)
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.hstack([x, np.ones((len(x), 1))]) @ w))


def main(gold_path: str, pred_path: str) -> int:
    gold = load_events_by_doc(gold_path)
    meta = load_doc_metadata(gold_path)
    texts = {}
    for line in Path("../shared/corpus/articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = len(record["text"])
    pred: dict[str, list[dict]] = defaultdict(list)
    for line in Path(pred_path).read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if event["doc"] in gold:
            pred[event["doc"]].append(event)
    rows = []  # (fold, doc, event, features, matched)
    for doc, events in pred.items():
        matched = {id(p) for _, p in match_events(gold[doc], events)}
        for event in events:
            rows.append((meta[doc]["fold"], doc, event, features(event, events, texts.get(doc, 1)),
                         float(id(event) in matched)))
    print(f"{len(rows)} predicted events on {len(gold)} gold articles; "
          f"{sum(r[4] for r in rows):.0f} match a gold event")
    for held in sorted({r[0] for r in rows}):
        train_rows = [r for r in rows if r[0] != held]
        w = train(np.array([r[3] for r in train_rows]), np.array([r[4] for r in train_rows]))
        train_docs = {d for d in gold if meta[d]["fold"] != held}
        best = max((t / 20 for t in range(0, 12)), key=lambda t: _f1(gold, rows, w, train_docs, t))
        held_docs = {d for d in gold if meta[d]["fold"] == held}
        rules = score({d: gold[d] for d in held_docs}, {d: pred.get(d, []) for d in held_docs}).f1
        learned = _f1(gold, rows, w, held_docs, best)
        print(f"fold {held}: held-back F1 rules {rules:.3f}, rules + learned filter {learned:.3f} "
              f"(threshold {best:.2f} chosen on the other folds)")
    return 0


def _f1(gold: dict, rows: list, w: np.ndarray, docs: set[str], threshold: float) -> float:
    kept: dict[str, list[dict]] = defaultdict(list)
    selected = [r for r in rows if r[1] in docs]
    if selected:
        scores = predict(w, np.array([r[3] for r in selected]))
        for r, s in zip(selected, scores, strict=True):
            if s >= threshold:
                kept[r[1]].append(r[2])
    return score({d: gold[d] for d in docs}, {d: kept.get(d, []) for d in docs}).f1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
