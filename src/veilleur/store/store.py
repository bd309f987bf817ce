"""The :class:`Store`: articles, events, evidence and clusters in SQLite or PostgreSQL.

One :class:`Store` owns its engines; build one per process and pass it on (there is no module-level engine).
With SQLite the database is a file in WAL mode: readers never block, and one writer connection per store
takes ``BEGIN IMMEDIATE`` so that several processes writing the same file queue instead of failing.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, func, or_, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.pool import StaticPool

from veilleur.dedupe import TIME_WINDOW, Cluster, cluster_events, is_near_duplicate, minhash_bands
from veilleur.records import Article, Event
from veilleur.store import convert
from veilleur.store.models import (
    ArticleBandRow,
    ArticleRow,
    ClusterRow,
    EventRow,
    EventSourceRow,
    EvidenceRow,
    LoadedTermRow,
)
from veilleur.store.queries import (
    ArticleRecord,
    ArticleSummary,
    EventDetail,
    EventFilter,
    OutletProfile,
    SaveResult,
    Stats,
    filter_clusters,
    filter_events,
)

MIGRATIONS = Path(__file__).with_name("migrations")
WRITER_LOCK_KEY = 0x5665696C  # "Veil": the PostgreSQL advisory lock that serialises writers
_EVENT_LOAD = (
    selectinload(EventRow.evidence),
    selectinload(EventRow.sources),
    selectinload(EventRow.loaded_terms),
)


def _default_no_event_reason(article: Article) -> str:
    if article.published is None:
        return "no publication date: events are dated from it"
    return "no event recognised"


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` → ``postgresql+psycopg://``; anything else unchanged."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=15000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Store:
    """Read and write Veilleur's records.

    >>> store = Store("sqlite:///veilleur.db"); store.migrate()  # doctest: +SKIP
    """

    def __init__(self, url: str = "sqlite:///veilleur.db", *, days: int = 1, km: float = 25.0) -> None:
        self.url = normalise_url(url)
        self.days = days
        self.km = km
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        self._lock = threading.Lock()
        if self.dialect == "sqlite":
            if parsed.database in (None, "", ":memory:"):
                engine = create_engine(
                    self.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
                _sqlite_pragmas(engine, immediate=True)
                self._reader = self._writer = engine
            else:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
                self._writer = create_engine(self.url, pool_size=1, max_overflow=0)
                self._reader = create_engine(self.url)
                _sqlite_pragmas(self._writer, immediate=True)
                _sqlite_pragmas(self._reader, immediate=False)
        else:
            self._writer = self._reader = create_engine(self.url, pool_pre_ping=True)
        self._read = sessionmaker(self._reader, expire_on_commit=False)
        self._write = sessionmaker(self._writer, expire_on_commit=False)

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------ lifecycle

    def alembic_config(self) -> Config:
        """An Alembic config for this store (``script_location`` inside the package, no ini file)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        return cfg

    def migrate(self, revision: str = "head") -> None:
        """Create or upgrade the schema (``alembic upgrade head``, run in-process)."""
        cfg = self.alembic_config()
        with self._lock, self._writer.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

    def close(self) -> None:
        self._writer.dispose()
        self._reader.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """One write transaction at a time: a lock in this process; across processes, SQLite's
        ``BEGIN IMMEDIATE`` or a PostgreSQL transaction-level advisory lock (clusters are rebuilt from what
        the transaction reads, so two writers must not interleave)."""
        with self._lock, self._write.begin() as session:
            if self.dialect == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
            yield session

    # ------------------------------------------------------------------ writing

    def save_article(self, article: Article, events: Sequence[Event], *, no_event_reason: str = "") -> SaveResult:
        """Store one article and its events in one transaction; idempotent.

        ``no_event_reason`` says why an article gave no event (see :func:`veilleur.pipeline.no_event_reason`);
        stored only when ``events`` is empty, where it defaults to the publication date missing, if it is,
        else "no event recognised".

        * same id or same URL as a stored article: a re-extraction; the article's fields are updated and
          its events replaced;
        * same normalised text (``text_hash``) as a stored article under another id/URL: not stored again
          (status ``duplicate``), unless the stored copy has no publication date and this one has: then the
          dated copy replaces it (its events could not be dated);
        * otherwise inserted. A near-duplicate (wire copy) of a stored text is linked to it.

        The clusters of the affected dates are rebuilt in the same transaction.
        """
        with self._writing() as s:
            row = s.get(ArticleRow, article.id)
            if row is None and article.url:
                row = s.scalars(select(ArticleRow).where(ArticleRow.url == article.url).limit(1)).first()
            orphans: list[str] = []
            old_events: list[str] = []
            if row is None:
                dup = s.scalars(
                    select(ArticleRow).where(ArticleRow.text_hash == article.text_hash).limit(1)
                ).first()
                if dup is not None and (dup.published is not None or article.published is None):
                    n = s.scalar(select(func.count()).select_from(EventRow).where(EventRow.doc == dup.id))
                    return SaveResult(dup.id, "duplicate", events=n or 0,
                                      near_duplicate_of=dup.near_duplicate_of)
                if dup is not None:  # the undated copy gives way to the dated one
                    old_events = list(s.scalars(select(EventRow.id).where(EventRow.doc == dup.id)))
                    orphans = self._remove_article_row(s, dup)
            if row is None:
                status = "inserted"
                row = ArticleRow(id=article.id)
                convert.fill_article_row(row, article)
                s.add(row)
            else:
                status = "replaced"
                old_events = list(s.scalars(select(EventRow.id).where(EventRow.doc == row.id)))
                orphans = self._delete_events(s, old_events)
                s.execute(delete(ArticleBandRow).where(ArticleBandRow.article_id == row.id))
                convert.fill_article_row(row, article)
            row.no_event_reason = "" if events else (no_event_reason or _default_no_event_reason(article))
            s.flush()
            bands = sorted(set(minhash_bands(article.text)))
            row.near_duplicate_of = self._find_near_duplicate(s, row.id, article.text, bands)
            s.add_all(ArticleBandRow(article_id=row.id, band=b) for b in bands)
            rows = self._event_rows(row.id, article, events)
            s.add_all(rows)
            s.flush()
            n_clusters = self._recluster(s, [r.id for r in rows] + orphans)
            return SaveResult(
                row.id, status, events=len(rows), replaced_events=len(old_events),
                near_duplicate_of=row.near_duplicate_of, clusters=n_clusters,
            )

    def delete_article(self, article_id: str) -> bool:
        """Remove an article, its events, and rebuild the clusters they were in."""
        with self._writing() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return False
            self._recluster(s, self._remove_article_row(s, row))
            return True

    def _remove_article_row(self, s: Session, row: ArticleRow) -> list[str]:
        """Delete an article row with its events and bands; returns the orphaned cluster members to rebuild."""
        orphans = self._delete_events(s, list(s.scalars(select(EventRow.id).where(EventRow.doc == row.id))))
        s.execute(update(ArticleRow).where(ArticleRow.near_duplicate_of == row.id).values(near_duplicate_of=None))
        s.execute(delete(ArticleBandRow).where(ArticleBandRow.article_id == row.id))
        s.delete(row)
        s.flush()
        return orphans

    def recluster(self) -> int:
        """Rebuild every cluster from scratch; returns the number of clusters."""
        with self._writing() as s:
            return self._recluster(s, None)

    def _neighbourhood(self, s: Session, seeds: Sequence[str]) -> set[str]:
        """The seeds and every stored event that could be clustered with one of them."""
        if not seeds:
            return set()
        slack = timedelta(days=self.days + max(TIME_WINDOW.values()))
        degrees = self.km / 111.0
        found = set(seeds)
        rows = s.execute(select(
            EventRow.event_type, EventRow.event_date, EventRow.admin1, EventRow.latitude, EventRow.longitude,
            EventRow.location,
        ).where(EventRow.id.in_(list(seeds)))).all()
        for event_type, day, admin1, lat, lon, location in rows:
            if day is None:
                continue
            near = [EventRow.location == location]
            if admin1:
                near.append(EventRow.admin1 == admin1)
            if lat is not None and lon is not None:
                widen = degrees / max(0.05, math.cos(math.radians(min(abs(lat) + degrees, 89.9))))
                near.append(EventRow.latitude.between(lat - degrees, lat + degrees)
                            & EventRow.longitude.between(lon - widen, lon + widen))
            found |= set(s.scalars(select(EventRow.id).where(
                EventRow.event_type == event_type, EventRow.event_date.between(day - slack, day + slack),
                or_(*near),
            )))
        return found

    def _event_rows(self, doc: str, article: Article, events: Sequence[Event]) -> list[EventRow]:
        rows: list[EventRow] = []
        seen: set[str] = set()
        for e in events:
            if e.doc != doc or not e.source_outlet:
                e = replace(e, doc=doc, source_outlet=e.source_outlet or article.source)
            if e.id in seen:  # the same event twice in one article: keep the first
                continue
            seen.add(e.id)
            rows.append(convert.event_row(e, doc, len(rows)))
        return rows

    @staticmethod
    def _delete_events(s: Session, ids: Sequence[str]) -> list[str]:
        """Delete events and dissolve their clusters; returns the surviving members left unclustered."""
        if not ids:
            return []
        clusters = select(EventRow.cluster_id).where(EventRow.id.in_(ids), EventRow.cluster_id.is_not(None))
        cluster_ids = [c for c in s.scalars(clusters) if c]
        for table in (EvidenceRow, EventSourceRow, LoadedTermRow):
            s.execute(delete(table).where(table.event_id.in_(ids)))
        s.execute(delete(EventRow).where(EventRow.id.in_(ids)))
        if not cluster_ids:
            return []
        orphans = list(s.scalars(select(EventRow.id).where(EventRow.cluster_id.in_(cluster_ids))))
        s.execute(update(EventRow).where(EventRow.cluster_id.in_(cluster_ids)).values(cluster_id=None))
        s.execute(delete(ClusterRow).where(ClusterRow.id.in_(cluster_ids)))
        return orphans

    @staticmethod
    def _find_near_duplicate(s: Session, doc: str, text: str, bands: list[str]) -> str | None:
        if not bands:
            return None
        cand = s.scalars(
            select(ArticleBandRow.article_id)
            .where(ArticleBandRow.band.in_(bands), ArticleBandRow.article_id != doc)
            .distinct()
        ).all()
        if not cand:
            return None
        rows = s.scalars(select(ArticleRow).where(ArticleRow.id.in_(cand))).all()
        matches = sorted(
            (r for r in rows if is_near_duplicate(text, r.text)),
            key=lambda r: (r.published or date.max, r.id),
        )
        if not matches:
            return None
        first = matches[0]
        return first.near_duplicate_of or first.id

    def _recluster(self, s: Session, seeds: Sequence[str] | None) -> int:
        """Rebuild the clusters around the ``seeds`` events (every cluster when ``None``).

        Only events that could share a cluster with a seed are read — same event type, dates within the
        widest window, same admin1 or a nearby point — together with the whole clusters they belong to,
        so saving an article into a large store touches a handful of rows, not a month of news.
        """
        stmt = select(EventRow).options(*_EVENT_LOAD)
        if seeds is not None:
            ids = self._neighbourhood(s, seeds)
            if not ids:
                return 0
            # close over existing clusters so that none is split between the neighbourhood and the rest
            touched = set(s.scalars(select(EventRow.cluster_id).where(
                EventRow.id.in_(ids), EventRow.cluster_id.is_not(None))))
            if touched:
                ids |= set(s.scalars(select(EventRow.id).where(EventRow.cluster_id.in_(touched))))
            stmt = stmt.where(EventRow.id.in_(ids))
        rows = list(s.scalars(stmt))
        events = [convert.event_record(r) for r in rows]
        old = {r.cluster_id for r in rows if r.cluster_id}
        docs = {e.doc for e in events}
        canon = select(ArticleRow.id, ArticleRow.near_duplicate_of).where(ArticleRow.near_duplicate_of.is_not(None))
        if seeds is not None:  # a full rebuild reads every copy: one bound parameter per article would
            canon = canon.where(ArticleRow.id.in_(docs))  # overflow PostgreSQL's 65,535 past that many
        doc_canon = {d: c for d, c in s.execute(canon).all() if c and d in docs}
        clusters = cluster_events(events, days=self.days, km=self.km, doc_canon=doc_canon)
        if seeds is None:
            s.execute(update(EventRow).values(cluster_id=None))
            s.execute(delete(ClusterRow))
        elif old:
            s.execute(update(EventRow).where(EventRow.cluster_id.in_(old)).values(cluster_id=None))
            s.execute(delete(ClusterRow).where(ClusterRow.id.in_(old)))
        s.add_all(convert.cluster_row(c) for c in clusters)
        s.flush()
        by_id = {r.id: r for r in rows}
        for c in clusters:
            for m in c.members:
                by_id[m.id].cluster_id = c.id
        s.flush()
        return len(clusters)

    # ------------------------------------------------------------------ reading

    def events(self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0) -> list[Event]:
        """Events matching ``filters``, latest first."""
        stmt = filter_events(select(EventRow).options(*_EVENT_LOAD), filters or EventFilter())
        stmt = stmt.order_by(EventRow.event_date.desc().nulls_last(), EventRow.id).limit(limit).offset(offset)
        with self._read() as s:
            return [convert.event_record(r) for r in s.scalars(stmt)]

    def count_events(self, filters: EventFilter | None = None) -> int:
        stmt = filter_events(select(func.count()).select_from(EventRow), filters or EventFilter())
        with self._read() as s:
            return int(s.scalar(stmt) or 0)

    def cluster_ids(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event id → cluster id, for the given events."""
        if not event_ids:
            return {}
        with self._read() as s:
            rows = s.execute(select(EventRow.id, EventRow.cluster_id).where(EventRow.id.in_(list(event_ids))))
            return {i: c for i, c in rows if c}

    def event(self, event_id: str) -> EventDetail | None:
        """One event with its article, cluster, and the other mentions of the same happening."""
        with self._read() as s:
            row = s.scalars(select(EventRow).options(*_EVENT_LOAD).where(EventRow.id == event_id)).first()
            if row is None:
                return None
            article = s.get(ArticleRow, row.doc)
            cluster = self._load_cluster(s, row.cluster_id) if row.cluster_id else None
            return EventDetail(
                event=convert.event_record(row), cluster=cluster,
                article_title=article.title if article else "", article_url=article.url if article else "",
            )

    def article(self, article_id: str) -> ArticleRecord | None:
        """One article with its text and events (evidence offsets point into ``original``)."""
        with self._read() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            events = s.scalars(
                select(EventRow).options(*_EVENT_LOAD)
                .where(EventRow.doc == row.id)
                .order_by(EventRow.position)
            ).all()
            return convert.article_record(row, [convert.event_record(e) for e in events])

    def articles(self, limit: int = 100, offset: int = 0) -> list[ArticleRecord]:
        """Stored articles (without events), latest published first."""
        stmt = (select(ArticleRow).order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
                .limit(limit).offset(offset))
        with self._read() as s:
            return [convert.article_record(r) for r in s.scalars(stmt)]

    def count_articles(self, source: str = "", *, without_events: bool = False) -> int:
        """How many stored articles (from outlets whose name contains ``source``; only those that gave no
        event with ``without_events``)."""
        stmt = self._article_filter(select(func.count()).select_from(ArticleRow), source, without_events)
        with self._read() as s:
            return int(s.scalar(stmt) or 0)

    def article_summaries(
        self, limit: int = 100, offset: int = 0, *, source: str = "", without_events: bool = False
    ) -> list[ArticleSummary]:
        """Stored articles, latest published first, each with its event count (zero included) and, for
        those that gave none, why."""
        n_events = (select(EventRow.doc, func.count().label("n")).group_by(EventRow.doc)).subquery()
        stmt = self._article_filter(
            select(ArticleRow.id, ArticleRow.title, ArticleRow.url, ArticleRow.source, ArticleRow.published,
                   func.coalesce(n_events.c.n, 0), ArticleRow.no_event_reason, ArticleRow.near_duplicate_of)
            .outerjoin(n_events, n_events.c.doc == ArticleRow.id),
            source, without_events,
        ).order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id).limit(limit).offset(offset)
        with self._read() as s:
            return [
                ArticleSummary(id=i, title=t or "", url=u or "", source=src or "", published=p, events=int(n),
                               no_event_reason=(r or "") if not n else "", near_duplicate_of=d)
                for i, t, u, src, p, n, r, d in s.execute(stmt).all()
            ]

    @staticmethod
    def _article_filter(stmt: Any, source: str, without_events: bool) -> Any:
        if source.strip():
            stmt = stmt.where(func.lower(ArticleRow.source).contains(source.strip().lower(), autoescape=True))
        if without_events:
            stmt = stmt.where(~select(EventRow.id).where(EventRow.doc == ArticleRow.id).exists())
        return stmt

    def stats(self, filters: EventFilter | None = None) -> Stats:
        """Event counts by type, ISO week, admin1 and day × type (mentions, not clusters)."""
        f = filters or EventFilter()
        out = Stats()
        with self._read() as s:
            base = filter_events(select(EventRow.event_type, EventRow.event_date, EventRow.admin1,
                                        func.count(), func.sum(EventRow.fatalities)), f)
            for etype, day, admin1, n, dead in s.execute(
                base.group_by(EventRow.event_type, EventRow.event_date, EventRow.admin1)
            ).all():
                n = int(n)
                out.total += n
                out.fatalities += int(dead or 0)
                out.by_type[etype] = out.by_type.get(etype, 0) + n
                out.by_admin1[admin1 or ""] = out.by_admin1.get(admin1 or "", 0) + n
                if day is not None:
                    year, week, _ = day.isocalendar()
                    wk = f"{year}-W{week:02d}"
                    out.by_week[wk] = out.by_week.get(wk, 0) + n
                    per = out.by_day.setdefault(day.isoformat(), {})
                    per[etype] = per.get(etype, 0) + n
            if f.active:
                # the header's counts follow the filters: the articles and the distinct happenings (clusters)
                # behind the matching events, whatever field (outlet, alias...) did the matching
                out.articles = int(s.scalar(filter_events(select(func.count(EventRow.doc.distinct())), f)) or 0)
                out.clusters = int(s.scalar(filter_events(select(func.count(EventRow.cluster_id.distinct())), f))
                                   or 0)
            else:
                out.articles = int(s.scalar(select(func.count()).select_from(ArticleRow)) or 0)
                out.clusters = int(s.scalar(select(func.count()).select_from(ClusterRow)) or 0)
        out.by_week = dict(sorted(out.by_week.items()))
        out.by_day = dict(sorted(out.by_day.items()))
        out.by_type = dict(sorted(out.by_type.items(), key=lambda kv: (-kv[1], kv[0])))
        out.by_admin1 = dict(sorted(out.by_admin1.items(), key=lambda kv: (-kv[1], kv[0])))
        return out

    def clusters(
        self, filters: EventFilter | None = None, limit: int = 100, offset: int = 0,
        *, min_corroboration: int = 1, min_mentions: int = 1,
    ) -> list[Cluster]:
        """Clusters (canonical events with their mentions), latest first."""
        stmt = filter_clusters(select(ClusterRow), filters or EventFilter())
        stmt = stmt.where(ClusterRow.corroboration >= min_corroboration, ClusterRow.mentions >= min_mentions)
        stmt = stmt.order_by(ClusterRow.event_date.desc().nulls_last(), ClusterRow.id)
        stmt = stmt.limit(limit).offset(offset)
        with self._read() as s:
            rows = list(s.scalars(stmt))
            members = self._members(s, [r.id for r in rows])
            return [convert.cluster_record(r, members.get(r.id, [])) for r in rows]

    def count_clusters(
        self, filters: EventFilter | None = None, *, min_corroboration: int = 1, min_mentions: int = 1
    ) -> int:
        stmt = filter_clusters(select(func.count()).select_from(ClusterRow), filters or EventFilter())
        stmt = stmt.where(ClusterRow.corroboration >= min_corroboration, ClusterRow.mentions >= min_mentions)
        with self._read() as s:
            return int(s.scalar(stmt) or 0)

    def cluster(self, cluster_id: str) -> Cluster | None:
        with self._read() as s:
            return self._load_cluster(s, cluster_id)

    def _load_cluster(self, s: Session, cluster_id: str) -> Cluster | None:
        row = s.get(ClusterRow, cluster_id)
        if row is None:
            return None
        return convert.cluster_record(row, self._members(s, [row.id]).get(row.id, []))

    @staticmethod
    def _members(s: Session, cluster_ids: Sequence[str]) -> dict[str, list[Event]]:
        if not cluster_ids:
            return {}
        out: dict[str, list[Event]] = {}
        stmt = (select(EventRow).options(*_EVENT_LOAD).where(EventRow.cluster_id.in_(list(cluster_ids)))
                .order_by(EventRow.event_date, EventRow.source_outlet, EventRow.id))
        for r in s.scalars(stmt):
            assert r.cluster_id is not None
            out.setdefault(r.cluster_id, []).append(convert.event_record(r))
        return out

    def outlet_profiles(self, filters: EventFilter | None = None) -> list[OutletProfile]:
        """Per outlet: events, and loaded terms its events' evidence uses, by side and by term."""
        f = filters or EventFilter()
        with self._read() as s:
            counts = s.execute(filter_events(
                select(EventRow.source_outlet, func.count()).group_by(EventRow.source_outlet), f)).all()
            profiles = {o or "": OutletProfile(outlet=o or "", events=int(n)) for o, n in counts}
            terms = s.execute(filter_events(
                select(EventRow.source_outlet, LoadedTermRow.side, LoadedTermRow.term, func.count())
                .join(LoadedTermRow, LoadedTermRow.event_id == EventRow.id)
                .group_by(EventRow.source_outlet, LoadedTermRow.side, LoadedTermRow.term), f)).all()
        for outlet, side, term, n in terms:
            p = profiles.setdefault(outlet or "", OutletProfile(outlet=outlet or ""))
            p.by_side[side or ""] = p.by_side.get(side or "", 0) + int(n)
            p.by_term[term] = p.by_term.get(term, 0) + int(n)
        return sorted(profiles.values(), key=lambda p: (-p.events, p.outlet))
