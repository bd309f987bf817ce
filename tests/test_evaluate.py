"""The section 8 scorer, on small gold and prediction files written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from veilleur.evaluate import (
    Scores,
    admin1_key,
    format_groups,
    format_scores,
    load_doc_metadata,
    load_events_by_doc,
    match_events,
    normalize_name,
    pair_score,
    score,
    score_by,
    scores_to_dict,
    select_folds,
)

# Al Mayadin and a point ~11 km north of it; Deir ez-Zor city is ~45 km away.
MAYADIN = (35.0207, 40.4529)
NEAR_MAYADIN = (35.12, 40.4529)
DEIR_EZ_ZOR = (35.3359, 40.1408)


def make_event(**changes: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_type": "Battles",
        "sub_event_type": "Government regains territory",
        "actor1": "Military Forces of Syria",
        "assoc_actor_1": "",
        "actor2": "Islamic State",
        "assoc_actor_2": "",
        "location": "Al Mayadin",
        "admin1": "Deir ez-Zor",
        "country": "Syria",
        "latitude": MAYADIN[0],
        "longitude": MAYADIN[1],
        "geo_precision": 1,
        "event_date": "2017-10-14",
        "time_precision": 1,
        "fatalities": 0,
    }
    event.update(changes)
    return event


def write_gold(path: Path, articles: dict[str, list[dict[str, Any]]]) -> Path:
    lines = [json.dumps({"doc": doc, "events": events}) for doc, events in articles.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_flat(path: Path, articles: dict[str, list[dict[str, Any]]]) -> Path:
    lines = [json.dumps({"doc": doc, **event}) for doc, evs in articles.items() for event in evs]
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    return path


def score_files(tmp_path: Path, gold: dict, pred: dict) -> Scores:
    gold_path = write_gold(tmp_path / "gold.jsonl", gold)
    pred_path = write_flat(tmp_path / "pred.jsonl", pred)
    return score(load_events_by_doc(gold_path), load_events_by_doc(pred_path))


# ---------------------------------------------------------------- loading


def test_load_accepts_gold_and_flat_shapes(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path / "gold.jsonl", {"a": [make_event(), make_event()], "b": []})
    flat_path = write_flat(tmp_path / "flat.jsonl", {"a": [make_event()], "c": [make_event(), make_event()]})
    gold = load_events_by_doc(gold_path)
    flat = load_events_by_doc(str(flat_path))
    assert {doc: len(evs) for doc, evs in gold.items()} == {"a": 2, "b": 0}
    assert {doc: len(evs) for doc, evs in flat.items()} == {"a": 1, "c": 2}


def test_load_skips_blank_lines_and_reports_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('\n{"doc": "a", "events": []}\n\n', encoding="utf-8")
    assert load_events_by_doc(path) == {"a": []}
    path.write_text('{"doc": "a", "events": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2:"):
        load_events_by_doc(path)


def test_empty_files_score_zero(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("", encoding="utf-8")
    scores = score(load_events_by_doc(tmp_path / "gold.jsonl"), load_events_by_doc(tmp_path / "pred.jsonl"))
    assert (scores.docs, scores.gold, scores.predicted, scores.matched) == (0, 0, 0, 0)
    assert scores.f1 == 0.0 and scores.actor1 == 0.0
    assert "articles" in format_scores(scores)


# ---------------------------------------------------------------- matching rules


def test_exact_match_scores_one_everywhere(tmp_path: Path) -> None:
    articles = {"a": [make_event(), make_event(sub_event_type="Armed clash", event_date="2017-10-10")]}
    scores = score_files(tmp_path, articles, articles)
    assert (scores.gold, scores.predicted, scores.matched) == (2, 2, 2)
    assert scores.precision == scores.recall == scores.f1 == 1.0
    for value in (scores.sub_event_type, scores.actor1, scores.actor2, scores.location_exact,
                  scores.date_exact, scores.fatalities_exact):
        assert value == 1.0


@pytest.mark.parametrize(
    ("time_precision", "shift_ok", "shift_too_far"),
    [(1, "2017-10-15", "2017-10-16"), (2, "2017-10-21", "2017-10-22"), (3, "2017-11-14", "2017-11-15")],
)
def test_date_tolerance_follows_gold_time_precision(
    time_precision: int, shift_ok: str, shift_too_far: str
) -> None:
    gold = make_event(time_precision=time_precision)
    assert pair_score(gold, make_event(event_date=shift_ok)) is not None
    assert pair_score(gold, make_event(event_date=shift_too_far)) is None


def test_date_tolerance_ignores_predicted_time_precision() -> None:
    gold = make_event(time_precision=1)
    assert pair_score(gold, make_event(event_date="2017-10-18", time_precision=3)) is None


def test_places_within_25_km_match_and_farther_do_not() -> None:
    gold = make_event()
    assert pair_score(gold, make_event(latitude=NEAR_MAYADIN[0], longitude=NEAR_MAYADIN[1])) is not None
    assert pair_score(gold, make_event(latitude=DEIR_EZ_ZOR[0], longitude=DEIR_EZ_ZOR[1])) is None


def test_missing_coordinates_do_not_match_without_region_precision() -> None:
    assert pair_score(make_event(), make_event(latitude=None, longitude=None)) is None


def test_geo_precision_3_matches_on_same_admin1() -> None:
    gold = make_event(geo_precision=3, latitude=DEIR_EZ_ZOR[0], longitude=DEIR_EZ_ZOR[1])
    far_same_province = make_event(admin1="deir ez zor")  # ~45 km away, admin1 spelt differently
    assert pair_score(gold, far_same_province) is not None
    # Either side's precision 3 is enough.
    assert pair_score(make_event(), make_event(geo_precision=3, latitude=None, longitude=None)) is not None


@pytest.mark.parametrize(
    ("one", "other"),
    [("Nord-Kivu", "North Kivu"), ("Cabo Delgado Province", "Cabo Delgado"), ("Rural Damascus", "Rif-dimashq"),
     ("Al Ḩudaydah", "Hudaydah"), ("Extrême-Nord", "Far North")],
)
def test_province_names_compare_across_conventions(one: str, other: str) -> None:
    assert admin1_key(one) == admin1_key(other)
    gold = make_event(geo_precision=3, admin1=one, latitude=DEIR_EZ_ZOR[0], longitude=DEIR_EZ_ZOR[1])
    assert pair_score(gold, make_event(admin1=other)) is not None


def test_geo_precision_3_other_admin1_falls_back_to_distance() -> None:
    gold = make_event(geo_precision=3)
    assert pair_score(gold, make_event(admin1="Homs", latitude=NEAR_MAYADIN[0])) is not None
    far_other_province = make_event(admin1="Homs", latitude=DEIR_EZ_ZOR[0], longitude=DEIR_EZ_ZOR[1])
    assert pair_score(gold, far_other_province) is None
    # Same admin1 without precision 3 on either side: distance decides.
    assert pair_score(make_event(), make_event(latitude=DEIR_EZ_ZOR[0], longitude=DEIR_EZ_ZOR[1])) is None


def test_event_type_must_be_equal() -> None:
    assert pair_score(make_event(), make_event(event_type="Explosions/Remote violence")) is None


def test_pair_score_rewards_agreeing_fields_and_closeness() -> None:
    gold = make_event()
    assert pair_score(gold, make_event()) == pytest.approx(4.0)
    assert pair_score(gold, make_event(actor1="military forces of  syria")) == pytest.approx(4.0)
    assert pair_score(gold, make_event(actor2="")) == pytest.approx(3.0)
    near = pair_score(gold, make_event(latitude=NEAR_MAYADIN[0], longitude=NEAR_MAYADIN[1]))
    assert near is not None and 3.85 < near < 3.9


def test_normalize_name_folds_case_hyphens_and_spaces() -> None:
    assert normalize_name("Deir ez-Zor") == normalize_name("  deir EZ zor ") == "deir ez zor"
    assert normalize_name(None) == ""


def test_matching_is_one_to_one() -> None:
    gold = [make_event()]
    pred = [make_event(), make_event()]
    assert len(match_events(gold, pred)) == 1
    assert len(match_events(pred, gold)) == 1


def test_greedy_takes_best_pair_first() -> None:
    # The first prediction fits both gold events; it must go to the one it fits best (same actor2),
    # leaving the other gold event to the second prediction.
    gold = [make_event(actor2="Islamic State"), make_event(actor2="")]
    pred = [make_event(actor2=""), make_event(actor2="Jaish al-Islam")]
    pairs = match_events(gold, pred)
    assert len(pairs) == 2
    assert (gold[1], pred[0]) in pairs and (gold[0], pred[1]) in pairs


def test_greedy_is_not_an_optimal_assignment() -> None:
    # g0-p0 is the best pair (4.0) and is taken first; g1 could only have had p0 (p1 is ~31 km from it),
    # so one pair is counted where an optimal assignment (g0-p1, g1-p0) would count two.
    south_of_mayadin = MAYADIN[0] - 0.18  # ~20 km
    gold = [make_event(), make_event(latitude=NEAR_MAYADIN[0], actor1="Hezbollah")]
    pred = [make_event(), make_event(latitude=south_of_mayadin, actor1="Hezbollah")]
    assert pair_score(gold[0], pred[1]) is not None and pair_score(gold[1], pred[0]) is not None
    assert pair_score(gold[1], pred[1]) is None
    assert match_events(gold, pred) == [(gold[0], pred[0])]


# ---------------------------------------------------------------- totals and breakdown


def test_missing_doc_counts_as_no_predictions_and_extra_docs_are_ignored(tmp_path: Path) -> None:
    gold = {"a": [make_event()], "b": [make_event(), make_event(event_date="2017-10-01")]}
    pred = {"a": [make_event()], "zzz": [make_event(), make_event()]}
    scores = score_files(tmp_path, gold, pred)
    assert (scores.docs, scores.gold, scores.predicted, scores.matched) == (2, 3, 1, 1)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(0.5)
    breakdown = [(d.doc, d.gold, d.predicted, d.matched) for d in scores.per_doc]
    assert breakdown == [("a", 1, 1, 1), ("b", 2, 0, 0)]


def test_accuracies_are_over_matched_pairs(tmp_path: Path) -> None:
    gold = {"a": [make_event(), make_event(event_date="2017-10-01", fatalities=5)]}
    pred = {"a": [
        make_event(event_date="2017-10-15", latitude=NEAR_MAYADIN[0], actor1="Hezbollah"),
        make_event(event_date="2017-10-01", fatalities=4, sub_event_type="Armed clash"),
        make_event(event_type="Protests"),
    ]}
    scores = score_files(tmp_path, gold, pred)
    assert (scores.gold, scores.predicted, scores.matched) == (2, 3, 2)
    assert scores.sub_event_type == 0.5
    assert scores.actor1 == 0.5
    assert scores.actor2 == 1.0
    assert scores.location_exact == 0.5
    assert scores.date_exact == 0.5
    assert scores.fatalities_exact == 0.5


def test_micro_average_sums_counts_over_articles(tmp_path: Path) -> None:
    gold = {"a": [make_event()], "b": [make_event() for _ in range(3)]}
    pred = {"a": [make_event(), make_event(event_type="Riots")], "b": [make_event()]}
    scores = score_files(tmp_path, gold, pred)
    assert (scores.matched, scores.predicted, scores.gold) == (2, 3, 4)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(0.5)


def test_scores_to_dict_and_table(tmp_path: Path) -> None:
    articles = {"a": [make_event()]}
    scores = score_files(tmp_path, articles, articles)
    summary = scores_to_dict(scores)
    assert summary["f1"] == 1.0 and summary["pred"] == 1 and summary["actor1_acc"] == 1.0
    assert summary["per_doc"] == [
        {"doc": "a", "gold": 1, "pred": 1, "matched": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    ]
    json.dumps(summary)
    table = format_scores(scores)
    assert "F1" in table and "1.000" in table and "a" in table.splitlines()[-1]


def test_corpus_folds_and_groups(tmp_path: Path) -> None:
    event = {"event_type": "Battles", "latitude": 14.1, "longitude": -1.6, "event_date": "2021-06-05",
             "time_precision": 1, "evidence": {"start": 0, "end": 10}}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"doc": "a", "fold": 0, "region": "Sahel", "events": [event]}) + "\n"
        + json.dumps({"doc": "b", "fold": 1, "region": "World", "events": [event]}) + "\n",
        encoding="utf-8",
    )
    pred = {"a": [event], "b": []}
    metadata = load_doc_metadata(gold)
    held_back = select_folds(load_events_by_doc(gold), metadata, [1])
    assert list(held_back) == ["b"]
    assert score(held_back, pred).f1 == 0.0
    groups = score_by(load_events_by_doc(gold), pred, metadata, "region")
    assert {name: s.f1 for name, s in groups.items()} == {"Sahel": 1.0, "World": 0.0}
    assert "Sahel" in format_groups(groups, "region")
