"""Who says so: find the outlets and agencies a French news text credits for what it reports.

A *mention* of a known source (``data/sources.json``) counts as an *attribution* only when a reporting cue
ties it to a claim: "selon X", "d'après X", ", a rapporté X", "X a fait état de", "(AFP)", "de source
militaire"... Generic noun phrases ("le journal", "cette même source") are anaphors: they resolve to the most
recent earlier attribution whose kind fits. All matching runs on a length-preserving fold of the text
(lower case, no accents, ASCII quotes), so offsets are offsets into the text given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veilleur.datafiles import load_json
from veilleur.phrases import PhraseScanner

SOURCES_FILE = "sources.json"

_FOLD_MAP = {
    **{c: "'" for c in "\u2019\u2018\u201b\u02bc\u00b4`"},
    **{c: '"' for c in "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a"},
    **{c: " " for c in "\u00a0\u202f\u2007\u2009\u200a\t"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014"},
}


@dataclass(frozen=True)
class Attribution:
    """A stretch of text that credits a source for a report (offsets into the text given)."""

    start: int
    end: int
    text: str
    source: str
    kind: str
    country: str


@dataclass(frozen=True)
class SourceEntry:
    """One row of the sources registry."""

    name: str
    kind: str
    country: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    source: SourceEntry | None  # None for an anaphor
    kinds: tuple[str, ...] = ()  # kinds an anaphor may refer to ("*" = any)


def fold_char(ch: str) -> str:
    """One character folded to lower case without accents; always exactly one character."""
    mapped = _FOLD_MAP.get(ch)
    if mapped is not None:
        return mapped
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


class _FoldTable(dict[int, str]):
    """Code point -> folded character, each folded on first sight: ``str.translate`` asks the table for
    every character, so a text is folded in C without building a table per call."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Length-preserving fold (same offsets as ``text``): lower case, no accents, ASCII quotes."""
    return text.translate(_FOLD_TABLE)


# --- registry -------------------------------------------------------------------------------------------

