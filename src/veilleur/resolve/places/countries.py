"""Countries: the country table (``data/gazetteer/countries.csv``) and the countries a text names, qualifies
("frappes russes") or ties its named actors to."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from veilleur.datafiles import data_path
from veilleur.phrases import PhraseScanner
from veilleur.resolve.actors import ActorTies, default_registry
from veilleur.resolve.places.keys import plain_form


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # ACLED's English name, as events and actors write it
    names: tuple[str, ...]  # French and English names
    adjectives: tuple[str, ...]  # French demonyms and adjectives, every gender and number
    capital: str = ""


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    with data_path("gazetteer/countries.csv").open(encoding="utf-8") as handle:
        return tuple(
            Country(r["code"], r["country"], tuple(n for n in r["names"].split("|") if n),
                    tuple(a for a in r["adjectives"].split("|") if a), r["capital"])
            for r in csv.DictReader(handle)
        )


@lru_cache(maxsize=1)
def country_words() -> tuple[PhraseScanner, dict[str, tuple[str, bool]]]:
    """What finds every country's names and adjectives as whole words (not a regex of a thousand
    alternatives: :mod:`veilleur.phrases`); lower-cased word -> (country, is a name)."""
    words: dict[str, tuple[str, bool]] = {}
    for country in load_countries():
        for word in country.names:
            words.setdefault(word.lower().replace("’", "'"), (country.name, True))
        for word in country.adjectives:
            words.setdefault(word.lower().replace("’", "'"), (country.name, False))
    return PhraseScanner(words), words


# a country's name inside an outlet's ("Agence France-Presse", "France 24", "Radio Okapi") names no place
_MEDIA_AFTER = re.compile(r"-presse|\s+(?:24|info|inter|culture|télévisions?)\b")
_MEDIA_BEFORE = re.compile(r"(?:radio|agence|télévision|tv)\s+$")


def country_names_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country named in the text ("Israël", "la Russie"), adjectives aside."""
    return [(start, end, country) for start, end, country, is_name in country_words_in(text) if is_name]


def country_words_in(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, country, is a name) of each country name or adjective in the text, outlets' names aside
    (cached: one text is asked several times while it is geocoded)."""
    return _country_words_cached(text)


@lru_cache(maxsize=256)
def _country_words_cached(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    return tuple(_find_country_words(text))


def _find_country_words(text: str) -> Iterator[tuple[int, int, str, bool]]:
    scanner, words = country_words()
    lowered = text.lower().replace("’", "'")
    for start, end in scanner.spans(lowered):
        if not _MEDIA_AFTER.match(lowered, end) and not _MEDIA_BEFORE.search(lowered, max(0, start - 15), start):
            country, is_name = words[lowered[start:end]]
            if is_name and not text[start].isupper():
                continue  # a country's name is capitalised: "une grenade" is no Grenada, "la chine" no China
            yield start, end, country, is_name


def country_mentions(text: str, names: bool = True, adjectives: bool = True) -> Counter[str]:
    """How often the text names each country ("Cameroun") and/or uses its adjective ("camerounais")."""
    return Counter(country for _, _, country, is_name in country_words_in(text)
                   if (names if is_name else adjectives))


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """ACLED country name -> ISO code."""
    return {c.name: c.code for c in load_countries()}


@lru_cache(maxsize=1)
def country_spellings() -> frozenset[str]:
    """Country names as written, case and accents aside: a name spelt so is resolved at country level, so
    it is neither a place nor an unresolved name. The test is on the spelling, not the folded key: "Ouman"
    (Uman) folds like Oman and "Samawa" like Samoa, and they are towns."""
    return frozenset(plain_form(n) for c in load_countries() for n in c.names)


_FRENCH_ARTICLE = re.compile(r"^(?:l[ae]s?\s+|l['’]\s*)", re.IGNORECASE)


def names_country(surface: str) -> bool:
    """Is the text a country's name ("Tchad", "MALI", "Soudan du Sud"), with its article or not ("La Russie",
    "L'Irak": not Larose, Louisiana, which GeoNames also calls so)?"""
    spellings = country_spellings()
    return plain_form(surface) in spellings or plain_form(_FRENCH_ARTICLE.sub("", surface)) in spellings


def actor_ties(text: str) -> ActorTies:
    """The countries the text's named actors are tied to (the bundled registry's), as the pipeline counts them."""
    registry = default_registry()
    return registry.ties(registry.scan(text))


def country_named_near(text: str, position: int, country: str) -> bool:
    """"En Irak aussi ... céder Hawija": the sentence itself names the village's country."""
    window = text[max(0, position - 200) : position + 60].lower()
    for entry in load_countries():
        if entry.name == country:
            words = (*entry.names, *entry.adjectives)
            return any(re.search(r"\b" + re.escape(w.lower()) + r"\b", window) for w in words)
    return False
