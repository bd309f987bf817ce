"""In which words: partisan labels (loaded terms) in the evidence, with the neutral wording notes use.

The lexicon (``data/loaded_terms.json``) lists, per side, the labels an outlet uses for actors ("takfiristes",
"régime", "junte de Kiev"), for actions ("libéré", "anéanti") and evaluations ("le boucher de Damas").
Patterns are regular expressions over the folded text (see :func:`veilleur.frame.attribution.fold`), so
offsets found are offsets into the text given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veilleur.datafiles import load_json
from veilleur.frame.attribution import fold
from veilleur.matching import finditer_at
from veilleur.records import Article, LoadedTerm, Span

LEXICON_FILE = "loaded_terms.json"
_UNLESS_WINDOW = 40


@dataclass(frozen=True)
class LoadedTermEntry:
    """One lexicon entry: a partisan label and its neutral wording."""

    term: str
    neutral_fr: str
    neutral_en: str
    family: str  # actor-label | action | evaluation
    side: str  # whose vocabulary
    patterns: tuple[str, ...]
    unless: tuple[str, ...] = ()
    patterns_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Compiled:
    entry: LoadedTermEntry
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    pattern_en: re.Pattern[str] | None


def _bounded(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w-])")


def _entry(row: dict[str, Any]) -> LoadedTermEntry:
    return LoadedTermEntry(
        term=row["term"],
        neutral_fr=row["neutral"]["fr"],
        neutral_en=row["neutral"]["en"],
        family=row["family"],
        side=row["side"],
        patterns=tuple(row["patterns"]),
        unless=tuple(row.get("unless", [])),
        patterns_en=tuple(row.get("patterns_en", [])),
    )


@lru_cache(maxsize=1)
def lexicon() -> tuple[LoadedTermEntry, ...]:
    """Every lexicon entry (loaded once per process)."""
    data: dict[str, Any] = load_json(LEXICON_FILE)
    return tuple(_entry(row) for row in data["entries"])


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Compiled, ...]:
    out = []
    for entry in lexicon():
        pattern = _bounded(entry.patterns)
        if pattern is None:
            continue
        unless = re.compile("|".join(f"(?:{u})" for u in entry.unless)) if entry.unless else None
        out.append(_Compiled(entry, pattern, unless, _bounded(entry.patterns_en)))
    return tuple(out)


def _plain_sense(item: _Compiled, folded_text: str, start: int, end: int) -> bool:
    """True when an ``unless`` context near the match shows the word in its plain sense."""
    if item.unless is None:
        return False
    window = folded_text[max(0, start - _UNLESS_WINDOW) : end + _UNLESS_WINDOW]
    return item.unless.search(window) is not None


@lru_cache(maxsize=1)
def _term_starts() -> re.Pattern[str]:
    """Every entry's patterns at once, bounded on the left only, in a lookahead: each place where some
    entry's match may begin, overlapping ones included. Most evidence holds no loaded term, and one pass of
    this costs a fraction of the 43 entries' own; where it finds some, the entries are tried there only."""
    alternatives = "|".join(f"(?:{p})" for entry in lexicon() for p in entry.patterns)
    return re.compile(r"(?=(?<![\w-])(?:" + alternatives + "))")


def find_loaded_terms(text: str) -> list[tuple[int, int, LoadedTermEntry]]:
    """Loaded terms in ``text`` as (start, end, entry), leftmost-longest, non-overlapping, in text order."""
    folded_text = fold(text)
    candidates: list[tuple[int, int, LoadedTermEntry]] = []
    starts = [m.start() for m in _term_starts().finditer(folded_text)]
    for item in _compiled() if starts else ():
        for match in finditer_at(item.pattern, folded_text, starts):
            start, end = match.start(), match.end()
            if end > start and not _plain_sense(item, folded_text, start, end):
                candidates.append((start, end, item.entry))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, LoadedTermEntry]] = []
    for cand in candidates:
        if not kept or cand[0] >= kept[-1][1]:
            kept.append(cand)
    return kept


TermFinder = Callable[[str], list[tuple[int, int, LoadedTermEntry]]]


def contains_loaded_term(text: str, ignore: Iterable[str] = ()) -> bool:
    """True when ``text`` (French or English) uses any loaded term of the lexicon.

    ``ignore``: proper names to leave out of the check (an official name such as "Forces of Martyr
    Ahmad al-Abdo" is a canonical actor, not the outlet's label).
    """
    for name in ignore:
        if name:
            text = text.replace(name, " " * len(name))
    if find_loaded_terms(text):
        return True
    folded_text = fold(text)
    return any(item.pattern_en is not None and item.pattern_en.search(folded_text) for item in _compiled())


def loaded_terms_in_spans(
    article: Article, spans: list[Span], terms_in: TermFinder = find_loaded_terms
) -> list[LoadedTerm]:
    """Loaded terms inside the given spans of ``article.original``, each once (by position), in text order.

    ``terms_in`` reads one span's text: :func:`find_loaded_terms`, or a caller's memo of it for spans it asks
    about again."""
    seen: set[tuple[int, int]] = set()
    found: list[LoadedTerm] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        chunk = article.original[span.start : span.end]
        for start, end, entry in terms_in(chunk):
            o_start, o_end = span.start + start, span.start + end
            if (o_start, o_end) in seen:
                continue
            seen.add((o_start, o_end))
            found.append(
                LoadedTerm(
                    term=entry.term,
                    neutral=entry.neutral_fr,
                    family=entry.family,
                    side=entry.side,
                    span=Span(article.id, o_start, o_end, article.original[o_start:o_end]),
                )
            )
    return sorted(found, key=lambda t: t.span.start if t.span else 0)
