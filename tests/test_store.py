"""The store, run against a real SQLite file and the real PostgreSQL (see the ``store`` fixture)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import Corpus
from sqlalchemy import create_engine, inspect, text
from sqlalchemy import event as sa_event

from veilleur.dedupe import cluster_events, near_duplicate_docs
from veilleur.records import Article, Event, Span
from veilleur.store import EventFilter, Store, normalise_url


def _partition(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


def test_migrate_creates_schema_and_is_idempotent(store: Store) -> None:
    store.migrate()  # second run: nothing to do
    engine = create_engine(store.url)
    try:
        tables = set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        indexes = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("events")}
    finally:
        engine.dispose()
    assert {"articles", "events", "evidence_spans", "event_sources", "loaded_terms", "clusters",
            "watch_sources", "watch_items", "alerts"} <= tables
    assert version == "0004"
    # the incremental reclustering reads one event type within a window of dates
    assert indexes["ix_events_event_type_event_date"] == ["event_type", "event_date"]


def test_round_trip_keeps_every_field(store: Store, corpus: Corpus) -> None:
    article = corpus.article("sana-mayadine")
    events = corpus.events_of(article.id)
    result = store.save_article(article, events)
    assert (result.article_id, result.status, result.events) == (article.id, "inserted", 1)
    stored = store.events(EventFilter(doc=article.id))
    assert [e.to_dict() for e in stored] == [e.to_dict() for e in events]
    rec = store.article(article.id)
    assert rec is not None
    assert (rec.title, rec.url, rec.source, rec.published) == (
        article.title, article.url, "SANA", date(2017, 10, 14))
    assert rec.text_hash == article.text_hash
    for event in rec.events:
        for spans in event.evidence.values():
            for span in spans:
                assert rec.original[span.start : span.end] == span.text
        assert event.notes["en"].startswith("Syrian government forces")
        assert {t.side for t in event.loaded_terms} == {"pro-government"}
        assert all(t.span and rec.original[t.span.start : t.span.end] == t.term for t in event.loaded_terms)


def test_same_article_is_stored_once(store: Store, corpus: Corpus) -> None:
    article = corpus.article("osdh-douma")
    events = corpus.events_of(article.id)
    store.save_article(article, events)
    again = store.save_article(article, events)
    assert again.status == "replaced" and again.replaced_events == 1
    # same URL under another id: the stored article, re-extracted
    by_url = store.save_article(replace(article, id="other-id"), events)
    assert by_url.article_id == article.id and by_url.status == "replaced"
    # same text under another id and URL: a duplicate, nothing stored
    copy = Article(id="copy", text=article.text.upper() + "  ", url="https://elsewhere.test/x", source="X")
    dup = store.save_article(copy, [replace(events[0], doc="copy")])
    assert (dup.status, dup.article_id) == ("duplicate", article.id)
    assert store.count_articles() == 1
    assert store.count_events() == 1
    assert store.article("copy") is None and store.article("other-id") is None


def test_a_dated_copy_replaces_an_undated_one(store: Store, corpus: Corpus) -> None:
    article = corpus.article("osdh-douma")
    events = corpus.events_of(article.id)
    undated = replace(article, id="undated", url="https://elsewhere.test/undated", published=None)
    store.save_article(undated, [])
    dated = store.save_article(article, events)
    assert (dated.article_id, dated.status, dated.events) == (article.id, "inserted", 1)
    assert store.article("undated") is None
    assert store.count_articles() == 1
    # and never the other way round: an undated copy of a dated article is a duplicate
    assert store.save_article(undated, []).status == "duplicate"


def test_re_extraction_replaces_events(store: Store, corpus: Corpus) -> None:
    article = corpus.article("osdh-douma")
    event = corpus.events_of(article.id)[0]
    second = replace(event, location="Harasta", latitude=33.5586, longitude=36.365, evidence={})
    store.save_article(article, [event, second])
    assert store.count_events(EventFilter(doc=article.id)) == 2
    corrected = replace(event, fatalities=19)
    result = store.save_article(article, [corrected])
    assert (result.events, result.replaced_events) == (1, 2)
    [only] = store.events(EventFilter(doc=article.id))
    assert only.fatalities == 19
    assert store.count_clusters() == 1


def test_failed_save_leaves_nothing(store: Store, corpus: Corpus) -> None:
    article = corpus.article("rfi-azaz")
    bad = replace(corpus.events_of(article.id)[0], event_type=None)  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - the driver's integrity error
        store.save_article(article, [bad])
    assert store.article(article.id) is None
    assert store.count_events() == 0
    assert store.save_article(article, corpus.events_of(article.id)).status == "inserted"


def test_filters_and_paging(filled_store: Store, corpus: Corpus) -> None:
    store = filled_store
    assert store.count_events() == len(corpus.events)
    assert store.count_events(EventFilter(country="syria")) == len(corpus.events)
    assert store.count_events(EventFilter(event_type="Protests")) == 1
    assert store.count_events(EventFilter(admin1="Rif Dimashq")) == 4
    nov = EventFilter(since=date(2017, 11, 13), until=date(2017, 11, 13))
    assert {e.location for e in store.events(nov)} == {"Douma", "Saraqib"}
    jaish = store.events(EventFilter(actor="JAISH"))
    assert [e.doc for e in jaish] == ["sana-damas-obus"]
    assert store.count_events(EventFilter(actor="islamic state", admin1="Damascus")) == 3
    assert store.count_events(EventFilter(doc="lp-azaz")) == 1
    assert store.count_events(EventFilter(source="SANA")) == 5
    page1 = store.events(limit=5, offset=0)
    page2 = store.events(limit=5, offset=5)
    everything = store.events(limit=1000)
    assert [e.id for e in page1 + page2] == [e.id for e in everything[:10]]
    dates = [e.event_date for e in everything]
    assert dates == sorted(dates, reverse=True)


def test_filters_match_what_people_type(filled_store: Store, corpus: Corpus) -> None:
    store = filled_store
    islamic_state = {e.id for e in corpus.events if "Islamic State" in (e.actor1, e.actor2)}
    assert islamic_state
    # an alias or abbreviation from the actor registry finds the canonical name the events carry
    for typed in ("Daech", "daesh", "EI", "l'État islamique", "Islamic State"):
        assert {e.id for e in store.events(EventFilter(actor=typed), limit=100)} == islamic_state, typed
    # a French or English country name, any case, or its start; a name nobody has finds nothing
    for typed in ("Syrie", "SYRIA", "république arabe syrienne", "syr"):
        assert store.count_events(EventFilter(country=typed)) == len(corpus.events), typed
    assert store.count_events(EventFilter(country="Irak")) == 0
    assert store.count_events(EventFilter(country="Atlantide")) == 0
    # part of an outlet's name; the type in any case; part of the sub-type and of the admin1
    rfi = [a.id for a in corpus.articles if a.source == "RFI"]
    assert {e.doc for e in store.events(EventFilter(source="rf"), limit=100)} == set(rfi)
    assert store.count_events(EventFilter(source="monde")) == len(
        [e for e in corpus.events if e.source_outlet == "Le Monde"])
    assert store.count_events(EventFilter(event_type="battles")) == 7
    strikes = [e for e in corpus.events if "strike" in e.sub_event_type.lower()]
    assert strikes and store.count_events(EventFilter(sub_event_type="STRIKE")) == len(strikes)
    assert store.count_events(EventFilter(admin1="deir")) == 7
    deadly = [e for e in corpus.events if e.fatalities >= 10]
    assert 0 < len(deadly) < len(corpus.events)
    assert store.count_events(EventFilter(min_fatalities=10)) == len(deadly)
    # clusters take the same filters
    assert store.count_clusters(EventFilter(actor="Daech")) == store.count_clusters(
        EventFilter(actor="Islamic State")) > 0


def test_stats_counts_follow_the_filters(filled_store: Store, corpus: Corpus) -> None:
    sana = filled_store.stats(EventFilter(source="SANA"))
    sana_events = [e for e in corpus.events if e.source_outlet == "SANA"]
    assert sana.total == len(sana_events)
    assert sana.articles == len({e.doc for e in sana_events}) < len(corpus.articles)
    assert 0 < sana.clusters <= sana.total
    assert filled_store.stats().articles == len(corpus.articles)


def test_event_detail_has_mentions_and_evidence(filled_store: Store, corpus: Corpus) -> None:
    afp = corpus.events_of("afp-douma")[0]
    detail = filled_store.event(afp.id)
    assert detail is not None and detail.cluster is not None
    assert detail.event.evidence["fatalities"][0].text == "Au moins 15 civils"
    assert {m.doc for m in detail.mentions} == {"osdh-douma", "afp-douma", "monde-douma"}
    assert detail.cluster.canonical.fatalities == 15
    assert detail.cluster.corroboration == 3
    assert detail.cluster.disagreements["fatalities"]["OSDH"] == 18
    assert detail.to_dict()["article"]["url"] == "https://exemple.test/afp/douma"
    assert filled_store.event("nope") is None


def test_clusters_match_pure_dedupe(filled_store: Store, corpus: Corpus) -> None:
    expected = cluster_events(corpus.events, doc_canon=near_duplicate_docs(corpus.articles))
    stored = filled_store.clusters(limit=1000)
    assert _partition([c.member_ids for c in stored]) == _partition([c.member_ids for c in expected])
    assert {c.id: c.corroboration for c in stored} == {c.id: c.corroboration for c in expected}
    assert filled_store.count_clusters() == len(expected)
    multi = filled_store.clusters(min_corroboration=2, limit=1000)
    assert {len(c.members) for c in multi} >= {2, 3, 4}
    assert all(c.corroboration >= 2 for c in multi)
    damas = next(c for c in stored if c.canonical.location == "Damascus" and len(c.members) == 4)
    assert (damas.corroboration, damas.outlets) == (2, ["AFP", "SANA"])
    assert filled_store.cluster(damas.id) is not None
    # a full rebuild gives the same clusters as the incremental ones
    assert filled_store.recluster() == len(expected)
    again = filled_store.clusters(limit=1000)
    assert _partition([c.member_ids for c in again]) == _partition([c.member_ids for c in stored])


def test_full_recluster_binds_no_parameter_per_article(filled_store: Store, corpus: Corpus) -> None:
    """PostgreSQL takes at most 65,535 bound parameters a statement: a full rebuild of a large store must not
    list every article (the wire copies are read whole)."""
    widest: list[int] = []

    def count(_conn: object, _cursor: object, sql: str, parameters: object, _context: object,
              executemany: bool) -> None:
        if "FROM articles" in sql and not executemany and isinstance(parameters, (dict, tuple, list)):
            widest.append(len(parameters))

    engine = filled_store._writer  # noqa: SLF001 - the statements the store sends
    sa_event.listen(engine, "before_cursor_execute", count)
    try:
        expected = filled_store.count_clusters()
        assert filled_store.recluster() == expected
    finally:
        sa_event.remove(engine, "before_cursor_execute", count)
    assert len(corpus.articles) > 10
    assert widest and max(widest) < 10, widest


def test_near_duplicates_are_linked(filled_store: Store, corpus: Corpus) -> None:
    for copy, original in corpus.near_duplicates.items():
        rec = filled_store.article(copy)
        assert rec is not None and rec.near_duplicate_of == original
    rec = filled_store.article("sana-damas")
    assert rec is not None and rec.near_duplicate_of is None


def test_delete_article_rebuilds_clusters(filled_store: Store, corpus: Corpus) -> None:
    monde = corpus.events_of("monde-douma")[0]
    assert filled_store.delete_article("monde-douma")
    assert not filled_store.delete_article("monde-douma")
    afp = filled_store.event(corpus.events_of("afp-douma")[0].id)
    assert afp is not None and afp.cluster is not None
    assert monde.id not in afp.cluster.member_ids and len(afp.cluster.members) == 2


def test_stats(filled_store: Store, corpus: Corpus) -> None:
    stats = filled_store.stats()
    assert stats.total == len(corpus.events) == sum(stats.by_type.values())
    assert stats.articles == len(corpus.articles)
    assert stats.by_type["Explosions/Remote violence"] == 13
    assert stats.by_week["2017-W46"] == 5
    assert stats.by_admin1["Deir ez-Zor"] == 7
    assert stats.by_day["2017-10-02"] == {"Explosions/Remote violence": 5}
    assert list(stats.by_day) == sorted(stats.by_day)
    only = filled_store.stats(EventFilter(event_type="Battles"))
    assert only.total == 7 and set(only.by_type) == {"Battles"}


def test_outlet_profiles(filled_store: Store) -> None:
    profiles = {p.outlet: p for p in filled_store.outlet_profiles()}
    sana = profiles["SANA"]
    assert sana.events == 5
    assert sana.by_side == {"pro-government": 7}
    assert sana.by_term["terroristes"] == 5
    assert profiles["OSDH"].by_side == {"opposition": 1}
    assert profiles["AFP"].by_side == {}


def test_concurrent_writers(store: Store, corpus: Corpus) -> None:
    """Two stores on one database (as two processes would be) writing at once: nothing lost."""
    other = Store(store.url)
    errors: list[BaseException] = []
    halves = [corpus.articles[::2], corpus.articles[1::2]]

    def work(s: Store, articles: list[Article]) -> None:
        try:
            for a in articles:
                s.save_article(a, corpus.events_of(a.id))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, h)) for s, h in zip((store, other), halves, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not errors
    assert store.count_articles() == len(corpus.articles)
    assert store.count_events() == len(corpus.events)
    store.recluster()
    assert store.count_clusters() == 11


def test_sqlite_file_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store() as store:
        store.migrate()
        store.save_article(Article("a", "Texte."), [Event("a", "Protests", "Peaceful protest")])
        assert (tmp_path / "veilleur.db").exists()
        engine = create_engine(store.url)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        engine.dispose()
        [event] = store.events()
        assert event.event_date == "" and event.evidence == {}
        assert store.stats().by_day == {}


def test_url_rewriting() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
    assert "secret" not in repr(Store("postgresql://u:secret@127.0.0.1:1/db"))


def test_evidence_span_doc_follows_stored_id(store: Store) -> None:
    article = Article("a1", "Un drone a frappé Idleb.", url="https://x.test/a")
    event = Event("a1", "Explosions/Remote violence", "Air/drone strike", event_date="2017-01-01")
    event.add_evidence("trigger", Span("a1", 3, 8, "drone"))
    store.save_article(article, [event])
    store.save_article(replace(article, id="a2"), [replace(event, doc="a2")])  # same URL
    [stored] = store.events()
    assert stored.doc == "a1" and stored.evidence["trigger"][0].doc == "a1"
