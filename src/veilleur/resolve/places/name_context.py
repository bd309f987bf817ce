"""What the words around a capitalised name say of it, whatever the gazetteers: a person's title or an
organisation's kind before it, an acronym, one part of a hyphenated name, a sentence's first word."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from veilleur.resolve.places.cues import introduces_place

# "Mohsen al-Najdi", "Omar Ben Ali": a single word followed by a nasab or article + name is a person.
PERSON_NAME_AFTER = re.compile(r"\s+(?:al|el|ben|bin|ibn|abou|abu|ould|ag)[\s-]+[A-Z]", re.IGNORECASE)
TITLE_BEFORE = re.compile(
    r"\b(?:général|generale?|colonel|commandant|capitaine|lieutenant|sergent|président|premier\s+ministre|ministre|"
    r"cheikh|imam|émir|porte-parole|maire|gouverneur|préfet|M\.|Mme|Dr)\s+(?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}$",
)
# a firm, an agency or a medium named right after its kind ("la compagnie pétrolière saoudienne Aramco", "la
# chaîne Al-Mayadine"): an organisation, not a place; adjectives may come between, prepositions may not ("une
# entreprise de Gao")
ORGANISATION_BEFORE = re.compile(
    r"\b(?:compagnies?|sociétés?|entreprises?|firmes?|ONG|agences?|chaînes?|journal|quotidien|hebdomadaire|radio|"
    r"banques?|opérateurs?)(?:\s+(?!(?:de|du|des|d|à|au|aux|en|dans|sur|près)\b)[a-zà-ÿ-]+){0,2}\s+$"
)
# "la", "le", "les", "l'" just before a name: the word after it is a common noun or an area's name, not a far town
DETERMINER_BEFORE = re.compile(r"(?:\b[Ll](?:a|e|es)\s+|\b[Ll]['’])$")


def is_acronym(text: str, start: int, end: int) -> bool:
    """An upper-case word of three letters or more, neither a dateline ("BAMAKO -" at a line's start) nor
    introduced as a place ("à GAO")."""
    word = text[start:end]
    if len(word) < 3 or not word.isupper():
        return False
    return text[text.rfind("\n", 0, start) + 1:start].strip() != "" and not introduces_place(text, start)


CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ]")
LONGEST_NAME = 80  # characters: no gazetteer name the scan finds is longer


def holds_whole(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` hold whole, and longer, every one of the sorted ``spans`` it overlaps?"""
    first = bisect.bisect_left(spans, (start - LONGEST_NAME, 0))
    last = bisect.bisect_left(spans, (end, 0))
    return all(start <= s and e <= end and e - s < end - start for s, e in spans[first:last] if e > start)


def bracketed_acronym(text: str, start: int, end: int) -> bool:
    """An acronym in brackets after the name it stands for: "la Mission de l'ONU en Afghanistan (MANUA)"."""
    return (is_acronym(text, start, end) and text[start - 1:start] == "("
            and text[end:end + 1] == ")")


# "l'axe Boni-Hombori", "la route Gao-Ansongo": a road is named by the two places it joins
_ROAD_BEFORE = re.compile(r"(?:axe|route|tronçon|corridor|piste)s?\s+$", re.IGNORECASE)


_ARTICLE_GOES_ON = re.compile(r"[ \t]+(?:al|el|ad|ed|as|es|ash|esh|ach|ech|an|ar|at|az|ez)[ \t-][A-ZÀ-Ý]")


def part_of_compound(text: str, start: int, end: int) -> bool:
    """Is text[start:end] joined by a hyphen to another word ("Tchomo" in "Tchomo-Bangou"), other than the
    two ends of a road ("l'axe Boni-Hombori"), or followed by an Arabic article and a capital ("Karm al Zeitoun")?"""
    before = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha()
    after = end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()
    if not before and _ARTICLE_GOES_ON.match(text, end):
        return True  # "les quartiers de Karm al Zeitoun": the first word of an Arabic name the tables lack
    if not (before or after):
        return False
    first = start
    while first > 0 and (text[first - 1].isalpha() or text[first - 1] == "-"):
        first -= 1  # the compound's first letter
    return _ROAD_BEFORE.search(text, max(0, first - 12), first) is None


def half_of_reduplication(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one half of a name that says a word twice ("Tongo-Tongo", "Gorom-Gorom")? Such a name is
    one place, never two towns joined as a road's ends: a town spelt as its half is not it."""
    word = text[start:end]
    before = text[max(0, start - len(word) - 1):start]
    after = text[end:end + len(word) + 1]
    return before.lower() == word.lower() + "-" or after.lower() == "-" + word.lower()


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    from veilleur.ingest.checks import french_stopwords  # the ingest's list of French function words

    return french_stopwords()


SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«\"“]\s*)$")


def is_function_word(text: str, start: int, word: str) -> bool:
    """A French function word ("Cet", "Celle", "Aux") capitalised as a sentence's first word, which is all that
    makes it look like a name ("la région de l'Est" is a province's name, and so is the word after a cue)."""
    return (word.lower() in function_words()
            and SENTENCE_START.search(text, max(0, start - 3), start) is not None)


CAPITALISED_RUN = re.compile(r"(?:(?:al|el|ad|as|ar|ash|az|an|at)-)?[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*)*")
PUNCTUATION = re.compile(r"[,.;:!?()«»\"\n]")
WEAK_POSITION = re.compile(r"(?:^|[.!?:\n«\"]\s*|\bselon\s+|\bpar\s+|\bpour\s+)$", re.IGNORECASE)
