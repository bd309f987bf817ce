"""Ingest: files and folders of news to normalised :class:`Article` records.

Every document yields either an Article or a Rejection with a reason; one bad document never stops the
others. Publication dates come from the document itself, else ``published_map``, else ``published``;
never from the clock.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path

from veilleur.ingest.checks import DEFAULT_MAX_CHARS
from veilleur.ingest.feed import looks_like_feed, read_feed
from veilleur.ingest.html import read_html
from veilleur.ingest.normalize import normalise
from veilleur.ingest.records import read_json, read_jsonl
from veilleur.ingest.text import ReadOptions, article_from_text, detect_title, parse_date, read_text_file
from veilleur.records import Article, Rejection

__all__ = [
    "article_from_text",
    "detect_title",
    "load_published_map",
    "load_source_map",
    "missing_reason",
    "normalise",
    "read_paths",
]

Reader = Callable[[Path, ReadOptions], Iterable[Article | Rejection]]

_SNIFF_BYTES = 2048


def _one(reader: Callable[[Path, ReadOptions], Article | Rejection]) -> Reader:
    return lambda path, options: [reader(path, options)]


_READERS: dict[str, Reader] = {
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": _one(read_html),
    ".htm": _one(read_html),
    ".xhtml": _one(read_html),
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".txt": _one(read_text_file),
    ".text": _one(read_text_file),
}


def _sniffed_reader(path: Path) -> Reader:
    """For an unknown or missing extension: a feed or a page by its first bytes, else plain text."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return _one(read_text_file)  # the text reader reports the error as a Rejection
    if looks_like_feed(head):
        return read_feed
    if b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return _one(read_html)
    return _one(read_text_file)


def _read_file(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    reader = _READERS.get(path.suffix.lower()) or _sniffed_reader(path)
    try:
        yield from reader(path, options)
    except Exception as exc:  # a reader bug or library failure must not stop the other documents
        yield Rejection(path.stem, f"unexpected error: {type(exc).__name__}: {exc}", str(path))


def _folder_files(folder: Path) -> tuple[list[Path], list[Rejection]]:
    """Non-hidden files under ``folder``, sorted, and Rejections for sub-folders that could not be listed."""
    errors: list[Rejection] = []

    def report(exc: OSError) -> None:
        where = exc.filename or str(folder)
        errors.append(Rejection(Path(where).name, f"unreadable: {exc.strerror or exc}", str(where)))

    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files), errors


def missing_reason(path: Path) -> str:
    """Why a path that does not exist cannot be read: a dangling or looping link, or nothing there."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "symbolic link loop"
        except OSError:
            return "dangling symbolic link"
    return "no such file or folder"


def _read_path(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    if path.is_dir():
        files, errors = _folder_files(path)
        yield from errors
        for file in files:
            yield from _read_path(file, options)  # a link in the folder may loop or dangle
    elif path.exists():
        yield from _read_file(path, options)
    else:
        yield Rejection(path.stem, f"unreadable: {missing_reason(path)}", str(path))


def read_paths(
    paths: Iterable[Path | str],
    *,
    published: date | None = None,
    source: str | None = None,
    published_map: Mapping[str, date] | None = None,
    source_map: Mapping[str, str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Rejection]:
    """Articles (or Rejections) from files and folders, in order; folders are walked sorted.

    ``published`` and ``source`` fill documents that carry no date or outlet of their own, after
    ``published_map`` / ``source_map`` (keyed by document id). ``max_chars`` bounds one document.
    """
    options = ReadOptions(
        published=published,
        source=source,
        published_map=published_map or {},
        source_map=source_map or {},
        max_chars=max_chars,
    )
    for path in paths:
        yield from _read_path(Path(path), options)


def _map_lines(path: Path | str) -> Iterator[dict[str, object]]:
    """JSON objects from a JSONL file; blank, invalid and non-object lines are skipped."""
    with Path(path).open(encoding="utf-8-sig") as handle:
        for line in handle:
            try:
                record = json.loads(line) if line.strip() else None
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict):
                yield record


def _record_id(record: Mapping[str, object]) -> str:
    return str(record.get("doc") or record.get("id") or "")


def load_published_map(path: Path | str) -> dict[str, date]:
    """doc id -> publication date from a JSONL file with ("doc" or "id") and "published" per line."""
    found: dict[str, date] = {}
    for record in _map_lines(path):
        day = parse_date(record.get("published"))
        if _record_id(record) and day is not None:
            found[_record_id(record)] = day
    return found


def load_source_map(path: Path | str) -> dict[str, str]:
    """doc id -> outlet name from the same kind of JSONL file, lines with a "source"."""
    found: dict[str, str] = {}
    for record in _map_lines(path):
        outlet = record.get("source")
        if _record_id(record) and isinstance(outlet, str) and outlet.strip():
            found[_record_id(record)] = outlet.strip()
    return found
