"""Place resolution: find place names in French conflict news and map them to gazetteer entries.

Matching works on *name keys*: a spelling-tolerant form of a name in which French and English
transliterations of Arabic, Persian, Ukrainian... names coincide ("Deir Ezzor", "Dayr az Zawr" and
"Deir ez-Zor" all give ``dir zur``). The text is cut into word tokens, each folded the same way, and the
runs of tokens that start at a capital are looked up in each gazetteer's key index; matches map back to
text offsets through the tokens. Then each match is disambiguated (country prior, admin context, proximity, size)
and given a ``geo_precision`` from the cue before it (codebook section 4).

Data: ``data/gazetteer/base.tsv.gz`` and one ``places-XX.tsv.gz`` per country (built by
``scripts/build_gazetteer.py``), ``data/gazetteer/countries.csv`` and ``data/gazetteer_stoplist.csv``. The base
and the small tables are read once per process through cached loaders; each :class:`Geocoder` keeps the
country files it loaded within a memory budget.
"""

from __future__ import annotations

import bisect
import csv
import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from importlib import resources
from itertools import accumulate, chain
from operator import add
from pathlib import Path
from typing import NamedTuple

from rapidfuzz import fuzz, process
from unidecode import unidecode

from veilleur.datafiles import load_json
from veilleur.phrases import PhraseScanner
from veilleur.records import Place, great_circle_km
from veilleur.resolve.actors import ActorTies, default_registry
from veilleur.resolve.sized_cache import SizedCache
from veilleur.spans import SpanIndex

# --------------------------------------------------------------------------------------------------
# Name keys
# --------------------------------------------------------------------------------------------------

# Arabic articles written as separate tokens ("al-Mayadin", "Dayr az Zawr", the French "Ech-Chaddadi"). In
# gazetteer names they are always dropped; in running text only when they cannot be French words (see
# ``_is_text_article``).
ARTICLES = frozenset(
    {"al", "el", "ad", "ed", "as", "es", "ar", "er", "an", "ash", "esh", "ach", "ech", "at", "az", "ez", "ul", "il"}
)
# Articles that are never French words, so they can be dropped before a capitalised word without a hyphen.
STRONG_ARTICLES = frozenset({"al", "el", "ad", "ed", "az", "ez", "ash", "esh", "ach", "ech", "ar", "ul"})