_CUE_VERBS = (
    r"rapporte|rapporter|annonce|indique|revele|affirme|declare|precise|confirme|assure|ajoute|souligne"
    r"|estime|signale|explique|poursuit|raconte|temoigne|fait savoir|fait etat|publie|diffuse|rapportent"
    r"|annoncent|indiquent|affirment|declarent|precisent|confirment|assurent|ajoutent|estiment|signalent"
)
_AUX = r"(?:a|ont|avait|avaient|aurait|auraient|vient de|viennent de)"
_ADVERB = (
    r"(?:ainsi|aussi|egalement|encore|deja|enfin|pour sa part|pour leur part|de son cote|par ailleurs"
    r"|quant a lui|quant a elle|toutefois|cependant|notamment|plus tot)"
)
# A reporting verb placed before its subject: ", a rapporté X" / "» indique X".
_INVERTED_VERB = re.compile(
    rf"\b(?:{_AUX}(?:-t-(?:il|elle|on))?\s+(?:{_ADVERB}\s+)?)?(?:{_CUE_VERBS})(?:-t-(?:il|elle|on))?\s+$"
)
# "a déclaré à l'AFP", "a confié à Reuters": the outlet told is credited, whatever stands before the verb.
_TOLD = re.compile(rf"\b(?:{_CUE_VERBS}|confie|confient)\s+(?:a|aux|au)\s+$")
# Prepositions that credit what follows wherever they stand.
_PREPOSITION = re.compile(
    r"(?:\bselon|\bd'apres|\bciter?|\bcitant|\bcitee?s?\s+par|\bappris\s+(?:de|aupres\s+d[e']s?)"
    r"|\baupres\s+d[e']s?|\bsources?\s*:)\s*$"
)
_DE_SOURCE = re.compile(r"\bde\s+$")
# a gap's word before a mention, (?:[\w-]+'|[\w-]+\s+)$, read from its end on the reversed text (_gap_token_start)
_GAP_TOKEN_BACKWARDS = re.compile(r"'[\w-]+|\s+[\w-]+")
_MAX_GAP_TOKENS = 6
_GAP = r"(?:(?:[\w-]+'|[\w-]+\s+)){0,6}"
_PREFIX_WINDOW = 90
_GAP_FORBIDDEN = re.compile(r"\b(?:que|qu|qui|dont|et|ou|mais|car|par|pour|sur|dans|avec)\b")
_SUBJECT_VERB = re.compile(
    r"(?:\s*\([^)]{0,80}\))?(?:\s+d(?:e|u|es|')\s*[\w'-]+)?(?:\s*,[^,.;:\"]{0,90},)?"
    rf"\s+(?:{_AUX}(?:\s*,[^,]{{0,30}},)?\s+(?:{_ADVERB}\s+)?)?(?:{_CUE_VERBS})\b"
)
_COORDINATION = re.compile(r"^\s*(?:et|ainsi que|,\s*et)\s+(?:aupres\s+d[e']s?\s*)?" + _GAP + r"$")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, _Mention], dict[str, _Mention]]:
    """Folded alias -> template mention, and exact-case alias -> template mention."""
    data: dict[str, Any] = load_json(SOURCES_FILE)
    folded: dict[str, _Mention] = {}
    exact: dict[str, _Mention] = {}
    for row in data["sources"]:
        entry = SourceEntry(row["name"], row["kind"], row.get("country", ""))
        for alias in row.get("aliases", []):
            folded.setdefault(fold(alias), _Mention(0, 0, entry))
        for alias in row.get("exact_aliases", []):
            exact.setdefault(alias, _Mention(0, 0, entry))
    for group in data.get("anaphors", []):
        kinds = tuple(group["kinds"])
        for phrase in group["phrases"]:
            folded[fold(phrase)] = _Mention(0, 0, None, kinds)
    return folded, exact


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes for folded source aliases, anaphors, and exact-case aliases (separate: they may overlap): what
    :func:`_scanners` find, kept as their definition (tests compare the two)."""
    folded, exact = _registry()
    names = [k for k, v in folded.items() if v.source is not None]
    anaphors = [k for k, v in folded.items() if v.source is None]
    return (
        re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])"),
        re.compile(rf"(?<![\w-])(?:{_alternation(anaphors)})(?![\w-])"),
        re.compile(rf"(?<![\w-])(?:{_alternation(list(exact))})(?![\w-])"),
    )


@lru_cache(maxsize=1)
def _scanners() -> tuple[PhraseScanner, PhraseScanner, PhraseScanner]:
    """What finds the spans :func:`_patterns` match (folded source aliases, anaphors, exact-case aliases),
    reading the text once each instead of trying every alias at every character."""
    folded, exact = _registry()
    return (
        PhraseScanner((k for k, v in folded.items() if v.source is not None), hyphen_bounds=True),
        PhraseScanner((k for k, v in folded.items() if v.source is None), hyphen_bounds=True),
        PhraseScanner(exact, hyphen_bounds=True),
    )


def source_entries() -> list[SourceEntry]:
    """Every source of the registry, once each."""
    folded, exact = _registry()
    seen: dict[str, SourceEntry] = {}
    for mention in [*folded.values(), *exact.values()]:
        if mention.source is not None:
            seen.setdefault(mention.source.name, mention.source)
    return list(seen.values())


# --- mentions -------------------------------------------------------------------------------------------


def _mentions(text: str, folded_text: str) -> list[_Mention]:
    """Non-overlapping mentions of sources and anaphors, longest first, in text order."""
    folded_aliases, exact_aliases = _registry()
    names_scanner, anaphors_scanner, exact_scanner = _scanners()
    found: list[_Mention] = []
    for scanner in (names_scanner, anaphors_scanner):
        for start, end in scanner.spans(folded_text):
            tpl = folded_aliases[folded_text[start:end]]
            found.append(_Mention(start, end, tpl.source, tpl.kinds))
    for start, end in exact_scanner.spans(text):
        tpl = exact_aliases[text[start:end]]
        found.append(_Mention(start, end, tpl.source, tpl.kinds))
    sources = _non_overlapping([m for m in found if m.source is not None])
    anaphors = [
        m for m in _non_overlapping([m for m in found if m.source is None])
        if not _overlaps(m, sources) and not _names_source_next(m, sources, folded_text)
    ]
    return _merge_parenthesised(sorted(sources + anaphors, key=lambda m: m.start), folded_text)


def _non_overlapping(mentions: list[_Mention]) -> list[_Mention]:
    """Leftmost-longest selection of mentions that do not overlap."""
    kept: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _overlaps(mention: _Mention, others: list[_Mention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)


def _names_source_next(anaphor: _Mention, sources: list[_Mention], folded_text: str) -> bool:
    """"le journal libanais al-Akhbar": a generic noun followed by a source's name is that source."""
    for source in sources:
        if source.start >= anaphor.end:
            between = folded_text[anaphor.end : source.start]
            return bool(re.fullmatch(r"\s*" + _GAP, between)) and not _GAP_FORBIDDEN.search(between)
    return False


