"""The codebook's section 8 scorer: predicted events against gold events, article by article.

Per article, gold and predicted events are paired one-to-one, best pairs first. A pair is *admissible*
when the event types are equal, the places agree (within 25 km; or, when either side has geo_precision 3,
the same admin1) and the dates agree (within 1 day; 7 when gold time_precision is 2; 31 when it is 3).
Admissible pairs are ranked by

    1 + [sub_event_type equal] + [actor1 equal] + [actor2 equal] - min(km, 25) / 100

and taken greedily from the highest. Counts are summed over articles (micro-average): precision =
matched / predicted, recall = matched / gold. On matched pairs the scorer reports how often each
attribute agrees: sub-event type, actor1, actor2, location (<= 5 km), date (same day), fatalities.

Events are plain dicts with the codebook field names, so gold files and the product's JSONL export
(:meth:`veilleur.records.Event.to_dict`) are scored the same way.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from veilleur.records import great_circle_km

EventRecord = dict[str, Any]
EventsByDoc = dict[str, list[EventRecord]]
MatchedPair = tuple[EventRecord, EventRecord]

MATCH_RADIUS_KM = 25.0
EXACT_LOCATION_KM = 5.0
REGION_PRECISION = 3
# Province names differ across GeoNames, ACLED and French usage ("Nord-Kivu" / "North Kivu", "Cabo Delgado
# Province" / "Cabo Delgado", "Rural Damascus" / "Rif-dimashq"): compared as the codebook's reference scorer
# compares them, accents dropped, French compass words in English, generic words and Arabic articles left out.
ADMIN1_COMPASS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "extreme": "far"}
ADMIN1_GENERIC = frozenset({"province", "governorate", "gouvernorat", "region", "state", "etat", "muhafazat", "al",
                            "ar", "as", "ad", "el", "de", "du", "la", "le"})
ADMIN1_VARIANTS = {"rural damascus": "rif dimashq", "damascus countryside": "rif dimashq", "raqqah": "raqqa",
                   "hasakah": "hasaka", "ninawa": "ninewa", "nineveh": "ninewa", "hudaydah": "hodeidah"}
DATE_TOLERANCE_DAYS = {1: 1, 2: 7, 3: 31}
DOC_KEYS = ("doc", "doc_id", "article_id")


# ---------------------------------------------------------------- loading


def load_events_by_doc(path: Path | str) -> dict[str, list[dict]]:
    """Read a JSONL file of events, grouped by article id.

    Two line shapes are accepted, even mixed: an article with its ``events`` list (the gold shape), or
    one event with a ``doc`` field (the product's export). An article listed with no events is kept
    with an empty list, so it is scored (gold) or counts as predicting nothing (predictions).
    """
    events_by_doc: defaultdict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from error
            if "events" in record:
                events_by_doc[str(record.get("doc"))].extend(record["events"] or [])
            else:
                events_by_doc[_doc_id_of(record)].append(record)
    return dict(events_by_doc)


def load_doc_metadata(path: Path | str) -> dict[str, dict[str, Any]]:
    """Per article of a gold file, its fields other than ``events`` (``fold``, ``region``, ``country``...)."""
    metadata: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                if "events" in record:
                    metadata[str(record.get("doc"))] = {k: v for k, v in record.items() if k != "events"}
    return metadata


def select_folds(gold: EventsByDoc, metadata: dict[str, dict[str, Any]], folds: Iterable[int]) -> EventsByDoc:
    """The gold articles whose ``fold`` is one of ``folds``."""
    wanted = set(folds)
    return {doc: events for doc, events in gold.items() if metadata.get(doc, {}).get("fold") in wanted}


def score_by(
    gold: EventsByDoc, pred: EventsByDoc, metadata: dict[str, dict[str, Any]], key: str
) -> dict[str, Scores]:
    """Scores per value of one metadata field (``region``, ``country``, ``fold``)."""
    groups: defaultdict[str, EventsByDoc] = defaultdict(dict)
    for doc, events in gold.items():
        groups[str(metadata.get(doc, {}).get(key, "?"))][doc] = events
    return {group: score(groups[group], pred) for group in sorted(groups)}


def _doc_id_of(record: EventRecord) -> str:
    for key in DOC_KEYS:
        if record.get(key):
            return str(record[key])
    return "None"


# ---------------------------------------------------------------- field comparisons


def normalize_name(value: Any) -> str:
    """Lower case, hyphens as spaces, white space folded: "Deir ez-Zor" == "deir  ez zor"."""
    return " ".join(str(value or "").lower().replace("-", " ").split())


def admin1_key(value: Any) -> str:
    """A province's name in a form shared by its conventions: "Nord-Kivu" and "North Kivu" -> "north kivu"."""
    ascii_name = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode().lower()
    words = [ADMIN1_COMPASS.get(w, w) for w in ascii_name.replace("-", " ").replace("'", " ").split()
             if w not in ADMIN1_GENERIC]
    key = " ".join(words)
    return ADMIN1_VARIANTS.get(key, key)


def _int_field(record: EventRecord, name: str, default: int) -> int:
    value = record.get(name)
    try:
        return int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        return default


def distance_km(a: EventRecord, b: EventRecord) -> float:
    """Great-circle distance between two events' coordinates; infinite when either has none."""
    try:
        lat1, lon1, lat2, lon2 = (float(x) for x in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return math.inf
    return great_circle_km(lat1, lon1, lat2, lon2)


def days_apart(a: EventRecord, b: EventRecord) -> float:
    """Absolute difference of two events' dates in days; infinite when either is missing or invalid."""
    try:
        first = date.fromisoformat(str(a.get("event_date"))[:10])
        second = date.fromisoformat(str(b.get("event_date"))[:10])
    except ValueError:
        return math.inf
    return float(abs((first - second).days))


def fatalities_of(record: EventRecord) -> int | None:
    """The event's death toll: 0 when absent, None when unreadable."""
    value = record.get("fatalities")
    if value in (None, ""):
        return 0
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def places_agree(gold: EventRecord, pred: EventRecord) -> bool:
    """Within 25 km; or, when either side is only placed by province, in the same admin1."""
    if REGION_PRECISION in (_int_field(gold, "geo_precision", 1), _int_field(pred, "geo_precision", 1)):
        gold_admin1 = admin1_key(gold.get("admin1"))
        if gold_admin1 and gold_admin1 == admin1_key(pred.get("admin1")):
            return True
    return distance_km(gold, pred) <= MATCH_RADIUS_KM


def dates_agree(gold: EventRecord, pred: EventRecord) -> bool:
    """Within the tolerance the gold time_precision allows (1, 7 or 31 days)."""
    tolerance = DATE_TOLERANCE_DAYS.get(_int_field(gold, "time_precision", 1), 1)
    return days_apart(gold, pred) <= tolerance


def _same_sub_event_type(gold: EventRecord, pred: EventRecord) -> bool:
    return gold.get("sub_event_type") == pred.get("sub_event_type")


def _same_actor1(gold: EventRecord, pred: EventRecord) -> bool:
    return normalize_name(gold.get("actor1")) == normalize_name(pred.get("actor1"))


def _same_actor2(gold: EventRecord, pred: EventRecord) -> bool:
    return normalize_name(gold.get("actor2")) == normalize_name(pred.get("actor2"))


def _same_location(gold: EventRecord, pred: EventRecord) -> bool:
    return distance_km(gold, pred) <= EXACT_LOCATION_KM


def _same_date(gold: EventRecord, pred: EventRecord) -> bool:
    return days_apart(gold, pred) == 0


def _same_fatalities(gold: EventRecord, pred: EventRecord) -> bool:
    return fatalities_of(gold) == fatalities_of(pred)


# Attribute name -> test on a matched (gold, predicted) pair.
ATTRIBUTE_TESTS: dict[str, Callable[[EventRecord, EventRecord], bool]] = {
    "sub_event_type": _same_sub_event_type,
    "actor1": _same_actor1,
    "actor2": _same_actor2,
    "location_exact": _same_location,
    "date_exact": _same_date,
    "fatalities_exact": _same_fatalities,
}


# ---------------------------------------------------------------- matching


def pair_score(gold: EventRecord, pred: EventRecord) -> float | None:
    """How well a predicted event fits a gold event; None when the pair is not admissible."""
    if gold.get("event_type") != pred.get("event_type"):
        return None
    if not places_agree(gold, pred) or not dates_agree(gold, pred):
        return None
    agreements = _same_sub_event_type(gold, pred) + _same_actor1(gold, pred) + _same_actor2(gold, pred)
    return 1.0 + agreements - min(distance_km(gold, pred), MATCH_RADIUS_KM) / 100


def match_events(gold: list[EventRecord], pred: list[EventRecord]) -> list[MatchedPair]:
    """One-to-one pairs, greedily from the best pair score.

    Ties are taken from the last gold event, then the last prediction — the reference scorer's order,
    so that both count the same matches.
    """
    candidates = []
    for gold_index, gold_event in enumerate(gold):
        for pred_index, pred_event in enumerate(pred):
            fit = pair_score(gold_event, pred_event)
            if fit is not None:
                candidates.append((fit, gold_index, pred_index))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[MatchedPair] = []
    for _, gold_index, pred_index in candidates:
        if gold_index in used_gold or pred_index in used_pred:
            continue
        used_gold.add(gold_index)
        used_pred.add(pred_index)
        pairs.append((gold[gold_index], pred[pred_index]))
    return pairs


def count_type_matches(gold: list[EventRecord], pred: list[EventRecord]) -> int:
    """Events paired on event_type alone (multiset intersection): a lenient, place-blind figure."""
    gold_types = Counter(str(e.get("event_type")) for e in gold)
    pred_types = Counter(str(e.get("event_type")) for e in pred)
    return sum((gold_types & pred_types).values())


# ---------------------------------------------------------------- scores


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


@dataclass
class DocScores:
    """Event counts for one article."""

    doc: str
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _harmonic_mean(self.precision, self.recall)


@dataclass
class Scores:
    """Micro-averaged scores over every gold article, with the per-article breakdown.

    ``correct`` counts, for each name of :data:`ATTRIBUTE_TESTS`, the matched pairs that agree on it;
    the properties of the same names are the accuracies on matched pairs.
    """

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    type_matched: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTE_TESTS, 0))
    per_doc: list[DocScores] = field(default_factory=list)

    @property
    def docs(self) -> int:
        return len(self.per_doc)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _harmonic_mean(self.precision, self.recall)

    @property
    def type_only_f1(self) -> float:
        """F1 when events are paired on event_type alone."""
        return _harmonic_mean(_ratio(self.type_matched, self.predicted), _ratio(self.type_matched, self.gold))

    def accuracy(self, attribute: str) -> float:
        """Share of matched pairs that agree on ``attribute`` (a key of :data:`ATTRIBUTE_TESTS`)."""
        return _ratio(self.correct[attribute], self.matched)

    @property
    def sub_event_type(self) -> float:
        return self.accuracy("sub_event_type")

    @property
    def actor1(self) -> float:
        return self.accuracy("actor1")

    @property
    def actor2(self) -> float:
        return self.accuracy("actor2")

    @property
    def location_exact(self) -> float:
        return self.accuracy("location_exact")

    @property
    def date_exact(self) -> float:
        return self.accuracy("date_exact")

    @property
    def fatalities_exact(self) -> float:
        return self.accuracy("fatalities_exact")

    def add_doc(self, doc: str, gold: list[EventRecord], pred: list[EventRecord]) -> None:
        """Score one article and add its counts to the totals."""
        pairs = match_events(gold, pred)
        self.per_doc.append(DocScores(doc, len(gold), len(pred), len(pairs)))
        self.gold += len(gold)
        self.predicted += len(pred)
        self.matched += len(pairs)
        self.type_matched += count_type_matches(gold, pred)
        for attribute, agrees in ATTRIBUTE_TESTS.items():
            self.correct[attribute] += sum(1 for g, p in pairs if agrees(g, p))


