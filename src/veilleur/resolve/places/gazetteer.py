"""The gazetteer: places indexed by name key, read from the bundled files (the base, one file per country),
with the look-ups made across several gazetteers at once (a key's candidates, a near-miss spelling)."""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from veilleur.datafiles import data_path
from veilleur.records import Place, great_circle_km
from veilleur.resolve.places.keys import name_key, own_name_key, plain_form

# units below a province whose name a town may share: a district, a region, a park
SUB_PROVINCE_AREAS = frozenset({"admin2", "region", "park"})
AREAS = SUB_PROVINCE_AREAS | {"admin1"}  # a town's exact name does not make its district the place

_FEATURE_PRIOR = {"city": 1.0, "admin1": 0.6, "district": 0.8, "site": 0.8, "region": 0.7, "park": 0.7,
                  "admin2": 0.5, "village": 0.0}


def prominence(place: Place, key: str = "") -> float:
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
        path = path or data_path("gazetteer/base.tsv.gz")
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
            spellings = frozenset(plain_form(n) for n in f"{name}|{aliases}".split("|") if n != n.lower())
            entry = self._entries[row] = (place, spellings)
        return entry

    def spelled(self, place: Place, surface: str) -> bool:
        """Does one of the place's names read exactly as ``surface`` (case and accents aside)? Only names
        with a capital count (:meth:`_entry`)."""
        return self.spells(place, plain_form(surface))

    def spells(self, place: Place, plain: str) -> bool:
        """:meth:`spelled` for a surface already made plain (:func:`plain_form`), which a caller asking about
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
            found, key=lambda p: (p.country == country, self.spelled(p, name), prominence(p, key)), reverse=True
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


def gazetteer_size(gazetteer: Gazetteer | None) -> int:
    """What a country's gazetteer weighs in a geocoder's memory budget (none for a country with no file)."""
    return gazetteer.size if gazetteer is not None else 0


def country_gazetteer(code: str) -> Gazetteer | None:
    """One country's towns of 500+ people and, for the conflict countries, its villages and districts, read
    from its file (each :class:`Geocoder` keeps those it loaded, within a memory budget). None when there is
    no file."""
    path = data_path(f"gazetteer/places-{code}.tsv.gz")
    return Gazetteer.load(path) if path.exists() else None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance."""
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


FUZZY_MIN_LETTERS = 5  # letters: a shorter name one letter apart is another name


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


def near_key(key: str, gazetteers: Sequence[Gazetteer]) -> str | None:
    """A key the gazetteers hold for a name they do not know as spelt: the name without its initial
    prenasal, else the closest key (:func:`_fuzzy_key`)."""
    bare = _PRENASAL.sub("", key)
    if bare != key and len(bare.replace(" ", "")) >= FUZZY_MIN_LETTERS and any(bare in g.index for g in gazetteers):
        return bare
    return _fuzzy_key(key, gazetteers)


def spelt_ids(places: Sequence[Place], surface: str, gazetteers: Sequence[Gazetteer]) -> frozenset[str]:
    """The ids of the places one of the gazetteers spells as ``surface`` (:meth:`Gazetteer.spelled`)."""
    plain = plain_form(surface)
    if not plain:
        return frozenset()
    return frozenset(p.geonameid for p in places if any(g.spells(p, plain) for g in gazetteers))


def candidates_of(key: str, gazetteers: Sequence[Gazetteer]) -> list[Place]:
    seen: set[str] = set()
    out: list[Place] = []
    for gazetteer in gazetteers:
        for place in gazetteer.candidates(key):
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                out.append(place)
    return out

