"""The items a source lists: from an RSS/Atom feed, a sitemap or an HTML listing page.

An :class:`Item` is an article URL with what the listing says of it (title, date, and for feeds that
carry it, the text). Feeds are parsed by feedparser (given bytes, so it never fetches anything);
sitemaps by their ``<loc>`` and ``<lastmod>``; listing pages by their links to article-like pages of the
same site.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser

from veilleur.ingest.feed import entry_date, entry_text
from veilleur.ingest.text import parse_date


@dataclass(frozen=True)
class Item:
    url: str
    title: str = ""
    published: date | None = None
    text: str = ""  # a feed's full text, when it carries one


class ListingError(ValueError):
    """A listing that could not be read (not a feed, no link), with the reason."""


def items_of(kind: str, content: bytes, base_url: str) -> list[Item]:
    """The items of a listing of the given kind ("rss", "atom", "sitemap" or "html")."""
    if kind in ("rss", "atom"):
        return feed_items(content)
    if kind == "sitemap":
        return sitemap_items(content)
    return page_items(content, base_url)


def feed_items(content: bytes) -> list[Item]:
    parsed = feedparser.parse(io.BytesIO(content))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ListingError(f"not a feed: {problem}" if problem else "feed has no entries")
    items = []
    for entry in parsed.entries:
        link = str(entry.get("link", ""))
        if link.startswith(("http://", "https://")):
            items.append(Item(link, html.unescape(str(entry.get("title", ""))), entry_date(entry), entry_text(entry)))
    return items


_LOC = re.compile(r"<url>(.*?)</url>", re.DOTALL | re.IGNORECASE)
_TAG = {name: re.compile(rf"<{name}>\s*(.*?)\s*</{name}>", re.DOTALL | re.IGNORECASE) for name in ("loc", "lastmod")}


def sitemap_items(content: bytes) -> list[Item]:
    """``<url><loc>…</loc><lastmod>…</lastmod></url>`` entries (read leniently: sitemaps are often sloppy)."""
    text = content.decode("utf-8", "replace")
    items = []
    for block in _LOC.findall(text):
        loc = _TAG["loc"].search(block)
        if loc is None:
            continue
        url = html.unescape(loc.group(1).strip())
        lastmod = _TAG["lastmod"].search(block)
        if url.startswith(("http://", "https://")):
            items.append(Item(url, published=parse_date(lastmod.group(1)) if lastmod else None))
    if not items:
        raise ListingError("sitemap lists no <url><loc>")
    return items


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or None
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


_ARTICLE_PATH = re.compile(r"/[^/]*(?:\d|-[^/]*-)[^/]*/?$")  # a dated or slugged last segment


def page_items(content: bytes, base_url: str) -> list[Item]:
    """Links of a listing page to article-like pages of the same site (slugged or numbered paths)."""
    parser = _Links()
    parser.feed(content.decode("utf-8", "replace"))
    host = urlsplit(base_url).netloc
    seen: set[str] = set()
    items = []
    for href, title in parser.links:
        url = urljoin(base_url, href).split("#", 1)[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc != host or url in seen or url == base_url:
            continue
        if _ARTICLE_PATH.search(parts.path):
            seen.add(url)
            items.append(Item(url, title))
    if not items:
        raise ListingError("listing page links to no article")
    return items