# Ordered: multi-letter spellings first, then vowels, so French and English transliterations meet.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"), ("tch", "sh"), ("ch", "sh"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("ou", "u"), ("w", "u"), ("y", "i"), ("au", "u"),
    ("e", "i"), ("o", "u"), ("ai", "i"),
)
SHORT_NAME = 3  # letters: shorter words keep their spelling in keys
_FUSED_ARTICLE = re.compile(r"^[ae]([dlnrstz])\1")  # "Ezzor", "Arraqqa": the article assimilated
_DOUBLES = re.compile(r"(.)\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """One word to its key form: ASCII, lower case, transliteration variants folded."""
    plain = t = _NON_ALNUM.sub("", unidecode(token).lower())
    if len(t) >= 5 and _FUSED_ARTICLE.match(t):
        t = t[2:]
    if len(t) > 4 and t.endswith("e") and t[-2] not in "aeiouy":
        t = t[:-1]  # French final mute e: Mayadine / Mayadin, Palmyre / Palmyra
    t = re.sub(r"c(?=[eiy])", "s", t)
    t = re.sub(r"qu(?=[aeiy])", "k", t)
    t = re.sub(r"gu(?=[eiy])", "g", t)  # French "gu" is a hard g before e/i: Taguil / Tagil, Guelma
    t = t.replace("x", "ks")  # Alexeïevka / Alekseyevka, Alexandrie / Aleksandriya
    for old, new in _FOLDS:
        t = t.replace(old, new)
    t = _DOUBLES.sub(r"\1", t)
    if len(t) > 3 and t.endswith("h") and t[-2] in "aiu":
        t = t[:-1]  # Jarrah / Jarra, Hodeidah / Hodeida
    if len(t) < SHORT_NAME <= len(plain) <= SHORT_NAME + 1:
        return plain  # "Ibb", "Owo", "Eyl" would fold to nothing matchable: they keep their spelling
    return t


_NAME_SPLIT = re.compile(r"[\s\-‐–—/,.()]+")
_APOSTROPHES = re.compile(r"['’‘`ʿʾ´]")


@lru_cache(maxsize=65_536)
def _plain(name: str) -> str:
    # cached: the spellings of every candidate place are compared with each name found in a text
    return _NON_ALNUM.sub("", unidecode(name).lower())


def name_key(name: str) -> str:
    """The matching key of a gazetteer name or alias: folded tokens without Arabic articles."""
    tokens = [t for t in _NAME_SPLIT.split(_APOSTROPHES.sub("", name)) if t]
    folded = [fold_token(t) for t in tokens if t.lower() not in ARTICLES or len(tokens) == 1]
    return " ".join(f for f in folded if f)


@lru_cache(maxsize=16_384)
def own_name_key(name: str) -> str:
    """:func:`name_key` of a place's own name (cached: choosing among a name's candidates asks it of each, for
    every mention; bounded, as a long run meets new places)."""
    return name_key(name)


# --------------------------------------------------------------------------------------------------
# Text tokens
# --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELISIONS = frozenset({"l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
# "N'Djamena", "Fada N'Gourma": n' before a capital starts an African name; the negation "n'" precedes a verb
_NAME_PREFIX = re.compile(r"[Nn]['’][A-ZÀ-Ý]")
_ELIDED = re.compile(r"([^\W_]+)['’]")


class Token(NamedTuple):
    """A word of the text with its key (a named tuple: a text has thousands, made four times faster than a
    dataclass's)."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool
    hyphen_after: bool


# a Token from a tuple of its fields, made in C (the named tuple's constructor is a Python function, called
# for every word of every article)
_new_token = partial(tuple.__new__, Token)


# each word of the text with the run of other characters before it: what _WORD.finditer finds, as strings
# whose lengths give the offsets (a word starts at the first character _WORD can start with, as finditer's does)
_GAP_AND_WORD = re.compile(r"([\W_]*)(" + _WORD.pattern + ")")


@lru_cache(maxsize=64)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word tokens with their keys; French elisions ("d'Alep") are split off, Arabic apostrophes kept
    (cached: a text is scanned once per set of gazetteers).

    Built a column at a time in C (``findall``, running sums of the lengths, ``map``): a match object and a
    Python step per word took most of the time."""
    pairs = _GAP_AND_WORD.findall(text)
    if not pairs:
        return ()
    # running sums of the gaps' and words' lengths: each word's start, then its end, alternately
    bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
    skips, words, keys, capitalised = zip(*map(_word_fields, [word for _, word in pairs]), strict=True)
    starts = list(map(add, bounds[0::2], skips))  # past an elision the word loses
    ends = bounds[1::2]
    hyphens = [text[end:end + 1] in "-‐" for end in ends]
    return tuple(map(_new_token, zip(starts, ends, words, keys, capitalised, hyphens, strict=True)))


@lru_cache(maxsize=65536)
def _word_fields(matched: str) -> tuple[int, str, str, bool]:
    """What a matched word gives its token, whatever the text: the characters an elision ("d'", "l'") takes
    off its front, the word left, its key and whether it is capitalised (cached: a text's words are mostly
    words already seen, and one look-up replaces the per-word tests of :func:`tokenize`)."""
    skip, word = 0, matched
    if "'" in word or "’" in word:
        head = _ELIDED.match(word)
        if head and head.group(1).lower() in _ELISIONS and not _NAME_PREFIX.match(word):
            skip = head.end()
            word = word[skip:]
    return skip, word, _word_key(word), word[:1].isupper()


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """A text word's key, apostrophes dropped (cached as :func:`fold_token` is: a text's words are mostly
    words already seen, and the apostrophes' substitution cost as much as the cached fold)."""
    return fold_token(_APOSTROPHES.sub("", word))


class _KeptTokens(NamedTuple):
    """The text's tokens that name keys are made of (Arabic articles and keyless tokens left out)."""

    indexes: tuple[int, ...]  # into the text's tokens
    keys: tuple[str, ...]  # each kept token's key
    name_starts: tuple[int, ...]  # positions in ``indexes`` where a name may start: capitals, "parc", "forêt"


@lru_cache(maxsize=64)
def _kept_keys(text: str) -> _KeptTokens:
    """The text's kept tokens and their keys (cached: a text is read against several gazetteers)."""
    tokens = tokenize(text)
    # most words are no article at all: one set look-up spares them _is_text_article's reading of their neighbours
    kept = tuple(i for i, token in enumerate(tokens)
                 if token.key and (token.text.lower() not in ARTICLES or not _is_text_article(tokens, i)))
    openers = _place_cue_keys("name_opening_nouns")
    name_starts = tuple(position for position, i in enumerate(kept)
                        if tokens[i].capitalised or tokens[i].key in openers)
    return _KeptTokens(kept, tuple(tokens[i].key for i in kept), name_starts)


@lru_cache(maxsize=2)
def _place_cue_keys(field: str) -> frozenset[str]:
    """The keys of one of ``data/place_cues.json``'s lower-case word lists: "name_opening_nouns" open a park's or
    a forest's name ("le parc du W"), "name_closing_adjectives" close a province's ("le Logone oriental")."""
    return frozenset(_word_key(word) for word in load_json("place_cues.json")[field])


def _raw_hits(text: str, gazetteer: Gazetteer) -> set[tuple[int, int, str]]:
    """(first token, last token, key) of every key of the gazetteer in the text that starts at a capital (or at
    a noun that opens a park's name, "le parc du W").

    A key is kept tokens' keys joined by spaces, so the hits are the runs of kept tokens, from a capitalised
    one, whose joined keys the index holds: only the runs as long as the gazetteer's longest key that starts
    with that token's key are asked for (:attr:`Gazetteer.reach`). A name starts with a capital
    (:meth:`Geocoder._select`), and a text has a few dozen capitalised words against thousands of words: one
    dictionary look-up or two per capitalised word replaced an automaton run over every character, whose
    hits were mostly common words, and a gazetteer no longer builds an automaton when it is loaded."""
    kept, keys, name_starts = _kept_keys(text)
    index, reach = gazetteer.index, gazetteer.reach
    raw = set()
    for position in name_starts:
        key = keys[position]
        longest = reach.get(key)
        if longest is None:
            continue
        if key in index:
            raw.add((kept[position], kept[position], key))
        for last in range(position + 1, min(position + longest, len(kept))):
            key = f"{key} {keys[last]}"  # the run one token longer: its keys joined by spaces
            if key in index:
                raw.add((kept[position], kept[last], key))
    return raw


def _is_text_article(tokens: Sequence[Token], i: int) -> bool:
    """An Arabic article in running text: "al-Bab", "Dayr az Zawr", but not French "as" or "an"."""
    low = tokens[i].text.lower()
    if low not in ARTICLES or i + 1 >= len(tokens):
        return False
    return tokens[i].hyphen_after or (low in STRONG_ARTICLES and tokens[i + 1].capitalised)


# --------------------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------------------


def _data_path(name: str) -> Path:
    return Path(str(resources.files("veilleur") / "data" / name))


@dataclass(frozen=True)
class Country:
    code: str
    name: str  # ACLED's English name, as events and actors write it
    names: tuple[str, ...]  # French and English names
    adjectives: tuple[str, ...]  # French demonyms and adjectives, every gender and number
    capital: str = ""


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    with _data_path("gazetteer/countries.csv").open(encoding="utf-8") as handle:
        return tuple(
            Country(r["code"], r["country"], tuple(n for n in r["names"].split("|") if n),
                    tuple(a for a in r["adjectives"].split("|") if a), r["capital"])
            for r in csv.DictReader(handle)
        )


@lru_cache(maxsize=1)
def _country_words() -> tuple[PhraseScanner, dict[str, tuple[str, bool]]]:
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
    return [(start, end, country) for start, end, country, is_name in _country_words_in(text) if is_name]


def _country_words_in(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, country, is a name) of each country name or adjective in the text, outlets' names aside
    (cached: one text is asked several times while it is geocoded)."""
    return _country_words_cached(text)


@lru_cache(maxsize=256)
def _country_words_cached(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    return tuple(_find_country_words(text))


def _find_country_words(text: str) -> Iterator[tuple[int, int, str, bool]]:
    scanner, words = _country_words()
    lowered = text.lower().replace("’", "'")
    for start, end in scanner.spans(lowered):
        if not _MEDIA_AFTER.match(lowered, end) and not _MEDIA_BEFORE.search(lowered, max(0, start - 15), start):
            country, is_name = words[lowered[start:end]]
            if is_name and not text[start].isupper():
                continue  # a country's name is capitalised: "une grenade" is no Grenada, "la chine" no China
            yield start, end, country, is_name


def country_mentions(text: str, names: bool = True, adjectives: bool = True) -> Counter[str]:
    """How often the text names each country ("Cameroun") and/or uses its adjective ("camerounais")."""
    return Counter(country for _, _, country, is_name in _country_words_in(text)
                   if (names if is_name else adjectives))


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """ACLED country name -> ISO code."""
    return {c.name: c.code for c in load_countries()}


@dataclass(frozen=True)
class StopRule:
    """A name that is not a place: always, or when the text around it says so (a TV channel, an agency).

    An always-rule stops the word as written ("Sous", "Marché"), not every name that folds like it
    ("Sousse" stays a place)."""

    key: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    plain: str = ""

    @property
    def always(self) -> bool:
        return self.before is None and self.after is None

    def applies(self, text: str, start: int, end: int) -> bool:
        if self.always:
            return _plain(text[start:end]) == self.plain
        left, right = text[max(0, start - 60):start].lower(), text[end:end + 40].lower()
        return bool((self.before and self.before.search(left)) or (self.after and self.after.search(right)))


@lru_cache(maxsize=1)
def load_stop_rules() -> dict[str, tuple[StopRule, ...]]:
    rules: dict[str, list[StopRule]] = {}
    with _data_path("gazetteer_stoplist.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            before = re.compile(row["before"]) if row["before"] else None
            after = re.compile(row["after"]) if row["after"] else None
            for name in row["name"].split("|"):
                key = name_key(name)
                rules.setdefault(key, []).append(StopRule(key, before, after, _plain(name)))
    return {k: tuple(v) for k, v in rules.items()}


@lru_cache(maxsize=1)
def country_spellings() -> frozenset[str]:
    """Country names as written, case and accents aside: a name spelt so is resolved at country level, so
    it is neither a place nor an unresolved name. The test is on the spelling, not the folded key: "Ouman"
    (Uman) folds like Oman and "Samawa" like Samoa, and they are towns."""
    return frozenset(_plain(n) for c in load_countries() for n in c.names)


_FRENCH_ARTICLE = re.compile(r"^(?:l[ae]s?\s+|l['’]\s*)", re.IGNORECASE)


def names_country(surface: str) -> bool:
    """Is the text a country's name ("Tchad", "MALI", "Soudan du Sud"), with its article or not ("La Russie",
    "L'Irak": not Larose, Louisiana, which GeoNames also calls so)?"""
    spellings = country_spellings()
    return _plain(surface) in spellings or _plain(_FRENCH_ARTICLE.sub("", surface)) in spellings


def actor_ties(text: str) -> ActorTies:
    """The countries the text's named actors are tied to (the bundled registry's), as the pipeline counts them."""
    registry = default_registry()
    return registry.ties(registry.scan(text))


# --------------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------------

_FEATURE_PRIOR = {"city": 1.0, "admin1": 0.6, "district": 0.8, "site": 0.8, "region": 0.7, "park": 0.7,
                  "admin2": 0.5, "village": 0.0}


def _prominence(place: Place, key: str = "") -> float:
    """Prior weight of an entry regardless of context: kind, size, and whether the key is its main name.

    GeoNames alternate names hold historical and foreign names of *other* towns (Nikopol lists
    "Slov'iansk"), so a match on the entry's own name counts for more than one on an alias.
    """
    own_name = 1.0 if key and own_name_key(place.name) == key else 0.0
    # a row checked by hand (the curated supplement) beats the bulk village tables' namesakes
    curated = 1.0 if place.geonameid.startswith("curated:") else 0.0
    return _FEATURE_PRIOR.get(place.feature, 0.3) + math.log10(place.population + 10) / 2 + own_name + curated


ROW_BYTES = 270  # memory per gazetteer row beyond its characters: the line, its id and row number, its Place once asked
KEY_BYTES = 170  # per name key: its string and index entry (with its first token's reach)


class Gazetteer:
    """Places indexed by name key. Build with :meth:`load`; :func:`default_gazetteer` is the bundled base
    (world towns, admin1 units, curated rows) and :func:`country_gazetteer` one country's villages.

    Rows are kept as the file's lines and a :class:`Place` is made only for a row a key asks for: a
    country's file holds up to 130,000 rows of which an article asks for a few dozen, and one object per
    row made loading slow and kept a country's villages several times their size in memory."""

    def __init__(self, lines: Sequence[str], columns: Sequence[str]) -> None:
        """``lines``: tab-separated rows with the ``columns`` of a gazetteer file (``keys`` may be empty:
        they are then made from the name and aliases)."""
        self._lines = list(lines)
        self._chars = sum(map(len, self._lines))
        self._column = {name: i for i, name in enumerate(columns)}
        self._entries: dict[int, tuple[Place, frozenset[str]]] = {}  # row -> (place, spellings), once asked
        id_at, name_at, aliases_at = (self._column[c] for c in ("id", "name", "aliases"))
        keys_at = self._column.get("keys")
        # the fields read here; the rest of the line stays one string
        cut = max(id_at, name_at, aliases_at, -1 if keys_at is None else keys_at) + 1
        # a place's row by its id: another gazetteer's entry for the same place is spelt by this one's names
        self._row_of: dict[str, int] = {}
        # key -> its row, or its rows when several bear it. A key of one row (most keys) holds a bare int:
        # no container to allocate, keep or have the garbage collector walk (a list or tuple per key made
        # loading a third slower in collections, and a full collection walk the million keys of the loaded
        # gazetteers). Tuples of ints, unlike lists, leave the collector's watch.
        index: dict[str, int | tuple[int, ...]] = {}
        more: dict[str, list[int]] = {}  # the rows of the keys that several rows bear, while reading
        for i, line in enumerate(self._lines):
            fields = line.split("\t", cut)
            self._row_of[fields[id_at]] = i
            keys = fields[keys_at].split("|") if keys_at is not None and fields[keys_at] else [
                name_key(n) for n in [fields[name_at], *fields[aliases_at].split("|")] if n]
            for key in keys:
                if len(key.replace(" ", "")) >= 3:
                    earlier = index.setdefault(key, i)
                    if earlier != i:  # an earlier row bears the key too (then ``earlier`` is still its int)
                        rows = more.get(key)
                        if rows is None:
                            more[key] = [earlier, i]  # type: ignore[list-item]
                        elif rows[-1] != i:  # rows come in order: a key the row already gave is its last entry
                            rows.append(i)
        for key, rows in more.items():
            index[key] = tuple(rows)
        self.index = index
        # a key's first token -> how many tokens the longest key that starts with it has (:func:`_raw_hits`)
        self.reach: dict[str, int] = {}
        for key in self.index:
            head, _, rest = key.partition(" ")
            length = rest.count(" ") + 2 if rest else 1
            if self.reach.get(head, 0) < length:
                self.reach[head] = length
        self._keys_by_start: dict[tuple[str, int], list[str]] | None = None
        self._shapes: dict[tuple[str, int], dict[str, list[str]]] = {}
        self._by_letters: dict[str, str] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read a gazetteer file (tab-separated, gzipped, no quoting); name keys come from its ``keys`` column
        when it has one (the build script computes them), else from its names and aliases."""
        path = path or _data_path("gazetteer/base.tsv.gz")
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            header, *lines = handle.read().split("\n")
        return cls([line for line in lines if line], header.split("\t"))

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def size(self) -> int:
        """Roughly what the gazetteer takes in memory, in bytes (the resident set it adds, measured on CPython
        3.11 over 14 country files: the lines' characters, plus per row and per key what indexes them)."""
        return self._chars + ROW_BYTES * len(self._lines) + KEY_BYTES * len(self.index)

    def _entry(self, row: int) -> tuple[Place, frozenset[str]]:
        """The row's place and the spellings it vouches for (see :meth:`spelled`), made on first use."""
        entry = self._entries.get(row)
        if entry is None:
            fields = self._lines[row].split("\t")
            column = self._column
            name, aliases = fields[column["name"]], fields[column["aliases"]]
            place = Place(
                name=name, latitude=float(fields[column["latitude"]]),
                longitude=float(fields[column["longitude"]]), country=fields[column["country"]],
                admin1=fields[column["admin1"]], admin2=fields[column["admin2"]], feature=fields[column["feature"]],
                geonameid=fields[column["id"]], population=int(fields[column["population"]] or 0),
            )
            # names written all in lower case are left out: in GeoNames they are machine romanisations of
            # other scripts ("toura", "tu la" for Tula), not a spelling any writer uses
            spellings = frozenset(_plain(n) for n in f"{name}|{aliases}".split("|") if n != n.lower())
            entry = self._entries[row] = (place, spellings)
        return entry

    def spelled(self, place: Place, surface: str) -> bool:
        """Does one of the place's names read exactly as ``surface`` (case and accents aside)? Only names
        with a capital count (:meth:`_entry`)."""
        return self.spells(place, _plain(surface))

    def spells(self, place: Place, plain: str) -> bool:
        """:meth:`spelled` for a surface already made plain (:func:`_plain`), which a caller asking about
        several places makes once."""
        row = self._row_of.get(place.geonameid)
        return bool(plain) and row is not None and plain in self._entry(row)[1]

    def candidates(self, key: str) -> list[Place]:
        rows = self.index.get(key)
        if rows is None:
            return []
        if isinstance(rows, int):
            return [self._entry(rows)[0]]
        return [self._entry(i)[0] for i in rows]

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Entries for a name, best first: the given country's, then by kind, name and size."""
        key = name_key(name)
        found = self.candidates(key)
        return sorted(
            found, key=lambda p: (p.country == country, self.spelled(p, name), _prominence(p, key)), reverse=True
        )

    def fuzzy_match(self, key: str, cutoff: float = 88.0) -> tuple[float, str] | None:
        """(similarity, key) of the closest indexed key at or above ``cutoff``, for names spelt in a way no
        alias covers. Only keys that can reach the cutoff are compared: same first letter, any vowel for a
        vowel (keys are folded, so "Kouloubadiéni" and "Culubadieni" agree), the same consonants in the same
        order (:func:`_consonants`), and a length the similarity allows."""
        share = cutoff / (200.0 - cutoff)  # ratio = 2*common/(a+b) >= cutoff/100 bounds b/a within [share, 1/share]
        lengths = range(math.ceil(len(key) * share), math.floor(len(key) / share) + 1)
        skeleton = _consonants(key)
        pool = [k for n in lengths for k in self._keys_by_shape(_initial(key), n).get(skeleton, ())]
        best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff)
        return (float(best[1]), str(best[0])) if best else None

    def same_letters(self, key: str) -> str | None:
        """The indexed key spelt with the same letters in one word or several ("Mongko" / Mong Ko, "Tin
        Zaouatène" / Tinzaouatène): transliterations join and split names freely. Indexed on first use."""
        joined = key.replace(" ", "")
        if joined != key and joined in self.index:
            return joined  # "Tin Zaouatène" for Tinzaouatène
        if self._by_letters is None:  # the keys of several words, by their letters ("mungku" -> "mung ku")
            self._by_letters = {}
            for indexed in self.index:
                if " " in indexed:
                    self._by_letters.setdefault(indexed.replace(" ", ""), indexed)
        return self._by_letters.get(joined)

    def _keys_by_shape(self, initial: str, length: int) -> dict[str, list[str]]:
        """The keys of one initial and length by their consonants (in index order), grouped on first use: a
        text's near-misses ask again and again for the same few groups of a large gazetteer."""
        if self._keys_by_start is None:
            self._keys_by_start = defaultdict(list)
            for indexed in self.index:
                self._keys_by_start[(_initial(indexed), len(indexed))].append(indexed)
        shapes = self._shapes.get((initial, length))
        if shapes is None:
            shapes = self._shapes[(initial, length)] = {}
            for key in self._keys_by_start.get((initial, length), ()):
                shapes.setdefault(_consonants(key), []).append(key)
        return shapes


