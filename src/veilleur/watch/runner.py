"""One polling round: every due source's listing, its new items fetched, coded, stored and alerted on.

Sources are independent: one that fails (timeout, 5xx, a malformed feed) is recorded as failing and the
round goes on. An item is claimed in the store before it is fetched and marked with its outcome after,
so a watcher stopped at any point, restarted, or running beside another on the same PostgreSQL never
stores an article twice (a re-run stores by URL, which replaces, never duplicates).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from veilleur.ingest.html import article_from_html
from veilleur.ingest.text import ReadOptions, article_from_text
from veilleur.pipeline import Pipeline, no_event_reason
from veilleur.records import Article, Event, Rejection
from veilleur.store import Store
from veilleur.store.watch_state import WatchState
from veilleur.watch.alerts import AlertLog, matches, payload
from veilleur.watch.config import Rule, Source
from veilleur.watch.fetch import Fetcher, FetchError
from veilleur.watch.listing import Item, ListingError, items_of

FEED_TEXT_MIN_CHARS = 400  # a feed entry this long is the article; shorter ones are teasers: fetch the page


@dataclass
class SourceReport:
    name: str
    status: str = "ok"  # ok | not modified | not due | failed
    error: str = ""
    new_items: int = 0
    stored: int = 0
    events: int = 0
    alerts: int = 0
    problems: list[str] = field(default_factory=list)  # per item: why it was not stored


@dataclass
class RoundReport:
    sources: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {"seconds": round(self.seconds, 3), "sources": [vars(s) for s in self.sources]}


@dataclass
class Watcher:
    """What a round needs: the store, the pipeline (built once), a fetcher, the alert rules."""

    store: Store
    pipeline: Pipeline
    fetcher: Fetcher
    rules: Sequence[Rule] = ()
    log: AlertLog = field(default_factory=AlertLog)

    def __post_init__(self) -> None:
        self.state = WatchState(self.store)

    def poll_round(self, sources: Sequence[Source], *, force: bool = True) -> RoundReport:
        """Poll every source (only the due ones when ``force`` is False) once."""
        started = time.perf_counter()
        report = RoundReport()
        for source in sources:
            report.sources.append(self.poll_source(source, force=force))
        report.seconds = time.perf_counter() - started
        return report

    def poll_source(self, source: Source, *, force: bool = True) -> SourceReport:
        report = SourceReport(source.name)
        state = self.state.source(source.name, source.url, source.kind)
        if not force and not _due(state.last_poll, source.interval):
            report.status = "not due"
            return report
        try:
            listing = self.fetcher.get(source.url, state.etag, state.last_modified)
            if listing.not_modified:
                report.status = "not modified"
                self.state.record_poll(source.name)
                return report
            items = items_of(source.kind, listing.content, listing.url)
        except (FetchError, ListingError) as exc:
            report.status, report.error = "failed", str(exc)
            self.state.record_poll(source.name, error=str(exc))
            return report
        seen = self.state.seen(source.name)
        for item in (i for i in items if i.url not in seen):
            if not self.state.claim(source.name, item.url):
                continue  # another watcher has it, or had it
            report.new_items += 1
            self._take(source, item, report)
        self.state.record_poll(source.name, etag=listing.etag, last_modified=listing.last_modified,
                               items=report.new_items, events=report.events)
        return report

    def _take(self, source: Source, item: Item, report: SourceReport) -> None:
        """Fetch, code, store and alert on one item; its outcome is recorded whatever happens."""
        try:
            article = self._article(source, item)
        except FetchError as exc:
            article = Rejection(_item_id(item.url), str(exc))
        if isinstance(article, Rejection):
            report.problems.append(f"{item.url}: {article.reason}")
            self.state.finish(source.name, item.url, article.reason)
            return
        result = self.pipeline.process(article)
        if result.rejection is not None:
            report.problems.append(f"{item.url}: {result.rejection.reason}")
            self.state.finish(source.name, item.url, result.rejection.reason, article.id)
            return
        saved = self.store.save_article(article, result.events, no_event_reason=no_event_reason(result))
        self.state.finish(source.name, item.url, saved.status, saved.article_id)
        report.stored += saved.status != "duplicate"
        report.events += len(result.events)
        report.alerts += self._alert(result.events)

    def _article(self, source: Source, item: Item) -> Article | Rejection:
        doc_id = _item_id(item.url)
        options = ReadOptions(source=source.outlet_name)
        if len(item.text) >= FEED_TEXT_MIN_CHARS:
            return article_from_text(doc_id, item.text, title=item.title, published=item.published, url=item.url,
                                     source=source.outlet_name)
        page = self.fetcher.get(item.url)
        markup = page.content.decode("utf-8", "replace")
        return article_from_html(doc_id, markup, options, url=item.url, published=item.published,
                                 source=source.outlet_name)

    def _alert(self, events: Sequence[Event]) -> int:
        """Fire the rules the new events meet, once per rule and cluster; returns how many fired."""
        if not self.rules or not events:
            return 0
        clusters = self.store.cluster_ids([e.id for e in events])
        fired = 0
        for event in events:
            cluster_id = clusters.get(event.id, event.id)
            for rule in self.rules:
                if not matches(rule, event):
                    continue
                cluster = self.store.cluster(cluster_id)
                members = cluster.member_ids if cluster is not None else []
                outlets = list(cluster.outlets) if cluster is not None else [event.source_outlet]
                body = payload(rule, event, cluster_id, [o for o in outlets if o])
                if self.state.fire(rule.name, cluster_id, event.id, body, members):
                    fired += 1
                    problem = self.log.deliver(rule, body)
                    if problem:
                        body["delivery_problem"] = problem
        return fired


def _item_id(url: str) -> str:
    """A stable article id from the item's URL (ids must fit the store: URLs may not)."""
    return "watch-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _due(last_poll: str, interval: int) -> bool:
    if not last_poll:
        return True
    elapsed = datetime.now(timezone.utc) - datetime.fromisoformat(last_poll)
    return elapsed.total_seconds() >= interval
