"""Plain-text documents, and the one place where any text becomes an :class:`Article`.

Every reader (text, JSON records, HTML, feeds) ends in :func:`article_from_text`, so normalisation and
checks are the same whatever the input format.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from veilleur.ingest.checks import DEFAULT_MAX_CHARS, check_normalised, check_raw, decode_bytes
from veilleur.ingest.normalize import normalise
from veilleur.records import Article, Rejection

MAX_TITLE_CHARS = 200


@dataclass(frozen=True)
class ReadOptions:
    """What the caller knows beyond the documents: fallback date and outlet, per-document maps."""

    published: date | None = None
    source: str | None = None
    published_map: Mapping[str, date] = field(default_factory=dict)
    source_map: Mapping[str, str] = field(default_factory=dict)
    max_chars: int = DEFAULT_MAX_CHARS

    def resolve_published(self, doc_id: str, own: date | None) -> date | None:
        """The document's own date, else the map's, else the fallback; never today's date."""
        if own is not None:
            return own
        return self.published_map.get(doc_id, self.published)

    def resolve_source(self, doc_id: str, own: str) -> str:
        return own or self.source_map.get(doc_id, "") or self.source or ""


def parse_date(value: object) -> date | None:
    """A date from a ``date``, a ``datetime`` or a string in any common form: ISO ("2016-06-13T10:00Z"),
    RFC 822 ("Mon, 13 Jun 2016 10:00:00 GMT"), day first as French writes it ("13/06/2016"), French or
    English month names ("13 juin 2016"). ``None`` when it is not a full, possible date ("31/02/2020")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if len(text) >= 10 and text[4:5] == "-":
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    import dateparser  # imported on first use: most inputs carry ISO dates

    parsed = dateparser.parse(
        text[:100], languages=["fr", "en"], settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed is not None else None


def check_published(published: date | None, today: date | None = None) -> str | None:
    """A publication date after tomorrow is a typo or a bad feed: its events would be dated in the future
    (tomorrow is allowed for time zones ahead of the reader's)."""
    latest = (today or date.today()) + timedelta(days=1)
    if published is not None and published > latest:
        return f"publication date {published.isoformat()} is in the future (latest accepted: {latest.isoformat()})"
    return None


def article_from_text(
    doc_id: str,
    raw: str,
    *,
    title: str = "",
    published: date | None = None,
    url: str = "",
    source: str = "",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article | Rejection:
    """Check and normalise ``raw``; an Article keeping ``raw`` as its original, or a Rejection."""
    reason = check_raw(raw, max_chars) or check_published(published)
    if reason:
        return Rejection(doc_id, reason)
    text, offsets = normalise(raw)
    reason = check_normalised(text)
    if reason:
        return Rejection(doc_id, reason)
    return Article(
        id=doc_id,
        text=text,
        title=normalise(title)[0],
        published=published,
        url=url,
        source=source,
        original=raw,
        offsets=offsets,
    )


def detect_title(text: str) -> str:
    """The first line when it looks like a headline: short, no final full stop, more text below."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) >= MAX_TITLE_CHARS:
        return ""
    if first.endswith(".") or not any(ch.isalpha() for ch in first):
        return ""
    return first


def read_file_bytes(path: Path, max_chars: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or a reason: unreadable, or so big it must be over the character limit."""
    try:
        # A UTF-8 character is at most 4 bytes: beyond that the text cannot fit in the limit.
        if path.stat().st_size > 4 * max_chars:
            return None, f"too large: {path.stat().st_size} bytes (limit {max_chars} characters)"
        return path.read_bytes(), None
    except OSError as exc:
        return None, f"unreadable: {exc.strerror or exc}"


def read_text_file(path: Path, options: ReadOptions) -> Article | Rejection:
    """A text file: id is the file stem, the first line is also the title when it looks like one."""
    doc_id = path.stem
    data, reason = read_file_bytes(path, options.max_chars)
    if data is None:
        return Rejection(doc_id, reason or "unreadable", str(path))
    raw, reason = decode_bytes(data)
    if raw is None:
        return Rejection(doc_id, reason or "undecodable", str(path))
    result = article_from_text(
        doc_id,
        raw,
        published=options.resolve_published(doc_id, None),
        source=options.resolve_source(doc_id, ""),
        max_chars=options.max_chars,
    )
    if isinstance(result, Rejection):
        return Rejection(result.doc, result.reason, str(path))
    result.title = detect_title(result.text)
    return result
