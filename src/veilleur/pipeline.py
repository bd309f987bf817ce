"""The one place that chains the stages: articles in, events out.

``ingest → annotate → extract → resolve → frame``; storing and exporting are the caller's business.
A :class:`Pipeline` holds the per-process resources (spaCy model, gazetteer, registries); build one per
process (or Dask worker) and reuse it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from veilleur.records import Article, Event, Rejection


@dataclass
class ArticleResult:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    unresolved_places: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, sentence)
    rejection: Rejection | None = None


class Pipeline:
    """Placeholder until the stages land; see ``run``."""

    @classmethod
    def from_defaults(cls) -> Pipeline:
        return cls()

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            yield self.process(article)

    def process(self, article: Article) -> ArticleResult:
        return ArticleResult(article=article)
