"""What the store answers with (plain dataclasses and records), and the filters it takes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_

from veilleur.dedupe import Cluster
from veilleur.records import Event
from veilleur.store.models import ClusterRow, EventRow
from veilleur.store.search import actor_names, country_names

Sel = TypeVar("Sel", bound=Select)


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the store, the API and the CLI. Empty fields do not filter; text matches ignore case.

    ``actor`` and ``country`` take what people type: an actor's alias or abbreviation from the registry
    ("Daech", "EI") also finds its canonical name, a French or English country name ("Syrie") finds ACLED's
    ("Syria") — see :mod:`veilleur.store.search`.
    """

    since: date | None = None
    until: date | None = None
    country: str = ""  # a country's name in French or English, or the start of one
    admin1: str = ""  # substring of the governorate / province
    event_type: str = ""  # ACLED event type, any case
    actor: str = ""  # substring of actor1, actor2 or an associated actor, or an alias from the registry
    doc: str = ""
    source: str = ""  # substring of the outlet that published the article ("RFI", "monde")
    sub_event_type: str = ""  # substring of the ACLED sub-event type ("strike" finds "Air/drone strike")
    min_fatalities: int = 0

    @property
    def active(self) -> bool:
        """Whether any field filters."""
        return any(getattr(self, f) for f in self.__dataclass_fields__)


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save_article` did with one article."""

    article_id: str
    status: str  # "inserted" | "replaced" (re-extraction) | "duplicate" (same text stored under another id)
    events: int = 0
    replaced_events: int = 0
    near_duplicate_of: str | None = None
    clusters: int = 0  # clusters rebuilt

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ArticleRecord:
    id: str
    text: str
    original: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None
    text_hash: str = ""
    near_duplicate_of: str | None = None
    events: list[Event] = field(default_factory=list)
    no_event_reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "url": self.url, "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text, "original": self.original, "text_hash": self.text_hash,
            "near_duplicate_of": self.near_duplicate_of, "no_event_reason": self.no_event_reason,
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article in the articles list: how many events it gave and, if none, why."""

    id: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: date | None = None
    events: int = 0
    no_event_reason: str = ""
    near_duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        return out


@dataclass
class EventDetail:
    """One event, the cluster it belongs to and the other mentions of the same happening."""

    event: Event
    cluster: Cluster | None = None
    article_title: str = ""
    article_url: str = ""

    @property
    def mentions(self) -> list[Event]:
        return list(self.cluster.members) if self.cluster else [self.event]

    def to_dict(self) -> dict[str, Any]:
        out = self.event.to_dict()
        out["article"] = {"id": self.event.doc, "title": self.article_title, "url": self.article_url}
        out["cluster"] = None
        if self.cluster is not None:
            c = self.cluster.to_dict()
            c.pop("evidence_spans", None)
            out["cluster"] = c
        out["mentions"] = [
            {"id": m.id, "doc": m.doc, "source_outlet": m.source_outlet, "event_date": m.event_date,
             "location": m.location, "fatalities": m.fatalities, "actor1": m.actor1, "actor2": m.actor2,
             "evidence": m.to_dict()["evidence"]}
            for m in self.mentions
        ]
        return out


@dataclass
class Stats:
    total: int = 0
    articles: int = 0
    clusters: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_week: dict[str, int] = field(default_factory=dict)  # ISO week "2017-W41"
    by_admin1: dict[str, int] = field(default_factory=dict)
    by_day: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> event_type -> count
    fatalities: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class OutletProfile:
    """How one outlet frames events: loaded terms its articles use, by side and by term."""

    outlet: str
    events: int = 0
    by_side: dict[str, int] = field(default_factory=dict)
    by_term: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _contains(column: Any, needle: str) -> Any:
    return func.lower(column).contains(needle.lower(), autoescape=True)


def _actor_clause(columns: tuple[Any, ...], typed: str) -> Any:
    needles = dict.fromkeys([typed.strip(), *actor_names(typed)])
    return or_(*(_contains(c, n) for c in columns for n in needles))


def _country_clause(column: Any, typed: str) -> Any:
    names = country_names(typed)
    if names:  # a name the gazetteer knows: its ACLED spelling, whatever language it was typed in
        return func.lower(column).in_([n.lower() for n in names])
    return _contains(column, typed.strip())


def _common(stmt: Sel, f: EventFilter, row: Any) -> Sel:
    """The filters events and clusters share, over ``row`` (:class:`EventRow` or :class:`ClusterRow`)."""
    if f.since:
        stmt = stmt.where(row.event_date >= f.since)
    if f.until:
        stmt = stmt.where(row.event_date <= f.until)
    if f.country.strip():
        stmt = stmt.where(_country_clause(row.country, f.country))
    if f.admin1.strip():
        stmt = stmt.where(_contains(row.admin1, f.admin1.strip()))
    if f.event_type.strip():
        stmt = stmt.where(func.lower(row.event_type) == f.event_type.strip().lower())
    if f.sub_event_type.strip():
        stmt = stmt.where(_contains(row.sub_event_type, f.sub_event_type.strip()))
    if f.min_fatalities:
        stmt = stmt.where(row.fatalities >= f.min_fatalities)
    if f.actor.strip():
        stmt = stmt.where(_actor_clause((row.actor1, row.actor2, row.assoc_actor_1, row.assoc_actor_2), f.actor))
    return stmt


def filter_events(stmt: Sel, f: EventFilter) -> Sel:
    """Apply an :class:`EventFilter` to a select over :class:`EventRow`."""
    stmt = _common(stmt, f, EventRow)
    if f.doc:
        stmt = stmt.where(EventRow.doc == f.doc)
    if f.source.strip():
        stmt = stmt.where(_contains(EventRow.source_outlet, f.source.strip()))
    return stmt


def filter_clusters(stmt: Sel, f: EventFilter) -> Sel:
    """The same filters over canonical cluster fields (``doc`` and ``source`` are ignored)."""
    return _common(stmt, f, ClusterRow)
