"""Checks that turn a bad document into a reason instead of an exception.

Each check returns ``None`` when the document passes and a short human-readable reason otherwise; the
readers wrap the reason in a :class:`~veilleur.records.Rejection`. Nothing here raises for bad input.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

DEFAULT_MAX_CHARS = 2_000_000  # bounds memory per document; spaCy sees pieces of it (annotate.CHUNK_CHARS)
MIN_EVENT_CHARS = 40  # shorter than "X a tué N personnes à Y lundi." cannot hold a whole event

# Share of control characters (other than tab and line breaks) above which text is binary junk.
_MAX_CONTROL_SHARE = 0.05
# Fewer "Ã©"-style sequences than this are tolerated: one can be a quoted typo, three are a pattern.
_MOJIBAKE_MIN_COUNT = 3
# Below this many words the function-word ratio is too noisy to call a text "not French" on its own.
_MIN_WORDS_FOR_RATIO = 20
_MIN_FRENCH_RATIO = 0.08

_LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "de": "German"}

# UTF-8 bytes of accented letters or typographic punctuation read one byte at a time as cp1252.
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    "|â€|Â[\u00a0-\u00bf]"
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def french_stopwords() -> frozenset[str]:
    """French function words from ``data/french_stopwords.txt`` (``#`` lines are comments)."""
    text = resources.files("veilleur").joinpath("data/french_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def foreign_stopwords() -> tuple[tuple[str, frozenset[str]], ...]:
    """(language code, function words) for the other languages in ``data/language_stopwords.json``."""
    raw = resources.files("veilleur").joinpath("data/language_stopwords.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return tuple(
        (code, frozenset(words)) for code, words in sorted(data.items()) if not code.startswith("_")
    )


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Decode file bytes: UTF-16 with BOM, else UTF-8 (BOM dropped), else cp1252.

    Returns ``(text, None)`` or ``(None, reason)``. A cp1252 fallback is accepted silently: the language
    check that follows tells French from garbage.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"undecodable: bad UTF-16 ({exc.reason})"
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        return (text, None) if text is not None else (None, "binary content (NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return None, "undecodable: neither UTF-8 nor cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: Latin letters leave every other byte NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, nul_at in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls = data[nul_at::2].count(0)
        if nuls >= 0.6 * (len(data) // 2) and data[1 - nul_at::2].count(0) == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def check_empty(text: str) -> str | None:
    return "empty document" if not text.strip() else None


def check_size(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    if len(text) > max_chars:
        return f"too large: {len(text)} characters (limit {max_chars})"
    return None


def check_binary(text: str) -> str | None:
    """Text full of control characters is a binary file that happened to decode."""
    if "\x00" in text:
        return "binary content (NUL bytes)"
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\x0b\x0c")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        return f"binary content ({controls / len(text):.0%} control characters)"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_surrogates(text: str) -> str | None:
    """A lone UTF-16 surrogate ("\\ud800" in JSON) is no character: it cannot be stored or served as UTF-8."""
    found = _SURROGATE.search(text)
    return f"invalid Unicode: lone surrogate U+{ord(found.group()):04X} at character {found.start()}" if found else None


def check_mojibake(text: str) -> str | None:
    """UTF-8 that was once decoded as cp1252/Latin-1 shows "Ã©", "â€™"...: reject rather than guess."""
    hits = _MOJIBAKE.findall(text)
    if len(hits) >= _MOJIBAKE_MIN_COUNT:
        return f"mis-encoded: {len(hits)} mojibake sequences such as {hits[0]!r} (UTF-8 read as cp1252)"
    return None


def check_length(text: str, min_chars: int = MIN_EVENT_CHARS) -> str | None:
    if len(text) < min_chars:
        return f"too short to hold an event: {len(text)} characters (minimum {min_chars})"
    return None


def _script_reason(text: str) -> str | None:
    """Most letters outside the Latin script: not French whatever the words are."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "not French (no letters)"
    arabic = sum(1 for ch in letters if "ARABIC" in unicodedata.name(ch, ""))
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if arabic > len(letters) / 2:
        return "not French (looks like Arabic script)"
    if latin < len(letters) / 2:
        return "not French (mostly non-Latin script)"
    return None


def language_scores(text: str) -> dict[str, float]:
    """Share of words that are function words of each language ("fr", "en", ...)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return {}
    scores = {"fr": sum(w in french_stopwords() for w in words) / len(words)}
    for code, stopwords in foreign_stopwords():
        scores[code] = sum(w in stopwords for w in words) / len(words)
    return scores


def check_french(text: str) -> str | None:
    """Function-word ratio language check: French must beat every other language listed."""
    reason = _script_reason(text)
    if reason:
        return reason
    scores = language_scores(text)
    best = max(scores, key=lambda code: scores[code])
    if best != "fr" and scores[best] > scores["fr"]:
        return f"not French (looks like {_LANGUAGE_NAMES.get(best, best)})"
    if len(_WORD.findall(text)) >= _MIN_WORDS_FOR_RATIO and scores["fr"] < _MIN_FRENCH_RATIO:
        return f"not French (only {scores['fr']:.0%} French function words)"
    return None


def check_raw(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    """Checks on the text as read, cheapest first."""
    return (check_empty(text) or check_size(text, max_chars) or check_binary(text) or check_surrogates(text)
            or check_mojibake(text))


def check_normalised(text: str) -> str | None:
    """Checks on the normalised text."""
    return check_length(text) or check_french(text)
