"""HTML pages: main text and metadata through trafilatura.

The Article's ``original`` is the text trafilatura extracted, not the markup: evidence offsets point
into that text. When trafilatura finds no main text (tiny or odd pages) a plain tag stripper is used.
"""

from __future__ import annotations

import html as html_lib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import trafilatura

from veilleur.ingest.checks import decode_bytes
from veilleur.ingest.text import ReadOptions, article_from_text, parse_date, read_file_bytes
from veilleur.records import Article, Rejection

# Elements whose end starts a new line of text, and elements whose content is never prose.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "blockquote", "pre",
})
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})


class _TextCollector(HTMLParser):
    """Collects character data, with a line break at block boundaries; skips scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per block element; plain text passes through."""
    if "<" not in markup:
        return html_lib.unescape(markup).strip()
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _metadata(extracted: object) -> dict[str, str]:
    """The fields we use from trafilatura's result, as strings ("" when missing or nothing extracted)."""
    names = ("text", "title", "date", "url", "sitename")
    return {name: str(getattr(extracted, name, None) or "") for name in names}


def read_html(path: Path, options: ReadOptions) -> Article | Rejection:
    """An HTML page: text, title, date, url and site name (the outlet) from trafilatura."""
    doc_id = path.stem
    data, reason = read_file_bytes(path, options.max_chars)
    markup = None
    if data is not None:
        markup, reason = decode_bytes(data)
    if markup is None:
        return Rejection(doc_id, reason or "unreadable", str(path))
    result = article_from_html(doc_id, markup, options)
    if isinstance(result, Rejection):
        return Rejection(result.doc, result.reason, str(path))
    return result


def article_from_html(
    doc_id: str, markup: str, options: ReadOptions, *, url: str = "", published: date | None = None,
    source: str = "",
) -> Article | Rejection:
    """An article page's main text and metadata; ``url``, ``published`` and ``source`` are what the caller
    knows when the page does not say (a feed's link and date, the watched outlet)."""
    extracted = trafilatura.bare_extraction(markup, with_metadata=True)
    meta = _metadata(extracted)
    return article_from_text(
        doc_id,
        meta["text"] or html_to_text(markup),
        title=meta["title"],
        published=options.resolve_published(doc_id, parse_date(meta["date"]) or published),
        url=meta["url"] or url,
        source=options.resolve_source(doc_id, source or meta["sitename"]),
        max_chars=options.max_chars,
    )
