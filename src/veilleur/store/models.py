"""SQLAlchemy 2 models: the tables behind :class:`veilleur.store.Store`.

The schema itself is created by the Alembic migrations in ``migrations/``; these classes must match them.
Rows never leave the store: :mod:`veilleur.store.convert` turns them into records.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), default="", index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="", index=True)
    published: Mapped[date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    original: Mapped[str] = mapped_column(Text, default="")
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    near_duplicate_of: Mapped[str | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), nullable=True, index=True
    )
    no_event_reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # empty if it gave events

    events: Mapped[list[EventRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True,
        order_by="EventRow.position",
    )
    bands: Mapped[list[ArticleBandRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ArticleBandRow(Base):
    """MinHash LSH band keys of an article's text: candidates for near-duplicate detection."""

    __tablename__ = "article_bands"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_article_bands_band", "band"),)


class ClusterRow(Base):
    """A group of event mentions that report one happening, with its canonical coding."""

    __tablename__ = "clusters"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    canonical_event_id: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(100), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(100), default="")
    actor1: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_1: Mapped[str] = mapped_column(String(600), default="")
    actor2: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_2: Mapped[str] = mapped_column(String(600), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    admin1: Mapped[str] = mapped_column(String(200), default="")
    admin2: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    geo_precision: Mapped[int] = mapped_column(Integer, default=1)
    event_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    time_precision: Mapped[int] = mapped_column(Integer, default=2)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    corroboration: Mapped[int] = mapped_column(Integer, default=1)
    mentions: Mapped[int] = mapped_column(Integer, default=1)
    outlets: Mapped[list[str]] = mapped_column(JSON, default=list)
    disagreements: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    doc: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    event_type: Mapped[str] = mapped_column(String(100), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(100), default="")
    actor1: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_1: Mapped[str] = mapped_column(String(600), default="")
    actor2: Mapped[str] = mapped_column(String(300), default="")
    assoc_actor_2: Mapped[str] = mapped_column(String(600), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    admin1: Mapped[str] = mapped_column(String(200), default="", index=True)
    admin2: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(200), default="", index=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    geo_precision: Mapped[int] = mapped_column(Integer, default=1)
    event_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    time_precision: Mapped[int] = mapped_column(Integer, default=2)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    notes_fr: Mapped[str] = mapped_column(Text, default="")
    notes_en: Mapped[str] = mapped_column(Text, default="")
    source_outlet: Mapped[str] = mapped_column(String(200), default="", index=True)
    cluster_id: Mapped[str | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), nullable=True, index=True
    )

    article: Mapped[ArticleRow] = relationship(back_populates="events")
    evidence: Mapped[list[EvidenceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EvidenceRow.id"
    )
    sources: Mapped[list[EventSourceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EventSourceRow.position"
    )
    loaded_terms: Mapped[list[LoadedTermRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="LoadedTermRow.id"
    )

    # the candidates of an incremental reclustering: one event type, a window of dates (migration 0004)
    __table_args__ = (Index("ix_events_event_type_event_date", "event_type", "event_date"),)


class EvidenceRow(Base):
    """One evidence span: ``[start, end)`` in the article's original text, for one field."""

    __tablename__ = "evidence_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(50))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")


class EventSourceRow(Base):
    """A source (outlet, agency, ministry) the article credits for the event."""

    __tablename__ = "event_sources"

    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_event_sources_name", "name"),)


class LoadedTermRow(Base):
    __tablename__ = "loaded_terms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(300))
    neutral: Mapped[str] = mapped_column(String(300), default="")
    family: Mapped[str] = mapped_column(String(100), default="")
    side: Mapped[str] = mapped_column(String(100), default="")
    span_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    span_text: Mapped[str | None] = mapped_column(Text, nullable=True)


# ---------------------------------------------------------------- watching outlets (veilleur watch)


class WatchSourceRow(Base):
    """One watched outlet's state: the feed's validators for conditional GET and its health."""

    __tablename__ = "watch_sources"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), default="")
    kind: Mapped[str] = mapped_column(String(20), default="")
    etag: Mapped[str] = mapped_column(String(500), default="")
    last_modified: Mapped[str] = mapped_column(String(100), default="")
    last_poll: Mapped[str] = mapped_column(String(40), default="")  # ISO timestamps, UTC
    last_success: Mapped[str] = mapped_column(String(40), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    events_coded: Mapped[int] = mapped_column(Integer, default=0)


class WatchItemRow(Base):
    """An item (article URL) a source listed and the watcher dealt with: never fetched twice."""

    __tablename__ = "watch_items"
    __table_args__ = (UniqueConstraint("source", "url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    seen_at: Mapped[str] = mapped_column(String(40), default="")
    article_id: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")  # "stored", or why not


class AlertRow(Base):
    """An alert fired: once per rule and event cluster, however many outlets report the event."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("rule", "cluster_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rule: Mapped[str] = mapped_column(String(200))
    cluster_id: Mapped[str] = mapped_column(String(64))
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    fired_at: Mapped[str] = mapped_column(String(40), default="")
    payload: Mapped[Any] = mapped_column(JSON, default=dict)
