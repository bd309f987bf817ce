"""Storage of articles, events, evidence and clusters (SQLite file by default, PostgreSQL as a server).

The store knows records, not spaCy: it takes and returns :mod:`veilleur.records` objects and the
dataclasses of :mod:`veilleur.store.queries`, never ORM rows.
"""

from veilleur.store.queries import (
    ArticleRecord,
    ArticleSummary,
    EventDetail,
    EventFilter,
    OutletProfile,
    SaveResult,
    Stats,
)
from veilleur.store.store import Store, normalise_url

__all__ = [
    "ArticleRecord",
    "ArticleSummary",
    "EventDetail",
    "EventFilter",
    "OutletProfile",
    "SaveResult",
    "Stats",
    "Store",
    "normalise_url",
]
