"""Place resolution: find place names in French conflict news and map them to gazetteer entries.

Matching works on *name keys*: a spelling-tolerant form of a name in which French and English
transliterations of Arabic, Persian, Ukrainian... names coincide ("Deir Ezzor", "Dayr az Zawr" and
"Deir ez-Zor" all give ``dir zur``). The text is cut into word tokens, each folded the same way, and all
gazetteer keys are searched at once with an Aho-Corasick automaton; matches map back to text offsets
through the tokens. Then each match is disambiguated (country prior, admin context, proximity, size)
and given a ``geo_precision`` from the cue before it (codebook section 4).

Data: ``data/gazetteer.tsv.gz`` (built by ``scripts/build_gazetteer.py``), ``data/gazetteer_countries.csv``
and ``data/gazetteer_stoplist.csv``, all read once per process through cached loaders.
"""

from __future__ import annotations

import csv
import gzip
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick
from rapidfuzz import fuzz, process
from unidecode import unidecode

from veilleur.records import Place, great_circle_km

# --------------------------------------------------------------------------------------------------
# Name keys
# --------------------------------------------------------------------------------------------------

# Arabic articles written as separate tokens ("al-Mayadin", "Dayr az Zawr"). In gazetteer names they are
# always dropped; in running text only when they cannot be French words (see ``_is_text_article``).
ARTICLES = frozenset(
    {"al", "el", "ad", "ed", "as", "es", "ar", "er", "an", "ash", "esh", "ach", "at", "az", "ez", "ul", "il"}
)
# Articles that are never French words, so they can be dropped before a capitalised word without a hyphen.
STRONG_ARTICLES = frozenset({"al", "el", "ad", "ed", "az", "ez", "ash", "esh", "ach", "ar", "ul"})