def _merge_parenthesised(mentions: list[_Mention], folded_text: str) -> list[_Mention]:
    """"Observatoire syrien ... (OSDH)": the acronym in brackets extends the mention it follows."""
    merged: list[_Mention] = []
    for mention in mentions:
        if merged and mention.source is not None and merged[-1].source == mention.source:
            between = folded_text[merged[-1].end : mention.start]
            after = folded_text[mention.end : mention.end + 1]
            if re.fullmatch(r"\s*,?\s*\(\s*", between) and after == ")":
                prev = merged.pop()
                merged.append(_Mention(prev.start, mention.end + 1, prev.source, prev.kinds))
                continue
        merged.append(mention)
    return merged


def _sentence_start(folded_text: str, pos: int) -> int:
    """Start of the sentence holding ``pos`` (after the last sentence end before it)."""
    last = 0
    window_start = max(0, pos - 400)
    for match in _SENTENCE_END.finditer(folded_text, window_start, pos):
        last = match.end()
    return max(last, window_start) if last else window_start


def _gap_starts(prefix: str) -> list[int]:
    """Where a gap of 0, 1, ... up to six words before the mention would begin (shortest first)."""
    starts = [len(prefix)]
    backwards = prefix[::-1]
    while len(starts) <= _MAX_GAP_TOKENS:
        start = _gap_token_start(prefix, backwards, starts[-1])
        if start is None or start == starts[-1]:
            break
        starts.append(start)
    return starts


def _gap_token_start(prefix: str, backwards: str, end: int) -> int | None:
    r"""Where the longest gap word ending at ``end`` starts (the leftmost match of ``(?:[\w-]+'|[\w-]+\s+)$``
    searched in ``prefix[:end]``), read from ``end`` on the reversed prefix (``backwards``): a search for an
    end-anchored pattern tries every position before the end, an anchored match only one. ``$`` also holds
    before a final newline, so a word that ends there counts too (the leftmost start wins)."""
    ends = (end, end - 1) if prefix[end - 1 : end] == "\n" else (end,)
    starts = [len(prefix) - token.end() for end_at in ends
              if (token := _GAP_TOKEN_BACKWARDS.match(backwards, len(prefix) - end_at)) is not None]
    return min(starts, default=None)


def _cue_before(folded_text: str, mention: _Mention) -> int | None:
    """Start of a reporting cue placed before the mention, or None."""
    floor = max(_sentence_start(folded_text, mention.start), mention.start - _PREFIX_WINDOW)
    prefix = folded_text[floor : mention.start]
    for gap_start in _gap_starts(prefix):
        if _GAP_FORBIDDEN.search(prefix[gap_start:]):
            break
        head = prefix[:gap_start]
        cue = _PREPOSITION.search(head) or _TOLD.search(head)
        if cue is None and folded_text.startswith("source", mention.start):
            cue = _DE_SOURCE.search(head)
        if cue:
            return floor + cue.start()
        verb = _INVERTED_VERB.search(head)
        if verb and _inverted_position(head[: verb.start()]):
            return floor + verb.start()
    return None


def _inverted_position(before: str) -> bool:
    """A verb stands before its subject when it follows a comma, a closing quote or bracket, or opens."""
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ",\")»:" or stripped.endswith("-")


def _cue_after(folded_text: str, mention: _Mention) -> int | None:
    """End of a reporting verb that follows the mention as its subject, or None."""
    match = _SUBJECT_VERB.match(folded_text, mention.end)
    return match.end() if match else None


