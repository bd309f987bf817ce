"""RSS and Atom feeds saved to disk: each entry is one Article.

The id is a short hash of the entry's id (else its link, else its title) so it is stable across runs;
the text is the entry's content, else its summary, with the HTML stripped; the outlet is the feed's
title. feedparser is only ever given bytes here: it never fetches anything.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser

from veilleur.ingest.html import html_to_text
from veilleur.ingest.text import ReadOptions, article_from_text, read_file_bytes
from veilleur.records import Article, Rejection

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
ENTRY_ID_CHARS = 12


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file open an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.search(head))


def entry_id(entry: Any) -> str:
    key = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return hashlib.sha1(str(key).encode("utf-8")).hexdigest()[:ENTRY_ID_CHARS]


def entry_text(entry: Any) -> str:
    """Full content when the feed carries it, else the summary; HTML stripped."""
    contents = entry.get("content") or []
    markup = next((c.get("value", "") for c in contents if c.get("value")), "") or entry.get("summary", "")
    return html_to_text(str(markup))


def entry_url(entry: Any) -> str:
    """The entry's web link; feedparser falls back to the id, which may be a URN rather than a URL."""
    link = str(entry.get("link", ""))
    return link if link.startswith(("http://", "https://")) else ""


def entry_date(entry: Any) -> date | None:
    """The entry's publication (else update) date as feedparser parsed it, in UTC."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_article(entry: Any, outlet: str, options: ReadOptions, path: str, problem: str = "") -> Article | Rejection:
    doc_id = entry_id(entry)
    text = entry_text(entry)
    if not text.strip():
        # a feed of titles and links only, or one cut off in the middle of this entry
        cut = f"; the feed is cut short or malformed ({problem})" if problem else ""
        return Rejection(doc_id, f"feed entry without text (title and link only){cut}", path)
    result = article_from_text(
        doc_id,
        text,
        title=html_to_text(str(entry.get("title", ""))),
        published=options.resolve_published(doc_id, entry_date(entry)),
        url=entry_url(entry),
        source=options.resolve_source(doc_id, outlet),
        max_chars=options.max_chars,
    )
    if isinstance(result, Rejection):
        return Rejection(result.doc, result.reason, path)
    return result


def read_feed(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    data, reason = read_file_bytes(path, options.max_chars)
    if data is None:
        yield Rejection(path.stem, reason or "unreadable", str(path))
        return
    # A stream, not bytes or str: feedparser treats a string as a URL or path to fetch.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f"invalid feed: {problem}" if problem else "feed has no entries"
        yield Rejection(path.stem, detail, str(path))
        return
    outlet = html_to_text(str(parsed.feed.get("title", "")))
    problem = str(parsed.get("bozo_exception") or "")[:120]
    for entry in parsed.entries:
        yield _entry_article(entry, outlet, options, str(path), problem)