_VOWELS = re.compile(r"[aeiou ]")


def _consonants(key: str) -> str:
    """A key's consonants in order: spellings of one name differ in their vowels ("Vladicaucase" /
    Vladikavkaz, "Mbujimayi" / Mbuji-Mayi), a name with a consonant more or less is another name
    ("Molenbeek" is not Manbij, "Seytenga" not Cetinje)."""
    return _VOWELS.sub("", key)


def _initial(key: str) -> str:
    return "aeiou" if key[:1] in "aeiou" else key[:1]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled base gazetteer, loaded once per process."""
    return Gazetteer.load()


def country_gazetteer(code: str) -> Gazetteer | None:
    """One country's towns of 500+ people and, for the conflict countries, its villages and districts, read
    from its file (each :class:`Geocoder` keeps those it loaded, within a memory budget). None when there is
    no file."""
    path = _data_path(f"gazetteer/places-{code}.tsv.gz")
    return Gazetteer.load(path) if path.exists() else None


# --------------------------------------------------------------------------------------------------
# Cues
# --------------------------------------------------------------------------------------------------

_DE = r"(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+)"
_CITY_WORD = r"(?:la\s+ville|la\s+localité|le\s+village|la\s+bourgade|le\s+bourg|la\s+cité|le\s+quartier|" \
             r"le\s+hameau|la\s+commune|le\s+camp)"
_CITY_CUE = re.compile(_CITY_WORD + r"\s+" + _DE + r"$")
# "la province est de Damas", "la région occidentale de": a compass word may sit between noun and "de"
_PART = r"(?:\s+(?:nord|sud|est|ouest|orientale?|occidentale?|septentrionale?|méridionale?)(?:-(?:est|ouest))?)?"
_PROVINCE_CUE = re.compile(
    # "la province chinoise du Yunnan", "la région montagneuse de l'Adrar": one adjective may come between
    r"(province|gouvernorat|région|wilaya|oblast|état|muhafazat?)" + _PART + r"(?:\s+[a-zà-ÿ-]{4,})?\s+" + _DE
    + r"$"
    # "l'État Chin", "l'État Shan": a state named in apposition, with no "de"
    + r"|\bl['’]\s*état\s+$"
)
_NEAR = r"(?:près|non\s+loin|aux\s+abords|(?:dans\s+)?les\s+environs|aux\s+environs|en\s+banlieue|autour|" \
        r"(?:dans\s+|à\s+)?la\s+(?:banlieue|campagne|périphérie)|aux\s+portes|à\s+proximité)"
_COMPASS = r"(?:au|à\s+l['’]|dans\s+le|dans\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?"
_DISTANCE = r"à\s+(?:\d+|une?\s+\w+|quelques|plusieurs|une\s+dizaine\s+de)\s*(?:km|kilomètres?)" \
            r"(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?"
_ROUTE = r"(?:route|axe|autoroute)\s+(?:entre|reliant|de)"
_APPROX_CUE = re.compile(
    r"(" + _NEAR + r"\s+" + _DE + r"|" + _COMPASS + r"\s+" + _DE + r"|" + _DISTANCE + r"\s+" + _DE
    + r"|" + _ROUTE + r"\s+)"
    + r"(?:" + _CITY_WORD + r"\s+" + _DE + r"|(?:la\s+)?(?:province|gouvernorat|région)" + _PART + r"\s+" + _DE + r")?$"
)
# "Mohsen al-Najdi", "Omar Ben Ali": a single word followed by a nasab or article + name is a person.
_PERSON_NAME_AFTER = re.compile(r"\s+(?:al|el|ben|bin|ibn|abou|abu|ould|ag)[\s-]+[A-Z]", re.IGNORECASE)
_TITLE_BEFORE = re.compile(
    r"\b(?:général|generale?|colonel|commandant|capitaine|lieutenant|sergent|président|premier\s+ministre|ministre|"
    r"cheikh|imam|émir|porte-parole|maire|gouverneur|préfet|M\.|Mme|Dr)\s+(?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}$",
)
# a firm, an agency or a medium named right after its kind ("la compagnie pétrolière saoudienne Aramco", "la
# chaîne Al-Mayadine"): an organisation, not a place; adjectives may come between, prepositions may not ("une
# entreprise de Gao")
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:compagnies?|sociétés?|entreprises?|firmes?|ONG|agences?|chaînes?|journal|quotidien|hebdomadaire|radio|"
    r"banques?|opérateurs?)(?:\s+(?!(?:de|du|des|d|à|au|aux|en|dans|sur|près)\b)[a-zà-ÿ-]+){0,2}\s+$"
)
# words that make the next name a place even where the parser took it for a person ("à Barry")
# the words after which a name is a place whatever the parser saw in it ("à Tillia", "le poste de Tillia")
_PLACE_INTRO = re.compile(r"(?:\bà|\bau|\bprès\s+d[e'’]|\b(?:ville|village|localité|commune|bourgade|hameau|quartier|"
                          r"camp|base|poste|caserne|garnison|chef-lieu)\s+d[e'’])\s*$", re.IGNORECASE)
# a locative word with the definite article ("dans le", "au", "vers l'"): the name after it is an area's
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:dans|en|vers|sur|de)\s+(?:le|la|les)\s+|\b(?:dans|vers|sur|de)\s+l['’]\s*"
                              r"|\b(?:au|aux|du)\s+)$")
_LOCATIVE_BEFORE = re.compile(r"(?:\bà|\bau|\ben|\bde|\bd['’]|\bdans|\bvers|\bsur|\bcontre|\bentre|\bet)\s*$")


def _country_named_near(text: str, position: int, country: str) -> bool:
    """"En Irak aussi ... céder Hawija": the sentence itself names the village's country."""
    window = text[max(0, position - 200) : position + 60].lower()
    for entry in load_countries():
        if entry.name == country:
            words = (*entry.names, *entry.adjectives)
            return any(re.search(r"\b" + re.escape(w.lower()) + r"\b", window) for w in words)
    return False


@dataclass(frozen=True)
class Cue:
    precision: int  # 0 when no cue
    qualifier: str
    wants_admin1: bool
    wants_town: bool
    wants_area: bool = False  # "le territoire de", "le cercle de": a unit below the province, named after its seat
    # "dans le Golan", "au Sahel", "dans l'Ituri": French names a town without an article, an area with one
    definite: bool = False


# what every cue read_cue tries ends with, before the white space that may follow: a preposition of _DE, the
# last word of _ROUTE, the article of _DEFINITE_BEFORE, or "état" of "l'État Chin" (lower case, as read_cue
# reads the text)
_CUE_LAST_WORDS = ("de", "la", "l'", "l’", "d'", "d’", "du", "des", "entre", "reliant", "le", "les", "au", "aux",
                   "état")