def _is_bracketed(folded_text: str, mention: _Mention) -> bool:
    """"(AFP)", "(Observatoire)": a source named alone in brackets credits the text around it."""
    before = folded_text[max(0, mention.start - 2) : mention.start].rstrip()
    after = folded_text[mention.end : mention.end + 2].lstrip()
    return before.endswith("(") and after.startswith(")")


# --- attributions ---------------------------------------------------------------------------------------


def find_attributions(text: str) -> list[Attribution]:
    """Every stretch of ``text`` that credits a known source, in text order, anaphors resolved."""
    folded_text = fold(text)
    result: list[Attribution] = []
    bare: list[_Mention] = []
    previous_end: int | None = None
    for mention in _mentions(text, folded_text):
        span = _attribution_span(folded_text, mention, previous_end)
        if span is None:
            if mention.source is not None:
                bare.append(mention)
            continue
        entry = mention.source or _resolve_anaphor(mention.kinds, result, bare)
        if entry is None:
            continue
        start, end = span
        result.append(Attribution(start, end, text[start:end], entry.name, entry.kind, entry.country))
        previous_end = end
    return result


def _attribution_span(
    folded_text: str, mention: _Mention, previous_end: int | None
) -> tuple[int, int] | None:
    """(start, end) of the cue plus mention when the mention is credited for a claim, else None."""
    before = _cue_before(folded_text, mention)
    if before is not None:
        return before, mention.end
    if _is_bracketed(folded_text, mention):
        return mention.start - 1, mention.end + 1
    after = _cue_after(folded_text, mention)
    if after is not None:
        return mention.start, after
    if previous_end is not None and previous_end <= mention.start:
        between = folded_text[previous_end : mention.start]
        if len(between) < 60 and _COORDINATION.match(between) and not _GAP_FORBIDDEN.search(
            between.replace(" et ", " ").replace("aupres", "")
        ):
            return mention.start, mention.end
    return None


def _resolve_anaphor(
    kinds: tuple[str, ...], earlier: list[Attribution], bare: list[_Mention]
) -> SourceEntry | None:
    """The most recent earlier attribution (else bare mention) of a kind the anaphor can refer to."""
    for attribution in reversed(earlier):
        if "*" in kinds or attribution.kind in kinds:
            return SourceEntry(attribution.source, attribution.kind, attribution.country)
    for mention in reversed(bare):
        if mention.source is not None and ("*" in kinds or mention.source.kind in kinds):
            return mention.source
    return None


# --- claims and their sources ---------------------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[\"«“(]?\s*[A-ZÀ-ÖØ-Ý0-9])|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at . ! ? before a capital, and at every line break."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_SPLIT.finditer(text):
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (runs of text between line breaks)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _containing(bounds: list[tuple[int, int]], pos: int, default_end: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= pos < end:
            return start, end
    return pos, default_end


def sources_for_range(
    attributions: list[Attribution],
    start: int,
    end: int,
    text: str,
    sentences: list[tuple[int, int]] | None = None,
) -> list[str]:
    """Canonical sources credited for the claim in ``text[start:end]``.

    Attributions in the same sentence; else those of the nearest earlier sentence of the same paragraph
    that has any; else ``[]`` (the caller then marks the claim as the outlet's own). ``sentences`` may
    give the sentence bounds (in ``text`` coordinates); by default they are found by punctuation.
    """
    bounds = sentences if sentences is not None else sentence_bounds(text)
    s_start, s_end = _containing(bounds, start, end)
    s_end = max(s_end, end)
    same = [a for a in attributions if a.start < s_end and a.end > s_start]
    if same:
        return _unique(a.source for a in same)
    p_start, _ = _containing(paragraph_bounds(text), start, end)
    earlier = [a for a in attributions if p_start <= a.start and a.end <= s_start]
    if not earlier:
        return []
    last_sentence = _containing(bounds, earlier[-1].start, earlier[-1].end)
    return _unique(a.source for a in earlier if last_sentence[0] <= a.start < last_sentence[1])


def _unique(names: Any) -> list[str]:
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out