def score(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> Scores:
    """Score predictions against gold. Only gold articles count; one absent from ``pred`` predicts nothing."""
    scores = Scores()
    for doc, gold_events in gold.items():
        scores.add_doc(doc, gold_events, pred.get(doc, []))
    return scores


# ---------------------------------------------------------------- reporting

SUMMARY_DIGITS = 3
ACCURACY_KEYS = {
    "sub_event_type": "sub_event_type_acc",
    "actor1": "actor1_acc",
    "actor2": "actor2_acc",
    "location_exact": "location_exact",
    "date_exact": "date_exact",
    "fatalities_exact": "fatalities_exact",
}


def _doc_to_dict(doc_scores: DocScores) -> dict[str, Any]:
    return {
        "doc": doc_scores.doc,
        "gold": doc_scores.gold,
        "pred": doc_scores.predicted,
        "matched": doc_scores.matched,
        "precision": round(doc_scores.precision, SUMMARY_DIGITS),
        "recall": round(doc_scores.recall, SUMMARY_DIGITS),
        "f1": round(doc_scores.f1, SUMMARY_DIGITS),
    }


def scores_to_dict(scores: Scores) -> dict:
    """Plain JSON-ready summary (keys as the reference scorer's ``--json``), plus ``per_doc``."""
    out: dict[str, Any] = {
        "docs": scores.docs,
        "gold": scores.gold,
        "pred": scores.predicted,
        "matched": scores.matched,
        "precision": round(scores.precision, SUMMARY_DIGITS),
        "recall": round(scores.recall, SUMMARY_DIGITS),
        "f1": round(scores.f1, SUMMARY_DIGITS),
        "type_only_f1": round(scores.type_only_f1, SUMMARY_DIGITS),
    }
    for attribute, key in ACCURACY_KEYS.items():
        out[key] = round(scores.accuracy(attribute), SUMMARY_DIGITS)
    out["per_doc"] = [_doc_to_dict(d) for d in scores.per_doc]
    return out


def _table(header: Iterable[str], rows: list[list[str]]) -> list[str]:
    columns = [list(header), *rows]
    widths = [max(len(row[i]) for row in columns) for i in range(len(columns[0]))]
    lines = []
    for row in columns:
        numbers = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        cells = [row[0].ljust(widths[0]), *numbers]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def format_scores(scores: Scores, per_doc: bool = True) -> str:
    """A readable report: event counts and F1, attribute accuracies, then one row per article."""
    summary = [
        ["articles", str(scores.docs)],
        ["gold events", str(scores.gold)],
        ["predicted events", str(scores.predicted)],
        ["matched", str(scores.matched)],
        ["precision", f"{scores.precision:.3f}"],
        ["recall", f"{scores.recall:.3f}"],
        ["F1", f"{scores.f1:.3f}"],
        ["type-only F1", f"{scores.type_only_f1:.3f}"],
    ]
    summary += [
        [f"{attribute} (matched)", f"{scores.accuracy(attribute):.3f}"] for attribute in ATTRIBUTE_TESTS
    ]
    lines = _table(["measure", "value"], summary)
    if per_doc and scores.per_doc:
        rows = [
            [d.doc, str(d.gold), str(d.predicted), str(d.matched), f"{d.precision:.3f}", f"{d.recall:.3f}",
             f"{d.f1:.3f}"]
            for d in scores.per_doc
        ]
        lines += ["", *_table(["article", "gold", "pred", "matched", "P", "R", "F1"], rows)]
    return "\n".join(lines)


def format_groups(groups: dict[str, Scores], key: str) -> str:
    """One row per group: counts, event F1 and the main attribute accuracies."""
    rows = [
        [name, str(s.docs), str(s.gold), str(s.predicted), str(s.matched), f"{s.precision:.3f}", f"{s.recall:.3f}",
         f"{s.f1:.3f}", f"{s.actor1:.3f}", f"{s.location_exact:.3f}", f"{s.date_exact:.3f}"]
        for name, s in groups.items()
    ]
    header = [key, "docs", "gold", "pred", "matched", "P", "R", "F1", "actor1", "loc exact", "date exact"]
    return "\n".join(_table(header, rows))
