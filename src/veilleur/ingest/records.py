"""JSON and JSON Lines files of article records.

A record is an object with ``id`` and ``text`` and optionally ``title``, ``published`` (YYYY-MM-DD),
``url`` and ``source``. A bad line or record gives a Rejection for that line and the rest is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veilleur.ingest.checks import decode_bytes
from veilleur.ingest.text import ReadOptions, article_from_text, parse_date, read_file_bytes
from veilleur.records import Article, Rejection


def _field(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    return value.strip() if isinstance(value, str) else ""


MAX_FIELD_CHARS = 200  # ids and outlet names: the store's column width


def article_from_record(
    record: object, fallback_id: str, options: ReadOptions, path: str = "", where: str = ""
) -> Article | Rejection:
    """One record to an Article; ``where`` ("line 7: ") prefixes reasons so they can be found."""
    if not isinstance(record, dict):
        return Rejection(fallback_id, f"{where}record is not a JSON object", path)
    raw_id = record.get("id", record.get("doc"))
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
    text = record.get("text")
    if "text" not in record:
        return Rejection(doc_id[:MAX_FIELD_CHARS], f"{where}record has no 'text' field", path)
    if not isinstance(text, str):
        return Rejection(doc_id[:MAX_FIELD_CHARS], f"{where}'text' is not a string ({type(text).__name__})", path)
    for name, value in (("id", doc_id), ("source", record.get("source")), ("title", record.get("title")),
                        ("url", record.get("url"))):
        if isinstance(value, str) and "\x00" in value:
            return Rejection(doc_id[:MAX_FIELD_CHARS].replace("\x00", ""), f"{where}NUL byte in '{name}'", path)
    if len(doc_id) > MAX_FIELD_CHARS:
        return Rejection(doc_id[:MAX_FIELD_CHARS], f"{where}'id' longer than {MAX_FIELD_CHARS} characters", path)
    if isinstance(record.get("source"), str) and len(record["source"]) > MAX_FIELD_CHARS:
        return Rejection(doc_id, f"{where}'source' longer than {MAX_FIELD_CHARS} characters", path)
    own_date = record.get("published")
    published = options.resolve_published(doc_id, parse_date(own_date))
    if published is None and own_date not in (None, ""):
        return Rejection(
            doc_id,
            f"{where}unreadable publication date {str(own_date)[:40]!r} (give a real date such as 2016-06-13, "
            "13/06/2016 or 13 juin 2016, or --published)",
            path,
        )
    result = article_from_text(
        doc_id,
        text,
        title=_field(record, "title"),
        published=published,
        url=_field(record, "url"),
        source=options.resolve_source(doc_id, _field(record, "source")),
        max_chars=options.max_chars,
    )
    if isinstance(result, Rejection):
        return Rejection(result.doc, f"{where}{result.reason}", path)
    if record.get("published_precision") == "month" and result.published is not None:
        result.published_precision = "month"
    return result


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    """One record per line, streamed; blank lines are skipped."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(path.stem, f"unreadable: {exc.strerror or exc}", str(path))
        return
    with handle:
        for number, data in enumerate(handle, start=1):
            item = read_jsonl_line(data, number, path, options)
            if item is not None:
                yield item


def read_jsonl_line(data: bytes, number: int, path: Path, options: ReadOptions) -> Article | Rejection | None:
    """One line of a JSONL file as an Article, a Rejection naming the line, or None for a blank line."""
    fallback_id, where = f"{path.stem}:{number}", f"line {number}: "
    line, reason = decode_bytes(data)  # per line: one bad line must not spoil the file
    if line is None:
        return Rejection(fallback_id, f"{where}{reason}", str(path))
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(fallback_id, f"{where}invalid JSON: {exc.msg}", str(path))
    except RecursionError:
        return Rejection(fallback_id, f"{where}invalid JSON: nested too deeply", str(path))
    return article_from_record(record, fallback_id, options, str(path), where)


def read_json(path: Path, options: ReadOptions) -> Iterator[Article | Rejection]:
    """A JSON file holding one record or a list of records."""
    data, reason = read_file_bytes(path, options.max_chars)
    text = None
    if data is not None:
        text, reason = decode_bytes(data)
    if text is None:
        yield Rejection(path.stem, reason or "unreadable", str(path))
        return
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejection(path.stem, f"invalid JSON: {exc.msg} (line {exc.lineno})", str(path))
        return
    except RecursionError:
        yield Rejection(path.stem, "invalid JSON: nested too deeply", str(path))
        return
    if not isinstance(parsed, list):
        yield article_from_record(parsed, path.stem, options, str(path))
        return
    for index, record in enumerate(parsed):
        yield article_from_record(record, f"{path.stem}:{index}", options, str(path), f"record {index}: ")
