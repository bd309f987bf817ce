"""Records ↔ rows. The only place that knows both shapes."""

from __future__ import annotations

from datetime import date

from veilleur.dedupe import Cluster
from veilleur.records import EVENT_FIELDS, Article, Event, LoadedTerm, Span
from veilleur.store.models import (
    ArticleRow,
    ClusterRow,
    EventRow,
    EventSourceRow,
    EvidenceRow,
    LoadedTermRow,
)
from veilleur.store.queries import ArticleRecord

_PLAIN_FIELDS = tuple(f for f in EVENT_FIELDS if f != "event_date")


def to_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def from_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def event_row(event: Event, doc: str, position: int) -> EventRow:
    row = EventRow(
        id=event.id, doc=doc, position=position, event_date=to_date(event.event_date),
        notes_fr=event.notes.get("fr", ""), notes_en=event.notes.get("en", ""),
        source_outlet=event.source_outlet, cluster_id=None,
    )
    for name in _PLAIN_FIELDS:
        setattr(row, name, getattr(event, name))
    row.evidence = [
        EvidenceRow(field=name, start=s.start, end=s.end, text=s.text)
        for name, spans in event.evidence.items()
        for s in spans
    ]
    seen: list[str] = []
    for name in event.sources:
        if name and name not in seen:
            seen.append(name)
    row.sources = [EventSourceRow(name=name, position=i) for i, name in enumerate(seen)]
    row.loaded_terms = [
        LoadedTermRow(
            term=t.term, neutral=t.neutral, family=t.family, side=t.side,
            span_start=t.span.start if t.span else None, span_end=t.span.end if t.span else None,
            span_text=t.span.text if t.span else None,
        )
        for t in event.loaded_terms
    ]
    return row


def event_record(row: EventRow) -> Event:
    event = Event(doc=row.doc, event_type=row.event_type, sub_event_type=row.sub_event_type)
    for name in _PLAIN_FIELDS:
        setattr(event, name, getattr(row, name))
    event.event_date = from_date(row.event_date)
    for ev in row.evidence:
        event.evidence.setdefault(ev.field, []).append(Span(row.doc, ev.start, ev.end, ev.text))
    event.sources = [s.name for s in row.sources]
    event.loaded_terms = [
        LoadedTerm(
            term=t.term, neutral=t.neutral, family=t.family, side=t.side,
            span=Span(row.doc, t.span_start, t.span_end, t.span_text or "")
            if t.span_start is not None and t.span_end is not None else None,
        )
        for t in row.loaded_terms
    ]
    event.notes = {k: v for k, v in (("fr", row.notes_fr), ("en", row.notes_en)) if v}
    event.source_outlet = row.source_outlet
    return event


def fill_article_row(row: ArticleRow, article: Article) -> None:
    row.url = article.url
    row.title = article.title
    row.source = article.source
    row.published = article.published
    row.text = article.text
    row.original = article.original
    row.text_hash = article.text_hash


def article_record(row: ArticleRow, events: list[Event] | None = None) -> ArticleRecord:
    return ArticleRecord(
        id=row.id, text=row.text, original=row.original or row.text, title=row.title, url=row.url,
        source=row.source, published=row.published, text_hash=row.text_hash,
        near_duplicate_of=row.near_duplicate_of, events=events or [], no_event_reason=row.no_event_reason or "",
    )


def article_of(row: ArticleRow) -> Article:
    return Article(
        id=row.id, text=row.text, title=row.title, published=row.published, url=row.url,
        source=row.source, original=row.original or row.text,
    )


def cluster_row(cluster: Cluster) -> ClusterRow:
    c = cluster.canonical
    row = ClusterRow(
        id=cluster.id, canonical_event_id=c.id, event_date=to_date(c.event_date),
        corroboration=cluster.corroboration, mentions=len(cluster.members),
        outlets=list(cluster.outlets), disagreements=cluster.disagreements,
    )
    for name in _PLAIN_FIELDS:
        setattr(row, name, getattr(c, name))
    return row


def cluster_record(row: ClusterRow, members: list[Event]) -> Cluster:
    """Rebuild a cluster from its stored canonical fields and its member events."""
    base = next((m for m in members if m.id == row.canonical_event_id), None)
    canonical = Event(doc=base.doc if base else "", event_type=row.event_type,
                      sub_event_type=row.sub_event_type)
    if base is not None:
        canonical.evidence = dict(base.evidence)
        canonical.loaded_terms = list(base.loaded_terms)
        canonical.notes = dict(base.notes)
        canonical.source_outlet = base.source_outlet
    for name in _PLAIN_FIELDS:
        setattr(canonical, name, getattr(row, name))
    canonical.event_date = from_date(row.event_date)
    canonical.sources = sorted({s for m in members for s in m.sources})
    return Cluster(
        id=row.id, canonical=canonical, members=members, outlets=list(row.outlets or []),
        corroboration=row.corroboration, disagreements=dict(row.disagreements or {}),
    )