@lru_cache(maxsize=1)
def _area_cue() -> re.Pattern[str]:
    """"le territoire de", "l'arrondissement de", "les cantons de": the units of ``data/place_cues.json``."""
    nouns = "|".join(re.escape(n) for n in sorted(load_json("place_cues.json")["area_nouns"], key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + nouns + r")s?(?:\s+(?:rurale?s?|urbaine?s?))?\s+" + _DE + r"$")


def read_cue(text: str, start: int) -> Cue:
    """The precision cue in the words just before a name."""
    left = text[max(0, start - 90):start].lower()
    if not left.rstrip().endswith(_CUE_LAST_WORDS):
        # no cue can end here ("à Gao", "Gao, ..."): each cue pattern, anchored at the window's end, would be
        # tried at every one of its 90 characters to find none
        return Cue(0, "", False, False, definite=False)
    approx = _APPROX_CUE.search(left)
    province = _PROVINCE_CUE.search(left)
    town = _CITY_CUE.search(left)
    if approx:
        return Cue(2, " ".join(approx.group(1).split()), bool(province), bool(town))
    if province:
        return Cue(3, " ".join(province.group(0).split()), True, False)
    if town:
        return Cue(1, " ".join(town.group(0).split()), False, True)
    area = _area_cue().search(left)
    if area:
        return Cue(2, " ".join(area.group(0).split()), False, False, True)
    return Cue(0, "", False, False, definite=_DEFINITE_BEFORE.search(left) is not None)


# --------------------------------------------------------------------------------------------------
# Geocoder
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str  # offsets into the text passed to find()
    place: Place  # resolved entry; for precision 3 its lat/lon are the province capital's
    precision: int  # geo_precision 1/2/3 by the codebook
    qualifier: str = ""  # the cue that set precision, e.g. "près de", "province de"


@dataclass
class GeocodeResult:
    mentions: list[PlaceMention] = field(default_factory=list)
    unresolved: list[tuple[int, int, str]] = field(default_factory=list)  # capitalised names not resolved
    # the unresolved names a place cue introduces ("le village de Ngurahi", "à Ngurahi"): unknown places
    unknown_places: list[tuple[int, int, str]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # the article's countries, best supported first
    # the other countries searched for its places: where its named actors operate (:meth:`Geocoder.find`)
    reach: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Geocoded:
    """What :meth:`Geocoder.geocode` found for one name, and why."""

    name: str
    chosen: PlaceMention | None
    candidates: list[Place]
    countries: list[str]
    why: str

    def to_dict(self, max_candidates: int = 10) -> dict[str, object]:
        place = self.chosen.place if self.chosen else None
        return {
            "query": self.name,
            "name": place.name if place else None,
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "geo_precision": self.chosen.precision if self.chosen else None,
            "feature": place.feature if place else None,
            "geonameid": place.geonameid if place else None,
            "why": self.why,
            "article_countries": self.countries,
            "candidates": [
                {"name": p.name, "country": p.country, "admin1": p.admin1, "latitude": p.latitude,
                 "longitude": p.longitude, "feature": p.feature, "population": p.population, "id": p.geonameid}
                for p in self.candidates[:max_candidates]
            ],
        }


@dataclass
class _Match:
    start: int
    end: int
    key: str
    places: list[Place]
    exact: frozenset[str] = frozenset()  # ids of the candidates with a name spelt as the text spells it
    fuzzy: bool = False  # found by a near-miss spelling: trusted only near the article's other places
    introduced: bool = False  # "à", "le village de" just before: the text itself says it is a place
    partial: bool = False  # one part of a hyphenated name the gazetteer does not hold whole ("Tchomo-Bangou")


SURVEYED_KM = 15.0  # how far apart two gazetteers may put one town


def _surveyed_point(place: Place, candidates: Sequence[Place]) -> Place:
    """A town the Who's On First extracts hold that GeoNames holds too, under the same name in the same province and
    near it, is one town: it takes GeoNames' point, the survey the codebook's coordinates follow (the extracts put
    some towns' points kilometres off, Tessalit 7 km east of the town)."""
    if not place.geonameid.startswith("wof:") or place.feature in AREAS:
        return place
    twins = [p for p in candidates if p.geonameid and ":" not in p.geonameid and p.name == place.name
             and (p.country, p.admin1) == (place.country, place.admin1) and distance_km(p, place) <= SURVEYED_KM]
    twin = min(twins, key=lambda p: distance_km(p, place), default=None)
    return place if twin is None else replace(place, latitude=twin.latitude, longitude=twin.longitude)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance."""
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


PLACE_VOTE = 2
LONE_PLACE_VOTE = 1.5


def rank_countries(
    named: Counter[str], adjectives: Counter[str], matches: Sequence[_Match], extra: Counter[str] | None = None
) -> list[str]:
    """Countries by votes: two per name, one per adjective ("frappes russes" says who, not where), and for
    each place spelt as the text spells it and found in one country only, two when the text names or
    qualifies that country or "à" introduces the place, else one and a half (a place says where more
    surely than an adjective, but a town abroad may share a surname: "Bah"); plus ``extra`` (e.g. actors
    tied to a country). Past the first, a country needs two votes: a lone adjective or a lone town makes
    no article about that country."""
    votes: dict[str, float] = defaultdict(float)
    for country, n in named.items():
        votes[country] += PLACE_VOTE * n
    for country, n in (adjectives + (extra or Counter())).items():
        votes[country] += n
    # what a country past the first must show: its votes with each lone namesake counted once, as a
    # namesake told again is the same namesake ("la plaine Savo" twice is not two places in Italy)
    support = defaultdict(float, votes)
    lone: set[tuple[str, str]] = set()
    shared: list[_Match] = []
    for match in matches:
        # a name also found abroad (Kufa / Kofa) says nothing, unless only one country's place is spelt so
        spelt = {p.country for p in match.places if p.geonameid in match.exact}
        if len(spelt) > 1 and match.introduced:
            shared.append(match)
        if len(spelt) == 1:
            country = spelt.pop()
            sure = country in named or country in adjectives or match.introduced
            votes[country] += PLACE_VOTE if sure else LONE_PLACE_VOTE
            if sure or (country, match.key) not in lone:
                support[country] += PLACE_VOTE if sure else LONE_PLACE_VOTE
                lone.add((country, match.key))
    if votes and not named:
        # "des soldats français visés à Gao": a place a cue introduces, spelt so in several countries (Gao of Mali
        # and of Burkina Faso), none of which the text qualifies or places, in a text that names no country, is
        # still where the text is, rather than the country an adjective says who is from: the largest such
        # place's country
        for match in shared:
            spelt_places = [p for p in match.places if p.geonameid in match.exact]
            if not any(votes.get(p.country) for p in spelt_places):
                country = max(spelt_places, key=lambda p: _prominence(p, match.key)).country
                votes[country] += PLACE_VOTE
                support[country] += PLACE_VOTE
    # a tie goes to the country the text names ("Au Yémen, ... un cessez-le-feu signé à Genève"): a name says
    # what the story is about, a town may be where one thing of it happened
    ranked = [(country, n) for country, n in sorted(
        votes.items(), key=lambda item: (-item[1], -named[item[0]], item[0])) if n > 0]
    # a lone adjective ("des avions russes") says who acts, not where the story is: past the first, two votes
    return [country for rank, (country, _) in enumerate(ranked) if rank == 0 or support[country] >= 2]


_DETERMINER_BEFORE = re.compile(r"(?:\b[Ll](?:a|e|es)\s+|\b[Ll]['’])$")


def _supported(text: str, match: _Match, spans: SpanIndex) -> bool:
    """The parser tags the name as a place, or a locative word or place noun comes right before it."""
    if spans.overlaps(match.start, match.end):
        return True
    left = text[max(0, match.start - 30):match.start].lower()
    return bool(_LOCATIVE_BEFORE.search(left[-12:]) or _CITY_CUE.search(left))


# a capitalised word right after the name, or "du"/"de la" and one: the name opens a longer one ("Iga Barrière",
# "le Dôme du Rocher") the gazetteer does not hold
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:du|de|de\s+la|des)[ \t]+)?[A-ZÀ-Ý]")


def _opens_longer_name(text: str, match: _Match) -> bool:
    return _NAME_GOES_ON.match(text, match.end) is not None


def _is_person(text: str, match: _Match, persons: SpanIndex) -> bool:
    """The parser took the name for a person's, and no "à" or "village de" says it is a place."""
    return persons.overlaps(match.start, match.end) and not match.introduced


def _acronym(text: str, start: int, end: int) -> bool:
    """An upper-case word of three letters or more, neither a dateline ("BAMAKO -" at a line's start) nor
    introduced as a place ("à GAO")."""
    word = text[start:end]
    if len(word) < 3 or not word.isupper():
        return False
    return text[text.rfind("\n", 0, start) + 1:start].strip() != "" and not _introduced(text, start)


_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ]")
LONGEST_NAME = 80  # characters: no gazetteer name the scan finds is longer


def _holds_whole(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` hold whole, and longer, every one of the sorted ``spans`` it overlaps?"""
    first = bisect.bisect_left(spans, (start - LONGEST_NAME, 0))
    last = bisect.bisect_left(spans, (end, 0))
    return all(start <= s and e <= end and e - s < end - start for s, e in spans[first:last] if e > start)


def _bracketed(text: str, start: int, end: int) -> bool:
    """An acronym in brackets after the name it stands for: "la Mission de l'ONU en Afghanistan (MANUA)"."""
    return (_acronym(text, start, end) and text[start - 1:start] == "("
            and text[end:end + 1] == ")")


# "l'axe Boni-Hombori", "la route Gao-Ansongo": a road is named by the two places it joins
_ROAD_BEFORE = re.compile(r"(?:axe|route|tronçon|corridor|piste)s?\s+$", re.IGNORECASE)


_ARTICLE_GOES_ON = re.compile(r"[ \t]+(?:al|el|ad|ed|as|es|ash|esh|ach|ech|an|ar|at|az|ez)[ \t-][A-ZÀ-Ý]")


def _part_of_compound(text: str, start: int, end: int) -> bool:
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


def _half_of_reduplication(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one half of a name that says a word twice ("Tongo-Tongo", "Gorom-Gorom")? Such a name is
    one place, never two towns joined as a road's ends: a town spelt as its half is not it."""
    word = text[start:end]
    before = text[max(0, start - len(word) - 1):start]
    after = text[end:end + len(word) + 1]
    return before.lower() == word.lower() + "-" or after.lower() == "-" + word.lower()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from veilleur.ingest.checks import french_stopwords  # the ingest's list of French function words

    return french_stopwords()


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«\"“]\s*)$")


def _function_word(text: str, start: int, word: str) -> bool:
    """A French function word ("Cet", "Celle", "Aux") capitalised as a sentence's first word, which is all that
    makes it look like a name ("la région de l'Est" is a province's name, and so is the word after a cue)."""
    return (word.lower() in _function_words()
            and _SENTENCE_START.search(text, max(0, start - 3), start) is not None)


def _introduced(text: str, start: int) -> bool:
    return bool(_PLACE_INTRO.search(text, max(0, start - 20), start))


def _real_town(match: _Match, home: set[str]) -> bool:
    """A town of the article's countries large enough to be meant even where the parser saw a person."""
    return any(p.population >= TOWN_POPULATION and (not home or p.country in home) for p in match.places)


_NAME_WENT_ON = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*[ \t]+$")  # a capitalised word, then a space


def _name_part(text: str, match: _Match) -> bool:
    """The name is one word of a longer one the gazetteer does not hold: half of a hyphenated name ("Jean" of
    Jean-Yves, "Marc" of Jean-Marc), or a word beside another capitalised one ("Charles Michel", "Mahsa Amini",
    "Blaise Compaoré"). In a person's name, that is a given name or a surname, however large its namesake town."""
    before, after = text[max(0, match.start - 2):match.start], text[match.end:match.end + 2]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()
            or len(before) == 2 and before[1] == "-" and before[0].isalpha()
            or _opens_longer_name(text, match)
            or _NAME_WENT_ON.search(text, max(0, match.start - 40), match.start) is not None)


# "le quartier de Muna Garage": a district's name that opens with a town's (Muna, a village of Kano State), the
# next capitalised word joined by one space (a title and its text are joined by a line break or two spaces)
_DISTRICT_BEFORE = re.compile(r"\bquartiers?\s+(?:de\s+|d['’]|du\s+)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r" ([A-ZÀ-Ý][\w'’]*)")


def _opens_district_name(text: str, match: _Match) -> bool:
    """A name after "le quartier de" that a capitalised word continues is the first word of the district's own
    name, which the gazetteer does not hold: the town that shares that word lies elsewhere. Function words and the
    words the stoplist knows ("Nord", "Centre") do not continue it."""
    after = _NEXT_WORD.match(text, match.end)
    if after is None or not _DISTRICT_BEFORE.search(text, max(0, match.start - 20), match.start):
        return False
    word = after.group(1)
    return word.lower() not in _function_words() and name_key(word) not in load_stop_rules()


# what joins the links of an administrative chain: a comma or a bracket, "en"/"dans le", unit nouns and "de"
# ("Bwito, territoire de Rutshuru, province du Nord-Kivu"; "Kangarwa, dans le canton de Bonderi"; "Tudun
# Biri, village de l'État de Kaduna": the rest of a name the gazetteer holds in part comes first)
_CHAIN_LINK = re.compile(r"(?:\s+[A-ZÀ-Ý][\w'’-]*)?\s*[,(]\s*(?:(?:en|dans|à|au|aux)\s+(?:les?\s+|la\s+|l['’])?)?"
                         r"(?:(?:[a-zà-ÿ-]+|[EÉ]tat)(?:\s+[a-zà-ÿ-]+)?\s+" + _DE + r"){0,2}")


# "Malhar, dans le Jammu": the second name is an area the first lies in, not the next member of a list
_AT_LINK = re.compile(r"[ \t]+à[ \t]+")  # "la région de Hilal Khel à Bajur": the village lies in the place after "à"
_INSIDE_LINK = re.compile(r"\s*,\s*dans\s+(?:le|la|l['’])\s*", re.IGNORECASE)


# a list's members the gazetteer does not know, passed over to reach the next one ("Bana, Kiro et Tessit": Kiro)
UNKNOWN_MEMBERS = r"(?:\s*,\s*(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)*"
# what joins two members of a list, over the unknown ones
_LIST_LINK = re.compile(UNKNOWN_MEMBERS + r"\s*(?:,|\set)\s*(?:de\s+|d['’])?")


def _chains(text: str, matches: Sequence[_Match], cues: Sequence[Cue],
            home: set[str]) -> dict[int, tuple[tuple[str, str], list[int]]]:
    """Names followed by an administrative chain that ends in a province: match index -> ((country, province),
    indexes of the chain's other links, nearest first, the province's last). The province is the first link a
    province cue introduces ("province du Nord-Kivu") or that names nothing but a province, in the article's
    countries."""
    chains: dict[int, tuple[tuple[str, str], list[int]]] = {}
    for i in range(len(matches)):
        members: list[int] = []
        j = i + 1
        while j < len(matches) and _CHAIN_LINK.fullmatch(text, matches[j - 1].end, matches[j].start):
            members.append(j)
            provinces = {(p.country, p.admin1) for p in matches[j].places
                         if p.feature == "admin1" and (not home or p.country in home)}
            towns = [p for p in matches[j].places if p.feature != "admin1" and (not home or p.country in home)]
            if len(provinces) == 1 and (cues[j].wants_admin1 or not towns):
                chains[i] = (provinces.pop(), members)
                break
            j += 1
    for i in range(len(matches) - 2, -1, -1):
        # "Bana, Kiro et Tessit, dans la région de Gao": the chain after a list's last member places them all
        if i not in chains and i + 1 in chains and _LIST_LINK.fullmatch(text, matches[i].end, matches[i + 1].start):
            province, members = chains[i + 1]
            chains[i] = (province, members[-1:])
    return chains


_SEPARATORS = re.compile(r"([\s\-‐–]+)")


def _short_form(place: Place, key: str) -> bool:
    """The key is only the first half of the place's hyphenated name ("Dibaya" of Dibaya-Lubwe, an alias GeoNames
    gives it): spelt so, the name is rather a place that bears it whole, if one does ("Marawi" of Marawi City is
    that city's name with its unit word, not half of it)."""
    own = own_name_key(place.name)
    if own == key or not own.startswith(key + " "):
        return False
    parts = _SEPARATORS.split(place.name)  # words and the separators between them
    separator = 2 * (key.count(" ") + 1) - 1
    return separator < len(parts) and "-" in parts[separator]


def _fuzzy_key(key: str, gazetteers: Sequence[Gazetteer]) -> str | None:
    """The closest key any of the gazetteers holds (the base first on ties); none for short names, where one
    letter apart is another name ("Sinaï" is not Chennai)."""
    if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
        return None
    best: tuple[float, str] | None = None
    for gazetteer in gazetteers:
        found = gazetteer.fuzzy_match(key)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None


# Bantu names are written with or without the nasal before their first consonant ("Ngandajika" / Gandajika)
_PRENASAL = re.compile(r"^(?:m(?=[bp])|n(?=[bdgjkstz]))")


def _near_key(key: str, gazetteers: Sequence[Gazetteer]) -> str | None:
    """A key the gazetteers hold for a name they do not know as spelt: the name without its initial
    prenasal, else the closest key (:func:`_fuzzy_key`)."""
    bare = _PRENASAL.sub("", key)
    if bare != key and len(bare.replace(" ", "")) >= FUZZY_MIN_LETTERS and any(bare in g.index for g in gazetteers):
        return bare
    return _fuzzy_key(key, gazetteers)


def _spelt(places: Sequence[Place], surface: str, gazetteers: Sequence[Gazetteer]) -> frozenset[str]:
    """The ids of the places one of the gazetteers spells as ``surface`` (:meth:`Gazetteer.spelled`)."""
    plain = _plain(surface)
    if not plain:
        return frozenset()
    return frozenset(p.geonameid for p in places if any(g.spells(p, plain) for g in gazetteers))


def _candidates(key: str, gazetteers: Sequence[Gazetteer]) -> list[Place]:
    seen: set[str] = set()
    out: list[Place] = []
    for gazetteer in gazetteers:
        for place in gazetteer.candidates(key):
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                out.append(place)
    return out


class _HitReading(NamedTuple):
    """What the text says of a gazetteer hit, whatever the gazetteers (:meth:`Geocoder._read_hit`)."""

    start: int  # with an Arabic article before the name ("al-Mayadine")
    end: int
    lone_after_sentence_start: bool  # one word, the first of a sentence (or after a colon, a quote)
    introduced: bool  # "à", "le village de" just before
    partial: bool  # one part of a hyphenated name


@dataclass
class _ScanMemo:
    """What the scans of one text have read, for the next scan of it with more gazetteers (one per
    :meth:`Geocoder.find` call): each gazetteer's raw hits and each hit's reading of the text (None: its
    words cannot name a place). A hit's candidates are read again: the article's countries' gazetteers
    mostly hold its key or its places too (a town of the base is in its country's file)."""

    hits: dict[int, set[tuple[int, int, str]]] = field(default_factory=dict)
    readings: dict[tuple[int, int, str], _HitReading | None] = field(default_factory=dict)


# "dans la capitale": the country's capital, unless a name (or "de X") says which, or it is another kind of
# capital ("la capitale économique")
CAPITAL_ANAPHOR = re.compile(
    r"\b(?:la|sa|leur) capitale\b(?!(?:\s+\w+)?\s+(?:de|d'|du|des)\b)(?!\s+(?:économique|politique|administrative|"
    r"régionale|provinciale|religieuse|culturelle|historique|spirituelle|européenne|africaine|mondiale)\b)"
)
CAPITAL_NAME_REACH = 40  # a place named this soon after "la capitale" is the one it names
# "dans la capitale et à Nouadhibou", "à Douala et dans la capitale": a name the list joins to the words is
# another place, not the capital's name
COORDINATED_GAP = re.compile(r"\s*,?\s*(?:et|ou|ainsi\s+que)\s+(?:(?:dans|à|au|aux|en|sur)\s+)?", re.IGNORECASE)


def _listed_with_a_capital(text: str, mention: PlaceMention, phrases: list[re.Match[str]]) -> bool:
    """Is the place a member of a list that "la capitale" is another member of ("dans la capitale et à X")?"""
    for phrase in phrases:
        after = mention.start >= phrase.end()
        gap = text[phrase.end() : mention.start] if after else text[mention.end : phrase.start()]
        if len(gap) <= CAPITAL_NAME_REACH and COORDINATED_GAP.fullmatch(gap):
            return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {c.name: c.capital for c in load_countries() if c.capital}


def is_capital(place: Place) -> bool:
    """Is the place its country's capital (the seat of a government a text may name it for)?"""
    return place.feature not in AREAS and _capitals().get(place.country) == place.name


_SPACES = re.compile(r"\s+")


_UNRESOLVED_CUE = re.compile(_CITY_WORD + r"\s+" + _DE + r"$|\bà\s+$")
_CAPITALISED_RUN = re.compile(r"(?:(?:al|el|ad|as|ar|ash|az|an|at)-)?[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*)*")
_PUNCTUATION = re.compile(r"[,.;:!?()«»\"\n]")
_WEAK_POSITION = re.compile(r"(?:^|[.!?:\n«\"]\s*|\bselon\s+|\bpar\s+|\bpour\s+)$", re.IGNORECASE)


# units below a province whose name a town may share: a district, a region, a park
SUB_PROVINCE_AREAS = frozenset({"admin2", "region", "park"})
AREAS = SUB_PROVINCE_AREAS | {"admin1"}  # a town's exact name does not make its district the place
# with no country to go by, a place that bears the name as its own outranks a far larger one that has it as one of
# its aliases ("la commune de Boni" is Boni in Mali, not Bonn, also written so in some language)
OWN_NAME_BONUS = 2.0
SEAT_BONUS, SEAT_KM = 1.0, 60.0  # the town that names a district lies in it (its point is the district's)
SPELLING_BONUS = 1.5  # "Palmyre" is Tadmur's French name, not Palmer (Alaska) folded alike
FUZZY_REACH_KM = 150.0
LINKED_VILLAGE_KM = 150.0  # a village named with its town or district ("Lala, à Djugu") lies this near it
FUZZY_MIN_LETTERS = 5
TOWN_POPULATION = 10_000  # a name the parser took for a person is still a place if it is a real town
ANCHOR_SPREAD_KM = 50.0
WORLD_CITY = 1_000_000  # a city this large may be named without its country ("à Paris", "à Washington")
MAX_DETAIL_COUNTRIES = 4  # villages are looked up in the article's few main countries only
MAX_REACH_COUNTRIES = 4  # ...and in as many countries where its named actors operate
DETAIL_BUDGET = 512 * 2**20  # bytes of country gazetteers a geocoder keeps (all of them take about 900 MiB)


def _seat_of(town: Place, area: Place) -> bool:
    """May the town be the seat the area is named after: near its point and, for a province, inside it ("Karak" is
    Karak City, in the Karak governorate, not Qir Moav across the line, which GeoNames also calls Al Karak)."""
    inside = area.feature != "admin1" or (town.country, town.admin1) == (area.country, area.admin1)
    return inside and distance_km(town, area) <= SEAT_KM


def _lies_in(place: Place, container: Place) -> bool:
    """Inside a province named after it ("Ruwenzori, au Nord-Kivu"), or near a place named after it."""
    if container.feature == "admin1":
        return place.admin1 == container.admin1
    return distance_km(place, container) <= LINKED_VILLAGE_KM


# "Gomboro, un village situé à 30 km de Djibo", "Kiro, à 12 kilomètres au nord de Tillabéri": the text says how far
# the first place lies from the second
_DISTANCE_LINK = re.compile(
    r"\s*,\s*(?:(?:un|une|le|la|l['’])\s*)?(?:[a-zà-ÿ-]+\s+)?(?:situé(?:e|s|es)?\s+)?à\s+(?:environ\s+)?(\d+)\s*"
    r"(?:km|kilomètres?)(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?\s+" + _DE)
STATED_DISTANCE_SLACK_KM = 20.0  # on top of twice the distance said: roads wind, gazetteer points are rough


def _beyond_stated_distance(text: str, mention: PlaceMention, following: PlaceMention) -> bool:
    """A place the text says lies some kilometres from the next one, found far beyond that: a namesake elsewhere
    (the tables hold a Gomboro 140 km from Djibo, not the village 30 km from it)."""
    link = _DISTANCE_LINK.fullmatch(text, mention.end, following.start)
    return link is not None and following.place.feature != "admin1" and (
        distance_km(mention.place, following.place) > 2 * int(link.group(1)) + STATED_DISTANCE_SLACK_KM)


def _without_far_villages(text: str, mentions: list[PlaceMention]
                          ) -> tuple[list[PlaceMention], list[tuple[int, int, str]]]:
    """"le site de Lala, à Djugu": a place named with the place it lies in (a comma, "à", "dans le
    territoire de") lies near it. A village there far from the next name is a namesake elsewhere (the tables
    hold the Lala of another province, not Djugu's): it is dropped to the unresolved names, and the sentence
    keeps the next name. Only villages, or towns said to lie "dans" the next name ("Malhar, dans le Jammu"): two
    towns joined by a comma alone are a list ("Gao, Tombouctou"). A village is also said to lie in the place "à"
    introduces right after it ("Hilal Khel à Bajur"), and one found in another country than that place is a
    namesake abroad (after a comma, a village of another country is kept: "Kiro, près de Djibo" may lie across
    the border). A place said to lie some kilometres from the next one and found far beyond is dropped too."""
    ordered = sorted(mentions, key=lambda m: m.start)
    far = {id(m) for m, following in zip(ordered, ordered[1:], strict=False)
           if (m.place.feature == "village" or _INSIDE_LINK.fullmatch(text, m.end, following.start)
               and m.place.feature != "admin1")
           and (following.place.country == m.place.country and _CHAIN_LINK.fullmatch(text, m.end, following.start)
                or m.place.feature == "village" and _AT_LINK.fullmatch(text, m.end, following.start))
           and not _lies_in(m.place, following.place)
           or _beyond_stated_distance(text, m, following)}
    return [m for m in mentions if id(m) not in far], [(m.start, m.end, m.text) for m in mentions if id(m) in far]


RESPELT_VILLAGE_KM = 100.0  # a village the text spells otherwise lies this near the text's other places
RESPELLING_RATIO = 90.0  # one letter apart in ten: the same name transliterated another way ("Tin Zaouatine")


def _respelt(place: Place, match: _Match, surface: str) -> bool:
    """A village found by its key only: none of its names is spelt as the text spells it, nor within a letter of
    it ("Tayer" meets Tar through a key that folds vowels away; "Tin Zaouatine" is Ti-n-Zaouâtene)."""
    return (place.feature == "village" and place.geonameid not in match.exact
            and fuzz.ratio(_plain(surface), _plain(place.name)) < RESPELLING_RATIO)


def _half_of_unknown_name(match: _Match, place: Place) -> bool:
    """A town found as one part of a hyphenated name the tables do not hold ("la base de Ceel-salini", "la région
    Rabat-Kénitra"): the whole name may be a place of its own anywhere, not that town."""
    return place.feature != "admin1" and match.partial


def _without_stray_respellings(mentions: list[PlaceMention], respelt: set[int]
                               ) -> tuple[list[PlaceMention], list[tuple[int, int, str]]]:
    """A village found by its key only, not by its spelling ("Tayer" folds as a Tar does), far from every other
    town or village the text names: keys fold vowels and doubled letters away, so an unknown village's name
    often meets a namesake in another province; the text's own places say where it is. It is dropped to the
    unresolved names (the event then takes the place the text ties it to). So is a town found as half of an
    unknown hyphenated name (:func:`_half_of_unknown_name`)."""
    settled = [m.place for m in mentions if id(m) not in respelt]
    towns = [p for p in settled if p.feature != "admin1"]
    stray = {id(m) for m in mentions if id(m) in respelt and towns
             and all(distance_km(m.place, p) > RESPELT_VILLAGE_KM for p in towns)
             and all((m.place.country, m.place.admin1) != (p.country, p.admin1) for p in settled)}
    return [m for m in mentions if id(m) not in stray], [(m.start, m.end, m.text) for m in mentions if id(m) in stray]


@lru_cache(maxsize=1)
def _usual_countries() -> tuple[str, ...]:
    """Where a place is looked for when nothing in the text says which country (``usual_countries`` of
    data/place_cues.json)."""
    return tuple(load_json("place_cues.json")["usual_countries"])


def _own_name_spelt(place: Place, match: _Match) -> bool:
    """Whether the text spells a place's own name, not one of its aliases."""
    return place.geonameid in match.exact and own_name_key(place.name) == match.key


def _shared_name_countries(matches: Sequence[_Match]) -> list[str]:
    """The few countries where the names are spelt so, when each lies in several ("Tongo-Tongo" is a village of
    Niger and of the DR Congo; "Tripoli" a city of Libya and of Lebanon): the one with the largest such place
    first, then the one with most of them; none when the names lie in more countries than a text's villages are
    looked up in."""
    spelt = [p for m in matches for p in m.places if p.geonameid in m.exact]
    countries = Counter(p.country for p in spelt)
    if not countries or len(countries) > MAX_DETAIL_COUNTRIES:
        return []
    largest = {c: max(p.population for p in spelt if p.country == c) for c in countries}
    return sorted(countries, key=lambda c: (-largest[c], -countries[c], c))


def _fits_cue(place: Place, cue: Cue) -> bool:
    """Whether a place is of the kind its cue asks for: an administrative unit after "la province de", "le
    cercle de"; a town or village after "la commune de", "le village de"; anything with no such cue."""
    if cue.wants_admin1 or cue.wants_area:
        return place.feature in AREAS or place.feature == "district"
    if cue.wants_town:
        return place.feature in {"city", "village"}
    return True


def _gazetteer_size(gazetteer: Gazetteer | None) -> int:
    return gazetteer.size if gazetteer is not None else 0


AREA_SEAT_KM = 150.0  # a unit's seat may lie far from the unit's centre (a Saharan cercle is 100 km across)


def _area_tier(places: Sequence[Place], key: str, home: set[str]) -> list[Place]:
    """The candidates an administrative unit's name may mean, best kind first: a town of that name (the
    unit's seat), a village of that name beside the unit (a seat the tables hold as a village), the unit
    itself, a province; a same-named hamlet elsewhere only when nothing else bears the name."""
    local = [p for p in places if not home or p.country in home] or list(places)
    units = [p for p in local if p.feature in SUB_PROVINCE_AREAS or p.feature == "district"]
    # a seat lies in its unit: same province, and the nearest of the villages that bear the unit's name
    seats = sorted((min(distance_km(p, u) for u in units if u.admin1 == p.admin1), n, p)
                   for n, p in enumerate(local)
                   if p.feature == "village" and own_name_key(p.name) == key
                   and any(u.admin1 == p.admin1 for u in units))
    tiers = (
        [p for p in local if p.feature == "city"],
        [p for km, _, p in seats[:1] if km <= AREA_SEAT_KM],  # the nearest, as a unit's point is its centre
        units,
        [p for p in local if p.feature == "admin1"],
    )
    return next((tier for tier in tiers if tier), list(places))


DOMINANT_RATIO = 10.0  # a namesake this many times as large...
DOMINANT_POPULATION = 100_000  # ...and a city: the name is the city's unless the context tells them apart
NAMESAKE_REACH_KM = 300.0  # "near" the text's other places, for two namesakes the anchors cannot tell apart


def _dominant_namesake(best: Place, places: Sequence[Place], key: str, home: set[str],
                       anchors: Sequence[Place]) -> Place | None:
    """A city far larger than the town chosen, of the same name, where nothing in the text tells them apart:
    both bear the name as their own (not as a former or foreign alias), both lie in the article's countries and
    both near the other places the text names.
    The article's first country and the nearest anchor then decide nothing: "Donetsk" next to "Louhansk" in a
    story about Ukraine and Russia is the city of a million, not the Russian town of 50,000 across the border."""
    if best.feature != "city" or best.country not in home or not anchors or own_name_key(best.name) != key:
        return None

    def near(place: Place) -> bool:
        return any(distance_km(place, a) <= NAMESAKE_REACH_KM for a in anchors)

    rivals = [p for p in places if p is not best and p.feature == "city" and p.country in home
              and own_name_key(p.name) == key
              and p.population >= max(DOMINANT_POPULATION, DOMINANT_RATIO * best.population)]
    if not rivals or not near(best):
        return None
    rival = max(rivals, key=lambda p: p.population)
    return rival if near(rival) else None


class Geocoder:
    """Finds and resolves place names in a text. Results depend on the text alone (the only state is the
    country gazetteers it keeps loaded); share one per process.

    Every text is read against the base gazetteer (world towns, admin1 units, curated rows); the villages
    and small towns of the article's main countries (:meth:`article_countries`) are then loaded and read
    too, so a village called "Attack" or "Amani" abroad can never match.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        detail: Callable[[str], Gazetteer | None] | None = country_gazetteer,
        detail_budget: int = DETAIL_BUDGET,
    ) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        # ISO code -> that country's detailed gazetteer, kept while they fit in ``detail_budget`` bytes;
        # None reads the base only
        self.detail = SizedCache(detail, _gazetteer_size, detail_budget) if detail is not None else None

    # -- the article's countries ----------------------------------------------------------------------

    def article_countries(
        self, text: str, matches: list[_Match] | None = None, votes: Counter[str] | None = None
    ) -> list[str]:
        """The article's countries, best supported first.

        A country name counts two votes, an adjective one, a place found in one country only ("Maiduguri",
        "province du Nord-Kivu", a capital) two or one and a half. Callers may add votes of their own
        (actors tied to a country) through :func:`rank_countries`.
        """
        if matches is None:
            matches = [m for m in self._scan(text, [self.gazetteer]) if not _opens_longer_name(text, m)]
        return rank_countries(
            country_mentions(text, adjectives=False), country_mentions(text, names=False), matches, votes
        )

    def country_prior(self, text: str) -> str | None:
        """The article's main country, or None when nothing in it points to one."""
        ranked = self.article_countries(text)
        return ranked[0] if ranked else None

    def _gazetteers(self, countries: Sequence[str]) -> list[Gazetteer]:
        """The base, then the detailed gazetteers of the countries given, in that order."""
        found = [self.gazetteer]
        codes = country_codes()
        for country in countries:
            detail = self.detail(codes[country]) if self.detail is not None and country in codes else None
            if detail is not None:
                found.append(detail)
        return found

    # -- matching ------------------------------------------------------------------------------------

    def _scan(self, text: str, gazetteers: Sequence[Gazetteer], memo: _ScanMemo | None = None) -> list[_Match]:
        """All gazetteer keys found in the text, longest first where they overlap, at capitalised words.
        ``memo`` keeps what one scan read of the text for a later scan of it (:class:`_ScanMemo`)."""
        memo = memo if memo is not None else _ScanMemo()
        tokens = tokenize(text)
        raw: set[tuple[int, int, str]] = set()
        for gazetteer in gazetteers:
            found = memo.hits.get(id(gazetteer))
            if found is None:
                found = memo.hits[id(gazetteer)] = _raw_hits(text, gazetteer)
            raw |= found
        return self._select(text, tokens, list(raw), gazetteers, memo)

    def _select(self, text: str, tokens: Sequence[Token], raw: list[tuple[int, int, str]],
                gazetteers: Sequence[Gazetteer], memo: _ScanMemo) -> list[_Match]:
        """The hits that name a place, longest first where they overlap. A text is scanned against the base
        gazetteer, then again with its countries' ones, and most hits are the base's: a hit's reading of the
        text, which ``memo`` keeps from the first scan, is not made again."""
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0], r[2]))
        taken: set[int] = set()
        matches: list[_Match] = []
        for hit in raw:
            first, last, key = hit
            if not taken.isdisjoint(range(first, last + 1)):
                continue
            if hit in memo.readings:
                reading = memo.readings[hit]
            else:
                reading = memo.readings[hit] = self._read_hit(text, tokens, first, last, key)
            if reading is None:
                continue
            places = _candidates(key, gazetteers)
            exact = _spelt(places, text[reading.start:reading.end], gazetteers)
            if reading.lone_after_sentence_start and not exact:
                continue  # "Bien que", "Lire aussi": capitalised as any first word is, and spelt as no place is
            taken.update(range(first, last + 1))
            matches.append(_Match(reading.start, reading.end, key, places, exact,
                                  introduced=reading.introduced, partial=reading.partial))
        return sorted(matches, key=lambda m: m.start)

    def _read_hit(self, text: str, tokens: Sequence[Token], first: int, last: int, key: str) -> _HitReading | None:
        """What the text says of a hit whatever the gazetteers: None when its words cannot name a place
        (:meth:`_may_name_place`), else where it stands and what comes around it."""
        if not self._may_name_place(text, tokens, first, last, key):
            return None
        start = tokens[first].start
        if first > 0 and _is_text_article(tokens, first - 1):
            start = tokens[first - 1].start  # report "al-Mayadine", not "Mayadine"
        end = tokens[last].end
        if _half_of_reduplication(text, start, end):
            return None  # "Tongo" of "Tongo-Tongo" is no town Tonho
        lone = first == last and _SENTENCE_START.search(text, max(0, start - 3), start) is not None
        return _HitReading(start, end, lone, _introduced(text, start), _part_of_compound(text, start, end))

    def _may_name_place(self, text: str, tokens: Sequence[Token], first: int, last: int, key: str) -> bool:
        """Whether the words of a hit may name a place, by what the text says around them (not by the
        gazetteers' candidates)."""
        opener = first != last and tokens[first].key in _place_cue_keys("name_opening_nouns")  # "le parc du W"
        if not (tokens[first].capitalised or opener):
            return False
        if first == last and (len(tokens[first].text) <= 2 or _PERSON_NAME_AFTER.match(text, tokens[last].end)):
            return False
        if _TITLE_BEFORE.search(text, max(0, tokens[first].start - 40), tokens[first].start) or (
                _ORGANISATION_BEFORE.search(text, max(0, tokens[first].start - 60), tokens[first].start)):
            return False  # "le général Souheil al-Houssan", "le président Amani": a person
        # "le Logone oriental": a province's name may close on a lower-case adjective of position
        ends_low = not tokens[last].capitalised and tokens[last].key not in _place_cue_keys("name_closing_adjectives")
        if first != last and (ends_low or _PUNCTUATION.search(text, tokens[first].end, tokens[last].start)):
            return False  # "Sanaa, la capitale" is not "Sơn La": a name neither crosses punctuation nor ends low
        if _acronym(text, tokens[first].start, tokens[last].end):
            return False  # "la MANUA", "l'ONG": an organisation's acronym, not Manoa or Wong
        if first == last and _function_word(text, tokens[first].start, tokens[first].text):
            return False  # "Cet entretien", "Celle-ci", "Serait-ce": a sentence's first word, not Sète, Celle, Sirte
        end = tokens[last].end
        if self._is_stopped(text, key, tokens[first].start, end):  # the word as written, without "al-"
            return False
        return not names_country(text[tokens[first].start:end])  # "Djibouti", "Koweït": the country

    @staticmethod
    def _is_stopped(text: str, key: str, start: int, end: int) -> bool:
        return any(rule.applies(text, start, end) for rule in load_stop_rules().get(key, ()))

    # -- disambiguation ------------------------------------------------------------------------------

    def _choose(self, match: _Match, cue: Cue, country: str | None, admins: set[str],
                anchors: list[Place], text: str, home: set[str], supported: bool) -> Place | None:
        """The best candidate for a match, or None when no candidate fits the cue and the country."""
        provinces = {(p.country, p.admin1) for p in match.places if p.feature == "admin1"}
        # a district that bears its own province's name (a county "Nord-Kivu" in Nord-Kivu) is the province
        places = [p for p in match.places
                  if p.feature not in SUB_PROVINCE_AREAS or (p.country, p.name) not in provinces]
        # towns that compete with a province of the same name: the article's own countries' (Brno and Borna
        # abroad fold like "Borno" but do not make "dans le Borno" a town)
        towns = [p for p in places if p.feature not in ("admin1", "village") and (not home or p.country in home)]
        if cue.wants_admin1 and any(p.feature == "admin1" for p in places):
            places = [p for p in places if p.feature == "admin1"]
        elif (towns or cue.wants_town) and cue.precision != 3:
            places = [p for p in places if p.feature != "admin1"]
        elif any(p.feature == "admin1" for p in places):
            # "dans le Borno": a province's name is the province, not a hamlet that shares it
            places = [p for p in places if p.feature != "village"]
        if cue.definite and any(p.feature in AREAS for p in places):
            places = [p for p in places if p.feature != "village"]  # "dans le Golan": the area, not a hamlet
        # a village is never half of an unknown hyphenated name; two towns may be ("route Gao-Ansongo")
        places = [p for p in places if p.feature != "village"
                  or not match.partial and self._village_fits(p, match, cue, home, text, supported)]
        if match.partial:
            # half of an unknown hyphenated name is not the first half of another one ("Champs" of the
            # Champs-Élysées is not Champs-sur-Marne)
            places = [p for p in places if not _short_form(p, match.key)]
        if _DETERMINER_BEFORE.search(text, max(0, match.start - 4), match.start):
            # "sur les Champs", "dans la Chapelle": an article makes the word a common noun or the name of a
            # place the text has named whole before, never the short form of a town's longer name
            # (Champs-sur-Marne); a town's name that holds its article is matched with it ("Le Caire")
            places = [p for p in places if not _short_form(p, match.key)]
        if cue.wants_area:
            places = _area_tier(places, match.key, home)
        if not places:
            return None
        # a district named after its seat: of several towns of that name, the one in the district is meant
        areas = [p for p in match.places if p.feature in AREAS]
        best = max(places, key=lambda p: self._score(p, match.key, country, admins, anchors)
                   + (SPELLING_BONUS if p.geonameid in match.exact and p.feature not in AREAS
                      and not _short_form(p, match.key) else 0.0)
                   + (SEAT_BONUS if p.feature not in AREAS and any(_seat_of(p, a) for a in areas) else 0.0)
                   + (OWN_NAME_BONUS if not home and _own_name_spelt(p, match) else 0.0))
        return _surveyed_point(_dominant_namesake(best, places, match.key, home, anchors) or best, match.places)

    @staticmethod
    def _village_fits(place: Place, match: _Match, cue: Cue, home: set[str], text: str, supported: bool) -> bool:
        """Small villages share names with words and people everywhere: trust one only where a place is due
        (a locative word or place noun before it), or where the parser calls the name a place and the
        village is spelt just so; never at a sentence start or after "selon"."""
        if cue.wants_town:
            return not home or place.country in home
        left = text[max(0, match.start - 12):match.start]
        if _WEAK_POSITION.search(left):  # sentence start, "selon X": a source or a person, not a village
            return False
        if _LOCATIVE_BEFORE.search(left):
            return True
        if place.country in home:
            return supported and place.geonameid in match.exact
        return _country_named_near(text, match.start, place.country)

    @staticmethod
    def _score(place: Place, key: str, country: str | None, admins: set[str], anchors: list[Place]) -> float:
        score = _prominence(place, key)
        if country and place.country == country:
            score += 4.0
        if place.admin1 in admins:
            score += 2.0
        near = [distance_km(place, a) for a in anchors if a is not place]
        if near and min(near) < 100:
            score += 2.0
        elif near and min(near) < 300:
            score += 1.0
        return score

    @staticmethod
    def _precision(place: Place, cue: Cue) -> tuple[int, str]:
        if cue.wants_area:  # the unit's seat or the unit itself; a unit known only as a province is that
            return (3 if place.feature == "admin1" else 2), cue.qualifier
        if cue.wants_admin1 and place.feature != "admin1":
            return 2, cue.qualifier  # "la région de Baalbek": around a town, not a province
        if place.feature == "admin1":
            return (2, cue.qualifier) if cue.precision == 2 else (3, cue.qualifier or "province")
        if cue.precision == 2:
            return 2, cue.qualifier
        if place.feature in {"region", "admin2"}:
            return 2, cue.qualifier or place.feature
        return 1, cue.qualifier

    # -- public entry point --------------------------------------------------------------------------

    def find(self, text: str, country: str | None = None, candidates: Sequence[tuple[int, int]] = (),
             votes: Counter[str] | None = None, persons: Sequence[tuple[int, int]] = (),
             reach: Sequence[str] = ()) -> GeocodeResult:
        """Place mentions in ``text``; ``candidates`` (e.g. spaCy LOC/GPE spans) are resolved too, fuzzily.

        ``country`` is the article's main country when the caller knows it; the article's other countries
        come from :meth:`article_countries`, with the caller's extra ``votes`` (e.g. named actors' countries).
        ``reach`` are countries where the text's places may also lie without being the article's (where its
        named actors operate: Cameroon, Chad and Niger for Boko Haram): their places are searched as the
        article's countries' are, but they win no vote, so they never become its main country.
        ``persons`` are the parser's person names: a name inside one is a place only after "à", "village de"...
        """
        # spans asked about once per match are indexed: a long text has thousands of matches
        inside_country = SpanIndex((start, end) for start, end, _, _ in _country_words_in(text))
        entities, person_spans = SpanIndex(candidates), SpanIndex(persons)

        def usable(match: _Match) -> bool:
            # "Faso" of Burkina Faso, "Ivoire" of Côte d'Ivoire name a country, not a village
            return not inside_country.encloses(match.start, match.end)

        memo = _ScanMemo()
        base = [m for m in self._scan(text, [self.gazetteer], memo) if usable(m)]
        # with the parser's place entities at hand, only a name it calls a place (or a locative cue
        # introduces) votes for its country: "Douze civils" is no vote for Douz, Tunisia; a person's
        # name ("Mamadou Barry") never votes
        voters = [m for m in base if (not candidates or _supported(text, m, entities))
                  and not _is_person(text, m, person_spans) and not _opens_longer_name(text, m)]
        ranked = self.article_countries(text, voters, votes)
        if not country and not votes and not country_mentions(text):
            # nothing names or qualifies a country, nor an actor tied to one: the places the text names where a
            # place is due, looked for in the countries such news most reports from, say which it is
            ranked = self._usual_countries_named(text, memo, usable, base, settled=bool(ranked)) or ranked
        if country and country not in ranked[:MAX_DETAIL_COUNTRIES]:
            ranked.insert(0, country)
        country = country or (ranked[0] if ranked else None)
        detailed = ranked[:MAX_DETAIL_COUNTRIES]
        beyond = [c for c in dict.fromkeys(reach) if c not in detailed][:MAX_REACH_COUNTRIES]
        gazetteers = self._gazetteers([*detailed, *beyond])
        matches = ([m for m in self._scan(text, gazetteers, memo) if usable(m)] if len(gazetteers) > 1
                   else base)
        extra = self._candidate_matches(text, matches, candidates, gazetteers)
        # a name the parser saw whole and the gazetteer knows whole ("Ngan-Ha", held as Nganha) replaces the
        # shorter names the scan found inside it ("Ngan")
        whole = SpanIndex((m.start, m.end) for m in extra if m.places and not m.fuzzy)
        matches = [m for m in matches if not whole.encloses(m.start, m.end)] + extra
        home = {*detailed, *beyond}
        named = set(country_mentions(text, adjectives=False))
        matches = [m for m in matches if self._plausible(text, m, home, named, entities)
                   and not (_is_person(text, m, person_spans)
                            and not (_real_town(m, home) and not _name_part(text, m)))
                   and not _opens_district_name(text, m)]
        cues = [read_cue(text, m.start) for m in matches]
        admins = {p.admin1 for m, c in zip(matches, cues, strict=True) if c.wants_admin1 for p in m.places}
        anchors: list[tuple[str, Place]] = []  # (key, place) the text names without ambiguity
        anchored: set[tuple[str, int]] = set()  # each once: a name told again is no new anchor to measure
        for m in matches:
            if m.fuzzy:
                continue  # a near-miss spelling vouches for nothing
            local = [p for p in m.places if p.country in home] or m.places
            # hamlets that share a city's or a province's name do not make the name ambiguous
            local = [p for p in local if p.feature != "village"] or local
            if (local and (m.key, id(local[0])) not in anchored
                    and all(distance_km(local[0], p) <= ANCHOR_SPREAD_KM for p in local)):
                anchors.append((m.key, local[0]))  # one place, or a town with its district and province
                anchored.add((m.key, id(local[0])))
        # what a near-miss spelling is checked against: the places the text names exactly, each once
        exact = list({id(p): p for m in matches if not m.fuzzy for p in m.places
                      if not home or p.country in home}.values())
        result = GeocodeResult()
        # the mentions of villages found by their key, not by their spelling, and of towns found as half a name:
        # trusted only near the text's other places
        respelt: set[int] = set()
        chains = _chains(text, matches, cues, home)
        # the place a chain settles a name to ("Sido, dans l'Ouham-Fafa"), and each mention's key, chaining, cue
        chained: dict[str, Place] = {}
        keyed: list[tuple[str, bool, Cue]] = []
        for index, (match, cue) in enumerate(zip(matches, cues, strict=True)):
            if index in chains:  # "Bwito, territoire de Rutshuru, province du Nord-Kivu": Bwito is in Nord-Kivu
                match.places = [p for p in match.places if (p.country, p.admin1) == chains[index][0]]
            # a name does not vouch for itself: its town would lift its own district (Ash Shihr's)
            others = [place for key, place in anchors if key != match.key]
            place = self._choose(match, cue, country, admins, others, text, home,
                                 _supported(text, match, entities))
            if place is not None and match.fuzzy and not self._near_others(place, exact, home):
                place = None  # "Kouloubadiéni" is no village 850 km from the Gao the sentence names
            if place is None:
                if match.key.startswith("?") or match.fuzzy:
                    result.unresolved.append((match.start, match.end, text[match.start:match.end]))
                continue
            precision, qualifier = self._precision(place, cue)
            if place.feature == "park":
                # a national park or a forest is no place anyone lives: only its province is known, placed at
                # its capital (codebook section 4)
                place, precision, qualifier = self._province_of(place) or place, 3, qualifier or "province"
            if index in chains:
                chained.setdefault(match.key, place)
            result.mentions.append(
                PlaceMention(match.start, match.end, text[match.start:match.end], place, precision, qualifier)
            )
            keyed.append((match.key, index in chains, cue))
            if _respelt(place, match, text[match.start:match.end]) or _half_of_unknown_name(match, place):
                respelt.add(id(result.mentions[-1]))
        result.mentions = self._as_chained(result.mentions, keyed, chained)
        result.mentions, far = _without_far_villages(text, result.mentions)
        result.mentions, stray = _without_stray_respellings(result.mentions, respelt)
        far += stray
        result.unresolved += far
        result.mentions += self._chain_fallbacks(text, matches, cues, chains, result.mentions)
        result.mentions += self._capital_anaphors(text, country, result.mentions)
        result.mentions.sort(key=lambda m: m.start)
        # nothing named a country (no name, adjective or unambiguous place): the places found say where
        found = Counter(m.place.country for m in result.mentions)
        result.countries = ranked or [country for country, _ in found.most_common()]
        result.reach = beyond
        result.unresolved += self._cued_unknowns(text, SpanIndex((m.start, m.end) for m in matches))
        result.unresolved = sorted(set(result.unresolved))
        result.unknown_places = [
            u for u in result.unresolved if _UNRESOLVED_CUE.search(text[max(0, u[0] - 30) : u[0]].lower())
        ]
        return result

    def _usual_countries_named(self, text: str, memo: _ScanMemo, usable: Callable[[_Match], bool],
                               base: Sequence[_Match], settled: bool) -> list[str]:
        """The countries of :func:`_usual_countries` (and the base's) where the names the text places after a cue
        ("à Sofara", "la province du Soum") lie, ranked as :func:`rank_countries` ranks them: each name counts
        by its candidates spelt as the text spells it and of the kind its cue asks for (a province's cue
        names no town: "la province du Séno" is no Ban Xénô in Laos). Where no country wins and the base's places
        ``settled`` none either, the few countries that share the names are all searched
        (:func:`_shared_name_countries`). A name of a large city of the base (by its own name or its French
        one: "à Bassora" is Basra, "à Bakou" Baku) is that city's, and casts no vote for a village namesake."""
        scanned = [m for m in self._scan(text, self._gazetteers(_usual_countries()), memo) if usable(m)]
        cities = {(m.start, m.end): m.places for m in base}
        cued = []
        for match in scanned:
            cue = read_cue(text, match.start)
            if not (match.introduced or cue.precision or cue.wants_area):
                continue  # a name no cue introduces may be a person's or a word's: it says nothing here
            if any(p.feature == "city" and p.population >= DOMINANT_POPULATION and _fits_cue(p, cue)
                   for p in cities.get((match.start, match.end), ())):
                continue
            places = [p for p in match.places if _fits_cue(p, cue)]
            # a place that bears the name as its own outranks one that has it as an alias (Sofara, Mali, is not
            # Sapaga, Burkina Faso, once also called so)
            places = [p for p in places if _own_name_spelt(p, match)] or places
            cued.append(replace(match, places=places, introduced=True))
        return rank_countries(Counter(), Counter(), cued) or ([] if settled else _shared_name_countries(cued))

    def _as_chained(self, mentions: list[PlaceMention], keyed: list[tuple[str, bool, Cue]],
                    chained: dict[str, Place]) -> list[PlaceMention]:
        """A name is one place throughout a text: where a chain settles it ("à Sido, dans l'Ouham-Fafa"), its
        other mentions ("à Sido au nord de la Centrafrique") are that place, not a namesake elsewhere."""
        if not chained:
            return mentions
        out = []
        for mention, (key, in_chain, cue) in zip(mentions, keyed, strict=True):
            place = chained.get(key)
            if place is not None and not in_chain and place is not mention.place and place.feature != "admin1":
                precision, qualifier = self._precision(place, cue)
                mention = PlaceMention(mention.start, mention.end, mention.text, place, precision, qualifier)
            out.append(mention)
        return out

    def _province_of(self, place: Place) -> Place | None:
        """The admin1 entry of the province ``place`` lies in."""
        return next((p for p in self.gazetteer.candidates(name_key(place.admin1))
                     if p.feature == "admin1" and p.country == place.country and p.admin1 == place.admin1), None)

    def _capital_anaphors(self, text: str, country: str | None, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """"dans la capitale", with no name after it, is the capital of the article's country (Nouakchott in
        a story from Mauritania)."""
        phrases = list(CAPITAL_ANAPHOR.finditer(text))
        if not phrases:
            return []  # most articles: nothing more to index
        # "la capitale malienne, Bamako", "Raqqa, la capitale...": the name beside the words says which
        named_beside = SpanIndex((max(0, m.start - CAPITAL_NAME_REACH), m.end + 3) for m in mentions
                                 if not _listed_with_a_capital(text, m, phrases))
        # "la capitale iranienne" is Iran's, whatever the story's country: the text's country adjectives, by start
        adjectives = {start: owner for start, _, owner, is_name in _country_words_in(text) if not is_name}
        found = []
        for phrase in phrases:
            if named_beside.overlaps(phrase.start(), phrase.end()):
                continue
            space = _SPACES.match(text, phrase.end())
            place = self._capital(adjectives.get(space.end(), country) if space else country)
            if place is not None:
                found.append(PlaceMention(phrase.start(), phrase.end(), phrase.group(0), place, 1, ""))
        return found

    def _capital(self, country: str | None) -> Place | None:
        capital = _capitals().get(country or "")
        places = [p for p in self.gazetteer.lookup(capital, country) if p.country == country] if capital else []
        return places[0] if places else None

    @staticmethod
    def _chain_fallbacks(text: str, matches: list[_Match], cues: list[Cue],
                         chains: dict[int, tuple[tuple[str, str], list[int]]],
                         mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A known name of a chain with no place inside the chain's province is placed at the finest level the
        chain gives inside it: the territory's seat (precision 2), else the province (precision 3), never at
        its namesakes elsewhere (codebook section 4)."""
        by_start = {m.start: m for m in mentions}
        extra = []
        for index, (province, members) in chains.items():
            match = matches[index]
            if match.start in by_start or match.key.startswith("?") or match.partial:
                continue  # half of a hyphenated name ("Tchomo-Bangou") names no place of its own
            links = [by_start[matches[j].start].place for j in members if matches[j].start in by_start]
            inside = [p for p in links if (p.country, p.admin1) == province]
            if inside:
                place = inside[0]
                extra.append(PlaceMention(match.start, match.end, text[match.start:match.end], place,
                                          3 if place.feature == "admin1" else 2, cues[index].qualifier or "près de"))
        return extra

    @staticmethod
    def _near_others(place: Place, others: list[Place], home: set[str]) -> bool:
        """Is a place found by a near-miss spelling within reach of a place the text names exactly?
        With no other place to check it against, only a town is trusted: one letter apart, a village is
        another village (Krasino is not Krasavino), and a name abroad must be a city that needs no country."""
        if not others:
            return place.population >= (TOWN_POPULATION if place.country in home else WORLD_CITY)
        return any(distance_km(place, p) <= FUZZY_REACH_KM for p in others)

    @staticmethod
    def _plausible(text: str, match: _Match, home: set[str], named: set[str], spans: SpanIndex) -> bool:
        """Keep, of a match's candidates, those in the article's countries, in a country the text names, or
        a world city the parser (or a locative cue) calls a place; drop the match if none is left."""
        if not home and not named:
            return True  # nothing says where the text is: every candidate stays (short texts, the CLI)
        supported = _supported(text, match, spans) and not match.fuzzy  # a near-miss is never a far city
        # "la Médina", "le Souk": a determiner before the name makes it a common noun, not a far city (a city
        # whose French name holds its article, "Le Caire", is matched with it)
        determined = _DETERMINER_BEFORE.search(text, max(0, match.start - 4), match.start) is not None
        far_city = supported and not determined
        if far_city and any(p.country not in home and p.country not in named for p in match.places):
            # "dans la province de Samar, aux Philippines": what a province's cue names is no city abroad (Samara)
            far_city = not read_cue(text, match.start).wants_admin1
        match.places = [
            p for p in match.places
            if p.country in home or p.country in named
            or (far_city and p.population >= WORLD_CITY and p.geonameid in match.exact)
        ]
        return bool(match.places) or match.key.startswith("?")

    def geocode(self, name: str, country: str | None = None, context: str = "") -> Geocoded:
        """One name resolved as the text around it would be: what ``veilleur geocode`` shows.

        ``context`` is a sentence that contains the name (or is read before it); ``country`` an ACLED
        country name or ISO code, read as the article's main country.
        """
        codes = {c.code: c.name for c in load_countries()}
        country = codes.get((country or "").upper(), country) or None
        if context and name in context:
            text, start = context, context.index(name)
        else:
            prefix = f"{context} à " if context else "à "  # a locative cue, as a name alone would have in news
            text, start = prefix + name, len(prefix)
        end = start + len(name)
        # the countries the context's named groups operate in are searched ("Boko Haram": Cameroon, Chad...);
        # their votes are left out, as a name alone says more surely where it is ("l'armée turque ... Afrine")
        reach = actor_ties(text).reach if context else ()
        result = self.find(text, country=country, candidates=[(start, end)], reach=reach)
        chosen = next((m for m in result.mentions if m.start < end and start < m.end), None)
        key = name_key(name)
        countries = list(dict.fromkeys([*([country] if country else []), *result.countries]))
        gazetteers = self._gazetteers([*countries[:MAX_DETAIL_COUNTRIES], *result.reach])
        candidates = sorted(_candidates(key, gazetteers), key=lambda p: -_prominence(p, key))
        if chosen is not None:
            why = (f"best of {len(candidates)} candidate(s) for key {key!r}; article countries: "
                   f"{', '.join(result.countries) or 'none'}; cue: {chosen.qualifier or 'none'}")
        elif candidates:
            why = "no candidate fits the context (another country, or a village without a place cue)"
        elif result.countries or country:
            searched = ", ".join(dict.fromkeys([*([country] if country else []), *result.countries]))
            why = f"no place with key {key!r} in the world's towns and provinces or in {searched}"
        else:
            why = (f"no town or province with key {key!r}, nor a village of the usual countries; other villages "
                   "are searched in the article's countries only, and nothing names one (give a country, or a "
                   "context that names it)")
        return Geocoded(name, chosen, candidates, result.countries, why)

    def _candidate_matches(self, text: str, found: list[_Match], spans: Sequence[tuple[int, int]],
                           gazetteers: Sequence[Gazetteer]) -> list[_Match]:
        """Extra spans not covered by the scan: exact key, then fuzzy key; "?" marks a miss to report."""
        extra: list[_Match] = []
        taken = SpanIndex((m.start, m.end) for m in found)
        found_spans = sorted((m.start, m.end) for m in found)
        for start, end in spans:
            # the parser's span may open on the place noun ("arrondissement de Ngan-Ha"): the name is its capitals
            if (name := _CAPITALISED_WORD.search(text, start, end)) is not None and not text[start].isupper():
                start = name.start()
            overlapping = taken.overlaps(start, end)
            # the span holds whole the shorter names the scan found in it ("Ngan" in "Ngan-Ha")
            within = overlapping and _holds_whole(found_spans, start, end)
            if (overlapping and not within) or not text[start:end][:1].isupper():
                continue
            if _bracketed(text, start, end) or _TITLE_BEFORE.search(text, max(0, start - 40), start):
                continue  # a parser's span is no place where the scan's is none: "(MANUA)", "le général X"
            key = name_key(text[start:end])
            if not key or self._is_stopped(text, key, start, end) or names_country(text[start:end]):
                continue
            cued = _UNRESOLVED_CUE.search(text[max(0, start - 30) : start].lower())
            # a near-miss spelling is trusted only where the text announces a place ("à", "le village de")
            known = any(key in g.index for g in gazetteers)
            if not known and (joined := next(filter(None, (g.same_letters(key) for g in gazetteers)), None)):
                key, known = joined, True  # "Mongko" is Mong Ko: the same letters, not a near miss
            if within and not known:
                continue  # only a name known whole outranks the names found inside it
            resolved = key if known else (_near_key(key, gazetteers) if cued else None)
            if resolved is None:
                extra.append(_Match(start, end, "?" + key, []))
            else:
                extra.append(_Match(start, end, resolved, _candidates(resolved, gazetteers), fuzzy=not known,
                                    introduced=_introduced(text, start), partial=_part_of_compound(text, start, end)))
        return extra

    def _cued_unknowns(self, text: str, found: SpanIndex) -> Iterator[tuple[int, int, str]]:
        """Capitalised names after "le village de", "à"... that the gazetteer does not hold."""
        for run in _CAPITALISED_RUN.finditer(text):
            start, end = run.span()
            if not _UNRESOLVED_CUE.search(text[max(0, start - 30):start].lower()):
                continue
            if found.overlaps(start, end):
                continue
            key = name_key(run.group())
            first_key = name_key(run.group().split()[0])
            if not key or names_country(run.group()) or self._is_stopped(text, key, start, end):
                continue
            if not self._is_stopped(text, first_key, start, end):
                yield start, end, run.group()
