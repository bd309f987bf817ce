"""Clustering of event mentions across outlets, and wire-copy detection (pure, no database)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import Corpus

from veilleur.dedupe import (
    Cluster,
    actors_compatible,
    cluster_events,
    compatible,
    is_near_duplicate,
    minhash_bands,
    near_duplicate_docs,
    pairwise_scores,
)
from veilleur.records import Article, Event


def _by_label(corpus: Corpus, clusters: list[Cluster]) -> dict[str, Cluster]:
    out: dict[str, Cluster] = {}
    for c in clusters:
        labels = {corpus.labels[m.id] for m in c.members}
        assert len(labels) == 1, f"cluster mixes {labels}"
        out[labels.pop()] = c
    return out


@pytest.fixture(scope="module")
def clustered(corpus: Corpus) -> list[Cluster]:
    return cluster_events(corpus.events, doc_canon=near_duplicate_docs(corpus.articles))


def test_corpus_pairwise_precision_recall(
    corpus: Corpus, clustered: list[Cluster], capsys: pytest.CaptureFixture[str]
) -> None:
    expected: dict[str, list[str]] = {}
    for event_id, label in corpus.labels.items():
        expected.setdefault(label, []).append(event_id)
    precision, recall = pairwise_scores([c.member_ids for c in clustered], list(expected.values()))
    with capsys.disabled():
        print(
            f"\n[dedupe] {len(corpus.events)} mentions, {len(clustered)} clusters "
            f"(expected {len(expected)}): pairwise precision {precision:.3f}, recall {recall:.3f}"
        )
    assert precision >= 0.95
    assert recall >= 0.95


def test_canonical_fatalities_is_lowest_reported_toll(corpus: Corpus, clustered: list[Cluster]) -> None:
    by = _by_label(corpus, clustered)
    douma = by["H2"]
    assert douma.canonical.fatalities == corpus.expected["H2"]["fatalities"] == 15
    assert douma.disagreements["fatalities"] == {"AFP": 15, "Le Monde": 17, "OSDH": 18}
    azaz = by["H3"]
    assert azaz.canonical.fatalities == 12
    assert set(azaz.disagreements["fatalities"].values()) == {43, 48, 12}


def test_generic_actor_yields_to_named_one(corpus: Corpus, clustered: list[Cluster]) -> None:
    by = _by_label(corpus, clustered)
    assert by["H3"].canonical.actor1 == "Islamic State"
    assert "actor1" in by["H3"].disagreements
    assert by["H2"].canonical.actor1 == "Military Forces of Syria"  # one outlet named no attacker


def test_wire_copies_count_once(corpus: Corpus, clustered: list[Cluster]) -> None:
    damas = _by_label(corpus, clustered)["H5"]
    assert len(damas.members) == corpus.expected["H5"]["mentions"] == 4
    assert damas.corroboration == corpus.expected["H5"]["corroboration"] == 2
    assert damas.outlets == ["AFP", "SANA"]
    mayadine = _by_label(corpus, clustered)["H1"]
    assert mayadine.corroboration == 3
    assert mayadine.canonical.geo_precision == 1  # the most precise mention is canonical


def test_swapped_sides_of_a_clash_still_match(corpus: Corpus, clustered: list[Cluster]) -> None:
    deir = _by_label(corpus, clustered)["H4"]
    assert len(deir.members) == 2
    assert deir.canonical.fatalities == 10


def test_near_duplicate_docs(corpus: Corpus) -> None:
    found = near_duplicate_docs(corpus.articles)
    assert found == corpus.near_duplicates


def test_near_duplicate_helpers() -> None:
    a = "Au moins dix civils ont été tués mardi dans un bombardement sur la ville, selon une ONG locale."
    b = "AU MOINS DIX CIVILS ont ete tues mardi dans un bombardement sur la ville, selon une ONG locale !"
    assert is_near_duplicate(a, b)
    assert minhash_bands(a) == minhash_bands(b)
    assert not is_near_duplicate(a, "Une manifestation a rassemblé des centaines de personnes à Idleb vendredi.")
    assert near_duplicate_docs([Article("x", a), Article("y", "")]) == {}


def _ev(doc: str, **kw: object) -> Event:
    base: dict[str, object] = dict(
        event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Syria",
        actor2="Islamic State", location="Palmyra", admin1="Homs", country="Syria",
        latitude=34.5604, longitude=38.2669, geo_precision=1, event_date="2017-03-02", time_precision=1,
    )
    base.update(kw)
    return Event(doc=doc, **base)  # type: ignore[arg-type]


def test_compatibility_rules() -> None:
    a = _ev("a")
    assert compatible(a, _ev("b", event_date="2017-03-03"))
    assert not compatible(a, _ev("b", event_date="2017-03-04"))
    assert compatible(a, _ev("b", event_date="2017-03-06", time_precision=2))  # week precision
    assert not compatible(a, _ev("a"))  # one article's events are distinct by construction
    assert not compatible(a, _ev("b", event_type="Protests"))
    assert not compatible(a, _ev("b", latitude=34.2, longitude=37.2))  # Homs city, ~100 km
    assert compatible(a, _ev("b", latitude=34.7, longitude=38.3))  # ~16 km
    assert compatible(a, _ev("b", geo_precision=3, latitude=34.73, longitude=36.71))  # same admin1
    assert not compatible(a, _ev("b", geo_precision=3, admin1="Hama", latitude=35.1, longitude=36.7))
    assert compatible(a, _ev("b", latitude=None, longitude=None, location="palmyra"))
    assert not compatible(a, _ev("b", actor1="Hezbollah"))
    assert compatible(a, _ev("b", actor2=""))
    assert actors_compatible("Unidentified Armed Group (Syria)", "Jaish al-Islam")
    assert not actors_compatible("Jaish al-Islam", "Faylaq al-Rahman")


def test_complete_linkage_does_not_chain() -> None:
    # a-b 20 km apart, b-c 20 km apart, a-c 40 km apart: c must not join a's cluster through b
    a = _ev("a", latitude=34.0, longitude=38.0)
    b = _ev("b", latitude=34.18, longitude=38.0)
    c = _ev("c", latitude=34.36, longitude=38.0)
    clusters = cluster_events([a, b, c])
    assert sorted(len(cl.members) for cl in clusters) == [1, 2]


def test_cluster_ids_are_stable_and_order_free() -> None:
    events = [_ev("a"), _ev("b", fatalities=3), _ev("c", event_date="2017-05-01")]
    one = cluster_events(events)
    two = cluster_events(list(reversed(events)))
    assert sorted(c.id for c in one) == sorted(c.id for c in two)
    assert cluster_events([]) == []
    merged = next(c for c in one if len(c.members) == 2)
    assert merged.canonical.fatalities == 3  # "a" reported no toll: it is not a lower figure
    assert merged.to_dict()["mentions"] == 2
    assert replace(merged.canonical, fatalities=0).fatalities == 0


def _every_group_clustering(events: list[Event]) -> list[list[str]]:
    """The reference: each event compared with every group ever made (what the blocked index must equal)."""
    from veilleur.dedupe import _group_distance

    order = sorted(events, key=lambda e: (e.event_date, e.event_type, e.doc, e.id))
    groups: list[list[Event]] = []
    for e in order:
        best, best_dist = None, float("inf")
        for g in groups:
            if all(compatible(e, m) for m in g) and (dist := _group_distance(e, g)) < best_dist:
                best, best_dist = g, dist
        if best is None:
            groups.append([e])
        else:
            best.append(e)
    return sorted(sorted(m.id for m in g) for g in groups)


def test_blocked_clustering_equals_comparing_every_group() -> None:
    import random

    rng = random.Random(3)
    events = []
    for n in range(700):
        precision = rng.choice([1, 1, 1, 2, 3])
        placed = rng.random() > 0.1
        events.append(Event(
            doc=f"d{n % 350}", event_type=rng.choice(["Battles", "Riots"]), sub_event_type="Armed clash",
            actor1=rng.choice(["Military Forces of Mali", "Islamic State", ""]), actor2="",
            location=rng.choice(["Gao", "Ansongo", "Bourem"]), admin1=rng.choice(["Gao", "Mopti"]), country="Mali",
            latitude=15.0 + rng.random() * 1.2 if placed else None,
            longitude=-0.5 + rng.random() * 1.5 if placed else None,
            geo_precision=precision, event_date=f"2021-06-{rng.randint(1, 28):02d}",
            time_precision=rng.choice([1, 1, 2, 3]),
        ))
    blocked = sorted(sorted(m.id for m in c.members) for c in cluster_events(events))
    assert blocked == _every_group_clustering(events)


def test_clusters_match_the_pinned_snapshot() -> None:
    """Speed work on clustering must not move a single cluster, canonical field or disagreement."""
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "scripts"))
    from snapshot_dedupe_clusters import SNAPSHOT, current_clusters

    assert current_clusters() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_event_id_is_hashed_once_and_follows_its_fields() -> None:
    import hashlib

    event = _ev("a")
    expected = hashlib.sha1("|".join(
        str(x) for x in (event.doc, event.sub_event_type, event.location, event.event_date, event.actor1,
                         event.actor2)
    ).encode("utf-8")).hexdigest()[:16]
    assert event.id == expected
    assert event._id_memo is not None and event.id is event._id_memo[1]  # the memo answers the second read
    event.actor2 = "Civilians (Syria)"  # a stage may still change an identifying field: the id follows
    assert event.id != expected
    event.actor2 = _ev("a").actor2
    assert event.id == expected
    event.fatalities = 40  # not an identifying field
    assert event.id == expected
    assert replace(event, location="Alep").id != expected
    assert Event.from_dict(event.to_dict()).id == expected
    assert event == replace(event)  # the memo takes no part in equality
