"""What ``veilleur watch`` remembers between rounds, in the same database as the events.

Items are claimed before they are fetched (a unique row per source and URL), so two watchers on one
PostgreSQL never process the same item; a claim left ``pending`` by a watcher that died is taken over
after :data:`STALE_CLAIM`. Alerts are rows unique per rule and event cluster: an alert fires once however
many outlets report the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from veilleur.store.models import AlertRow, WatchItemRow, WatchSourceRow
from veilleur.store.store import Store

STALE_CLAIM = timedelta(minutes=10)
PENDING = "pending"


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceHealth:
    name: str
    url: str
    kind: str
    etag: str
    last_modified: str
    last_poll: str
    last_success: str
    last_error: str
    items_seen: int
    events_coded: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Alert:
    rule: str
    cluster_id: str
    event_id: str
    fired_at: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class WatchState:
    """The watcher's memory in a :class:`Store` (migrated: revision 0002 or later)."""

    def __init__(self, store: Store, stale_after: timedelta = STALE_CLAIM) -> None:
        self.store = store
        self.stale_after = stale_after

    # -- sources

    def source(self, name: str, url: str, kind: str) -> SourceHealth:
        """The source's state, created on first sight."""
        with self.store._writing() as s:
            row = s.get(WatchSourceRow, name)
            if row is None:
                row = WatchSourceRow(name=name, url=url, kind=kind, etag="", last_modified="", last_poll="",
                                     last_success="", last_error="", items_seen=0, events_coded=0)
                s.add(row)
            else:
                row.url, row.kind = url, kind
            s.flush()
            return _health(row)

    def record_poll(self, name: str, *, error: str = "", etag: str | None = None,
                    last_modified: str | None = None, items: int = 0, events: int = 0) -> None:
        """One polling round of a source: its outcome, the new validators, what it brought."""
        with self.store._writing() as s:
            row = s.get(WatchSourceRow, name)
            if row is None:
                return
            row.last_poll = now_iso()
            if error:
                row.last_error = f"{row.last_poll} {error}"[:2000]
            else:
                row.last_success = row.last_poll
            if etag is not None:
                row.etag = etag[:500]
            if last_modified is not None:
                row.last_modified = last_modified[:100]
            row.items_seen += items
            row.events_coded += events

    def sources(self) -> list[SourceHealth]:
        with self.store._read() as s:
            return [_health(r) for r in s.scalars(select(WatchSourceRow).order_by(WatchSourceRow.name))]

    # -- items

    def claim(self, source: str, url: str) -> bool:
        """Take an item for processing: False when it was dealt with, or another watcher holds it."""
        stamp = now_iso()
        try:
            with self.store._writing() as s:
                s.add(WatchItemRow(source=source, url=url, seen_at=stamp, article_id="", outcome=PENDING))
            return True
        except IntegrityError:
            pass
        stale = (datetime.now(timezone.utc) - self.stale_after).isoformat(timespec="seconds")
        with self.store._writing() as s:  # a claim its watcher never finished: take it over
            taken = s.execute(
                update(WatchItemRow)
                .where(WatchItemRow.source == source, WatchItemRow.url == url, WatchItemRow.outcome == PENDING,
                       WatchItemRow.seen_at < stale)
                .values(seen_at=stamp)
            )
            return bool(getattr(taken, "rowcount", 0))

    def finish(self, source: str, url: str, outcome: str, article_id: str = "") -> None:
        with self.store._writing() as s:
            s.execute(update(WatchItemRow).where(WatchItemRow.source == source, WatchItemRow.url == url)
                      .values(outcome=outcome[:2000] or "done", article_id=article_id))

    def seen(self, source: str) -> set[str]:
        """URLs of the source's items already dealt with (or being dealt with)."""
        with self.store._read() as s:
            return set(s.scalars(select(WatchItemRow.url).where(WatchItemRow.source == source)))

    # -- alerts

    def fire(self, rule: str, cluster_id: str, event_id: str, payload: dict[str, Any],
             members: Sequence[str] = ()) -> bool:
        """Record an alert; False when this rule already fired for this cluster, or for one of its member
        events (a cluster's id changes as outlets join it: the alert stays fired)."""
        try:
            with self.store._writing() as s:
                earlier = s.scalar(select(AlertRow.id).where(
                    AlertRow.rule == rule,
                    or_(AlertRow.cluster_id == cluster_id, AlertRow.event_id.in_([event_id, *members])),
                ).limit(1))
                if earlier is not None:
                    return False
                s.add(AlertRow(rule=rule, cluster_id=cluster_id, event_id=event_id, fired_at=now_iso(),
                               payload=payload))
            return True
        except IntegrityError:
            return False

    def alerts(self, limit: int = 100) -> list[Alert]:
        with self.store._read() as s:
            rows = s.scalars(select(AlertRow).order_by(AlertRow.id.desc()).limit(limit))
            return [Alert(r.rule, r.cluster_id, r.event_id, r.fired_at, dict(r.payload or {})) for r in rows]


def _health(row: WatchSourceRow) -> SourceHealth:
    return SourceHealth(row.name, row.url, row.kind, row.etag, row.last_modified, row.last_poll, row.last_success,
                        row.last_error, row.items_seen, row.events_coded)