# Ordered: multi-letter spellings first, then vowels, so French and English transliterations meet.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"), ("tch", "sh"), ("ch", "sh"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("ou", "u"), ("w", "u"), ("y", "i"), ("au", "u"),
    ("e", "i"), ("o", "u"), ("ai", "i"),
)
_FUSED_ARTICLE = re.compile(r"^[ae]([dlnrstz])\1")  # "Ezzor", "Arraqqa": the article assimilated
_DOUBLES = re.compile(r"(.)\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """One word to its key form: ASCII, lower case, transliteration variants folded."""
    t = _NON_ALNUM.sub("", unidecode(token).lower())
    if len(t) >= 5 and _FUSED_ARTICLE.match(t):
        t = t[2:]
    if len(t) > 4 and t.endswith("e") and t[-2] not in "aeiouy":
        t = t[:-1]  # French final mute e: Mayadine / Mayadin, Palmyre / Palmyra
    t = re.sub(r"c(?=[eiy])", "s", t)
    t = re.sub(r"qu(?=[aeiy])", "k", t)
    for old, new in _FOLDS:
        t = t.replace(old, new)
    t = _DOUBLES.sub(r"\1", t)
    if len(t) > 3 and t.endswith("h") and t[-2] in "aiu":
        t = t[:-1]  # Jarrah / Jarra, Hodeidah / Hodeida
    return t


_NAME_SPLIT = re.compile(r"[\s\-‐–—/,.()]+")
_APOSTROPHES = re.compile(r"['’‘`ʿʾ´]")


def name_key(name: str) -> str:
    """The matching key of a gazetteer name or alias: folded tokens without Arabic articles."""
    tokens = [t for t in _NAME_SPLIT.split(_APOSTROPHES.sub("", name)) if t]
    folded = [fold_token(t) for t in tokens if t.lower() not in ARTICLES or len(tokens) == 1]
    return " ".join(f for f in folded if f)


# --------------------------------------------------------------------------------------------------
# Text tokens
# --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELISIONS = frozenset({"l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    capitalised: bool
    hyphen_after: bool


def tokenize(text: str) -> list[Token]:
    """Word tokens with their keys; French elisions ("d'Alep") are split off, Arabic apostrophes kept."""
    tokens: list[Token] = []
    for m in _WORD.finditer(text):
        start, word = m.start(), m.group()
        head = re.match(r"([^\W_]+)['’]", word)
        if head and head.group(1).lower() in _ELISIONS:
            start += head.end()
            word = word[head.end():]
        end = start + len(word)
        tokens.append(
            Token(start, end, word, fold_token(_APOSTROPHES.sub("", word)), word[:1].isupper(),
                  text[end:end + 1] in "-‐")
        )
    return tokens


def _is_text_article(tokens: list[Token], i: int) -> bool:
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
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    with _data_path("gazetteer_countries.csv").open(encoding="utf-8") as handle:
        return tuple(
            Country(r["code"], r["country"], tuple(r["names"].split("|")), tuple(r["adjectives"].split("|")))
            for r in csv.DictReader(handle)
        )


@dataclass(frozen=True)
class StopRule:
    """A name that is not a place: always, or when the text around it says so (a TV channel, an agency)."""

    key: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None

    @property
    def always(self) -> bool:
        return self.before is None and self.after is None

    def applies(self, text: str, start: int, end: int) -> bool:
        if self.always:
            return True
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
                rules.setdefault(key, []).append(StopRule(key, before, after))
    return {k: tuple(v) for k, v in rules.items()}


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """Keys of country names: resolved at country level, so neither places nor unresolved names."""
    return frozenset(name_key(n) for c in load_countries() for n in c.names)


# --------------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------------

_FEATURE_PRIOR = {"city": 1.0, "admin1": 0.6, "district": 0.8, "site": 0.8, "region": 0.7, "admin2": 0.5,
                  "village": 0.0}


def _prominence(place: Place, key: str = "") -> float:
    """Prior weight of an entry regardless of context: kind, size, and whether the key is its main name.

    GeoNames alternate names hold historical and foreign names of *other* towns (Nikopol lists
    "Slov'iansk"), so a match on the entry's own name counts for more than one on an alias.
    """
    own_name = 1.0 if key and name_key(place.name) == key else 0.0
    return _FEATURE_PRIOR.get(place.feature, 0.3) + math.log10(place.population + 10) / 2 + own_name


class Gazetteer:
    """Places indexed by name key. Build with :meth:`load`; use :func:`default_gazetteer` for the bundled one."""

    def __init__(self, places: Sequence[Place], names: Sequence[Sequence[str]]) -> None:
        self.places = list(places)
        stop = {k for k, rules in load_stop_rules().items() if any(r.always for r in rules)}
        stop |= country_keys()
        self.index: dict[str, list[int]] = {}
        for i, aliases in enumerate(names):
            for alias in aliases:
                key = name_key(alias)
                if len(key.replace(" ", "")) >= 3 and key not in stop:
                    ids = self.index.setdefault(key, [])
                    if i not in ids:
                        ids.append(i)
        self._automaton: ahocorasick.Automaton | None = None
        self._keys: list[str] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        path = path or _data_path("gazetteer.tsv.gz")
        places: list[Place] = []
        names: list[list[str]] = []
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                places.append(Place(
                    name=row["name"], latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                    country=row["country"], admin1=row["admin1"], admin2=row["admin2"],
                    feature=row["feature"], geonameid=row["id"], population=int(row["population"] or 0),
                ))
                names.append([row["name"], *(a for a in row["aliases"].split("|") if a)])
        return cls(places, names)

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """Aho-Corasick over " key " (spaces make every hit start and end on a token boundary)."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key in self.index:
                automaton.add_word(f" {key} ", key)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def candidates(self, key: str) -> list[Place]:
        return [self.places[i] for i in self.index.get(key, ())]

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Entries for a name, best first: the given country's, then by kind, name and size."""
        key = name_key(name)
        found = self.candidates(key)
        return sorted(found, key=lambda p: (p.country == country, _prominence(p, key)), reverse=True)

    def fuzzy_key(self, key: str, cutoff: float = 88.0) -> str | None:
        """The closest indexed key, for names spelt in a way no alias covers (candidates only)."""
        if self._keys is None:
            self._keys = list(self.index)
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process."""
    return Gazetteer.load()


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
    r"(province|gouvernorat|région|wilaya|oblast|état|muhafazat?)" + _PART + r"\s+" + _DE + r"$"
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


def read_cue(text: str, start: int) -> Cue:
    """The precision cue in the words just before a name."""
    left = text[max(0, start - 90):start].lower()
    approx = _APPROX_CUE.search(left)
    province = _PROVINCE_CUE.search(left)
    town = _CITY_CUE.search(left)
    if approx:
        return Cue(2, " ".join(approx.group(1).split()), bool(province), bool(town))
    if province:
        return Cue(3, " ".join(province.group(0).split()), True, False)
    if town:
        return Cue(1, " ".join(town.group(0).split()), False, True)
    return Cue(0, "", False, False)


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


@dataclass
class _Match:
    start: int
    end: int
    key: str
    places: list[Place]


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance."""
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


_UNRESOLVED_CUE = re.compile(_CITY_WORD + r"\s+" + _DE + r"$|\bà\s+$")
_CAPITALISED_RUN = re.compile(r"(?:(?:al|el|ad|as|ar|ash|az|an|at)-)?[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*)*")
_WEAK_POSITION = re.compile(r"(?:^|[.!?:\n«\"]\s*|\bselon\s+|\bpar\s+|\bpour\s+)$", re.IGNORECASE)


class Geocoder:
    """Finds and resolves place names in a text. Stateless between calls; share one per process."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()

    # -- country prior -------------------------------------------------------------------------------

    def countries_named(self, text: str) -> set[str]:
        """Countries the text names or qualifies ("en Arabie saoudite", "yéménite")."""
        lowered = text.lower()
        return {
            country.name
            for country in load_countries()
            if any(re.search(r"\b" + re.escape(w.lower()) + r"\b", lowered) for w in country.names + country.adjectives)
        }

    def country_prior(self, text: str) -> str | None:
        """The article's main country: country names and adjectives, plus unambiguous places, counted."""
        return self._prior(text, self._scan(text))

    @staticmethod
    def _prior(text: str, matches: list[_Match]) -> str | None:
        votes: Counter[str] = Counter()
        lowered = text.lower()
        for country in load_countries():
            for word in (*country.names, *country.adjectives):
                votes[country.name] += len(re.findall(r"\b" + re.escape(word.lower()) + r"\b", lowered))
        for match in matches:
            countries = {p.country for p in match.places}
            if len(countries) == 1:  # a name also found abroad (Kufa / Kofa) says nothing
                votes[countries.pop()] += 1
        best = votes.most_common(1)
        return best[0][0] if best and best[0][1] > 0 else None

    # -- matching ------------------------------------------------------------------------------------

    def _scan(self, text: str) -> list[_Match]:
        """All gazetteer keys found in the text, longest first where they overlap, at capitalised words."""
        tokens = tokenize(text)
        kept = [i for i in range(len(tokens)) if not _is_text_article(tokens, i) and tokens[i].key]
        offsets: list[int] = []  # key-string offset of each kept token
        parts: list[str] = []
        position = 1
        for i in kept:
            offsets.append(position)
            parts.append(tokens[i].key)
            position += len(tokens[i].key) + 1
        haystack = " " + " ".join(parts) + " "
        by_offset = {off: n for n, off in enumerate(offsets)}
        raw: list[tuple[int, int, str]] = []
        for end_index, key in self.gazetteer.automaton.iter(haystack):
            first = by_offset[end_index - len(key)]  # the pattern is " key ", so it starts on a space
            last = first + key.count(" ")
            raw.append((kept[first], kept[last], key))
        return self._select(text, tokens, raw)

    def _select(self, text: str, tokens: list[Token], raw: list[tuple[int, int, str]]) -> list[_Match]:
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
        taken: set[int] = set()
        matches: list[_Match] = []
        for first, last, key in raw:
            if taken & set(range(first, last + 1)) or not tokens[first].capitalised:
                continue
            if first == last and (len(tokens[first].text) <= 2 or _PERSON_NAME_AFTER.match(text, tokens[last].end)):
                continue
            start = tokens[first].start
            if first > 0 and _is_text_article(tokens, first - 1):
                start = tokens[first - 1].start  # report "al-Mayadine", not "Mayadine"
            end = tokens[last].end
            if self._is_stopped(text, key, start, end):
                continue
            taken.update(range(first, last + 1))
            matches.append(_Match(start, end, key, self.gazetteer.candidates(key)))
        return sorted(matches, key=lambda m: m.start)

    @staticmethod
    def _is_stopped(text: str, key: str, start: int, end: int) -> bool:
        return any(rule.applies(text, start, end) for rule in load_stop_rules().get(key, ()))

    # -- disambiguation ------------------------------------------------------------------------------

    def _choose(self, match: _Match, cue: Cue, country: str | None, admins: set[str],
                anchors: list[Place], text: str) -> Place | None:
        """The best candidate for a match, or None when no candidate fits the cue and the country."""
        places = match.places
        if cue.wants_admin1 and any(p.feature == "admin1" for p in places):
            places = [p for p in places if p.feature == "admin1"]
        elif any(p.feature != "admin1" for p in places) and (cue.wants_town or cue.precision != 3):
            places = [p for p in places if p.feature != "admin1"]
        places = [p for p in places if p.feature != "village" or self._village_fits(p, match, cue, country, text)]
        if not places:
            return None
        return max(places, key=lambda p: self._score(p, match.key, country, admins, anchors))

    @staticmethod
    def _village_fits(place: Place, match: _Match, cue: Cue, country: str | None, text: str) -> bool:
        """Small villages share names with words and people everywhere: trust one only where a place is due."""
        if cue.wants_town:
            return not country or place.country == country
        left = text[max(0, match.start - 12):match.start]
        if _WEAK_POSITION.search(left):  # sentence start, "selon X": a source or a person, not a village
            return False
        if country and place.country == country or _LOCATIVE_BEFORE.search(left):
            return True
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

    def find(self, text: str, country: str | None = None,
             candidates: Sequence[tuple[int, int]] = ()) -> GeocodeResult:
        """Place mentions in ``text``; ``candidates`` (e.g. spaCy LOC/GPE spans) are resolved too, fuzzily."""
        matches = self._scan(text)
        country = country or self._prior(text, matches)
        matches += self._candidate_matches(text, matches, candidates)
        cues = [read_cue(text, m.start) for m in matches]
        admins = {p.admin1 for m, c in zip(matches, cues, strict=True) if c.wants_admin1 for p in m.places}
        anchors = [m.places[0] for m in matches if len({(p.latitude, p.longitude) for p in m.places}) == 1]
        result = GeocodeResult()
        for match, cue in zip(matches, cues, strict=True):
            place = self._choose(match, cue, country, admins, anchors, text)
            if place is None:
                if match.key.startswith("?"):
                    result.unresolved.append((match.start, match.end, text[match.start:match.end]))
                continue
            precision, qualifier = self._precision(place, cue)
            result.mentions.append(
                PlaceMention(match.start, match.end, text[match.start:match.end], place, precision, qualifier)
            )
        result.mentions.sort(key=lambda m: m.start)
        result.unresolved += self._cued_unknowns(text, matches)
        result.unresolved = sorted(set(result.unresolved))
        return result

    def _candidate_matches(self, text: str, found: list[_Match],
                           spans: Sequence[tuple[int, int]]) -> list[_Match]:
        """Extra spans not covered by the scan: exact key, then fuzzy key; "?" marks a miss to report."""
        extra: list[_Match] = []
        for start, end in spans:
            if any(m.start < end and start < m.end for m in found) or not text[start:end][:1].isupper():
                continue
            key = name_key(text[start:end])
            if not key or self._is_stopped(text, key, start, end) or self._is_country(key):
                continue
            cued = _UNRESOLVED_CUE.search(text[max(0, start - 30) : start].lower())
            # a near-miss spelling is trusted only where the text announces a place ("à", "le village de")
            resolved = key if key in self.gazetteer.index else (self.gazetteer.fuzzy_key(key) if cued else None)
            if resolved is None:
                extra.append(_Match(start, end, "?" + key, []))
            else:
                extra.append(_Match(start, end, resolved, self.gazetteer.candidates(resolved)))
        return extra

    def _cued_unknowns(self, text: str, found: list[_Match]) -> Iterator[tuple[int, int, str]]:
        """Capitalised names after "le village de", "à"... that the gazetteer does not hold."""
        for run in _CAPITALISED_RUN.finditer(text):
            start, end = run.span()
            if not _UNRESOLVED_CUE.search(text[max(0, start - 30):start].lower()):
                continue
            if any(m.start < end and start < m.end for m in found):
                continue
            key = name_key(run.group())
            first_key = name_key(run.group().split()[0])
            if not key or self._is_country(key) or self._is_stopped(text, key, start, end):
                continue
            if not self._is_stopped(text, first_key, start, end):
                yield start, end, run.group()

    @staticmethod
    def _is_country(key: str) -> bool:
        return key in country_keys()
