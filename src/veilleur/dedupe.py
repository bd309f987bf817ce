"""Events across articles → clusters; wire copies across outlets → one document.

Pure functions over records: no database, no spaCy. The store calls them; so can a notebook.

Two things are deduplicated here:

* **documents**: the same wire dispatch republished by several outlets. :func:`near_duplicate_docs` finds
  them with MinHash LSH candidates over word shingles of the normalised text, verified by exact Jaccard
  (or containment, for a copy that was cut short). A copy counts once for corroboration.
* **events**: several mentions of one happening. :func:`cluster_events` groups events with the same
  ``event_type``, dates within a window, places within a distance and compatible actors, and codes one
  canonical event per group.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from veilleur.records import Article, Event, great_circle_km

# --------------------------------------------------------------------------------------------------
# documents

SHINGLE = 5
NUM_PERM = 64
BAND_ROWS = 2  # 32 bands of 2 rows: candidates down to a Jaccard of about 0.3; verified exactly after
_MERSENNE = (1 << 61) - 1
_WORD = re.compile(r"\w+")


def _permutations(num_perm: int = NUM_PERM, seed: int = 1) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(1, _MERSENNE), rng.randrange(0, _MERSENNE)) for _ in range(num_perm)]


_PERMS = tuple(_permutations())  # immutable, derived from a fixed seed


def normalise(text: str) -> list[str]:
    """Lower-cased, accent-free word tokens: what two copies of one dispatch share."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


def shingles(text: str, k: int = SHINGLE) -> frozenset[str]:
    words = normalise(text)
    if len(words) <= k:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def minhash(sh: Iterable[str]) -> list[int]:
    hashes = [_h64(s) for s in sh]
    if not hashes:
        return [_MERSENNE] * len(_PERMS)
    return [min((a * h + b) % _MERSENNE for h in hashes) for a, b in _PERMS]


def minhash_bands(text: str, rows: int = BAND_ROWS) -> list[str]:
    """LSH band keys of a text: two texts that share a key are near-duplicate candidates."""
    sig = minhash(shingles(text))
    keys = []
    for i in range(0, len(sig), rows):
        digest = hashlib.blake2b(repr(sig[i : i + rows]).encode(), digest_size=12).hexdigest()
        keys.append(f"{i // rows}:{digest}")
    return keys


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_near_duplicate(a: str, b: str, *, jaccard: float = 0.6, containment: float = 0.85) -> bool:
    sa, sb = shingles(a), shingles(b)
    j, c = similarity(sa, sb)
    return j >= jaccard or (c >= containment and min(len(sa), len(sb)) >= 10)


def _canonical_key(article: Article) -> tuple[date, str]:
    return (article.published or date.max, article.id)


def near_duplicate_docs(
    articles: Sequence[Article], *, jaccard: float = 0.6, containment: float = 0.85
) -> dict[str, str]:
    """Map each copy to the canonical document of its group (the earliest published, then lowest id).

    Canonical documents and documents without copies are not keys of the result.
    """
    sets = {a.id: shingles(a.text) for a in articles}
    buckets: dict[str, list[str]] = {}
    for a in articles:
        for key in minhash_bands(a.text):
            buckets.setdefault(key, []).append(a.id)
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[str, str]] = set()
    for ids in buckets.values():
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                pair = (x, y) if x < y else (y, x)
                if x == y or pair in checked:
                    continue
                checked.add(pair)
                j, c = similarity(sets[x], sets[y])
                if j >= jaccard or (c >= containment and min(len(sets[x]), len(sets[y])) >= 10):
                    parent[find(x)] = find(y)
    by_id = {a.id: a for a in articles}
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(find(a.id), []).append(a)
    out: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canon = min(members, key=_canonical_key)
        for m in members:
            if m.id != canon.id:
                out[m.id] = by_id[canon.id].id
    return out


# --------------------------------------------------------------------------------------------------
# events

GENERIC_ACTOR = re.compile(r"^(unidentified|unknown)\b", re.IGNORECASE)
DISAGREEMENT_FIELDS = (
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "location", "event_date", "fatalities",
)
TIME_WINDOW = {1: 0, 2: 7, 3: 31}  # days of slack a time precision allows (codebook section 8)


@dataclass
class Cluster:
    """Several mentions of one happening, and its canonical coding."""

    id: str
    canonical: Event
    members: list[Event] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # distinct independent outlets
    corroboration: int = 1
    disagreements: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def member_ids(self) -> list[str]:
        return [m.id for m in self.members]

    def to_dict(self) -> dict[str, Any]:
        out = self.canonical.to_dict()
        out["canonical_event_id"] = out.pop("id")
        out["id"] = self.id
        out["mentions"] = len(self.members)
        out["member_ids"] = self.member_ids
        out["outlets"] = list(self.outlets)
        out["corroboration"] = self.corroboration
        out["disagreements"] = self.disagreements
        return out


def is_generic(actor: str) -> bool:
    return not actor or bool(GENERIC_ACTOR.match(actor))


def actors_compatible(a: str, b: str) -> bool:
    """Equal, or one empty, or one a generic / unidentified label."""
    return a == b or is_generic(a) or is_generic(b)


def _pair_compatible(x: Event, y: Event) -> bool:
    straight = actors_compatible(x.actor1, y.actor1) and actors_compatible(x.actor2, y.actor2)
    if straight:
        return True
    # in a clash either side may be reported as the one that attacked
    return (
        x.event_type == "Battles"
        and x.sub_event_type == y.sub_event_type == "Armed clash"
        and actors_compatible(x.actor1, y.actor2)
        and actors_compatible(x.actor2, y.actor1)
    )


def _parse_date(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def _fold(s: str) -> str:
    return " ".join(normalise(s))


def places_compatible(x: Event, y: Event, km: float) -> bool:
    if x.country and y.country and x.country != y.country:
        return False
    if x.geo_precision >= 3 or y.geo_precision >= 3:
        return bool(x.admin1) and _fold(x.admin1) == _fold(y.admin1)
    if None not in (x.latitude, x.longitude, y.latitude, y.longitude):
        assert x.latitude is not None and x.longitude is not None
        assert y.latitude is not None and y.longitude is not None
        return great_circle_km(x.latitude, x.longitude, y.latitude, y.longitude) <= km
    return bool(x.location) and _fold(x.location) == _fold(y.location)


def dates_compatible(x: Event, y: Event, days: int) -> bool:
    dx, dy = _parse_date(x.event_date), _parse_date(y.event_date)
    if dx is None or dy is None:
        return False
    slack = max(days, TIME_WINDOW.get(x.time_precision, 0), TIME_WINDOW.get(y.time_precision, 0))
    return abs((dx - dy).days) <= slack


def compatible(x: Event, y: Event, *, days: int = 1, km: float = 25.0) -> bool:
    """Could ``x`` and ``y`` be two reports of one event?"""
    return (
        x.doc != y.doc
        and x.event_type == y.event_type
        and dates_compatible(x, y, days)
        and places_compatible(x, y, km)
        and _pair_compatible(x, y)
    )


def _outlet(e: Event) -> str:
    return e.source_outlet or f"doc:{e.doc}"


def _reported_toll(e: Event) -> bool:
    return e.fatalities > 0 or bool(e.evidence.get("fatalities"))


def _best(members: Sequence[Event], doc_canon: dict[str, str]) -> Event:
    def score(e: Event) -> tuple[int, int, int, int, str, str]:
        specific = sum(not is_generic(a) for a in (e.actor1, e.actor2))
        return (
            e.geo_precision, e.time_precision, -specific,
            -sum(len(v) for v in e.evidence.values()), e.event_date, e.id,
        )

    originals = [m for m in members if m.doc not in doc_canon] or list(members)
    return min(originals, key=score)


def _most_specific(values: Iterable[str]) -> str:
    counts = Counter(v for v in values if v)
    specific = [(n, v) for v, n in counts.items() if not is_generic(v)]
    pool = specific or [(n, v) for v, n in counts.items()]
    if not pool:
        return ""
    return sorted(pool, key=lambda t: (-t[0], t[1]))[0][1]


def build_cluster(members: Sequence[Event], doc_canon: dict[str, str] | None = None) -> Cluster:
    """Canonical coding, corroboration and disagreements of one group of mentions."""
    doc_canon = doc_canon or {}
    members = sorted(members, key=lambda e: (e.event_date, e.source_outlet, e.doc, e.id))
    best = _best(members, doc_canon)
    swapped = {m.id for m in members if m is not best and not _pair_compatible_straight(best, m)}
    a1 = [m.actor2 if m.id in swapped else m.actor1 for m in members]
    a2 = [m.actor1 if m.id in swapped else m.actor2 for m in members]
    tolls = [m.fatalities for m in members if _reported_toll(m)]
    canonical = replace(
        best,
        actor1=_most_specific([best.actor1, *a1]) if is_generic(best.actor1) else best.actor1,
        actor2=_most_specific([best.actor2, *a2]) if is_generic(best.actor2) else best.actor2,
        fatalities=min(tolls) if tolls else 0,
        evidence=dict(best.evidence),
        sources=sorted({s for m in members for s in m.sources}),
        loaded_terms=list(best.loaded_terms),
        notes=dict(best.notes),
    )
    # a copy of a wire dispatch counts once: corroboration is over independent documents' outlets
    independent: dict[str, str] = {}
    for m in members:
        root = doc_canon.get(m.doc, m.doc)
        independent.setdefault(root, _outlet(m))
    outlets = sorted(set(independent.values()))
    disagreements: dict[str, dict[str, Any]] = {}
    # one mention cannot disagree with itself (most clusters of a large store are single mentions)
    for name in DISAGREEMENT_FIELDS if len(members) > 1 else ():
        by_outlet: dict[str, Any] = {}
        for m in members:
            key = _outlet(m)
            if key in by_outlet and by_outlet[key] != getattr(m, name):
                key = f"{key} ({m.doc})"
            by_outlet[key] = getattr(m, name)
        if len({repr(v) for v in by_outlet.values()}) > 1:
            disagreements[name] = by_outlet
    cluster_id = "c" + min(m.id for m in members)
    return Cluster(
        id=cluster_id, canonical=canonical, members=list(members), outlets=outlets,
        corroboration=len(outlets), disagreements=disagreements,
    )


def _pair_compatible_straight(x: Event, y: Event) -> bool:
    return actors_compatible(x.actor1, y.actor1) and actors_compatible(x.actor2, y.actor2)


def cluster_events(
    events: Sequence[Event],
    *,
    days: int = 1,
    km: float = 25.0,
    doc_canon: dict[str, str] | None = None,
) -> list[Cluster]:
    """Group events that report one happening (complete linkage, deterministic order).

    An event joins the closest open group whose every member is :func:`compatible` with it; two events
    of one document never share a group (the extractor already merged an article's repeated mentions).
    ``doc_canon`` (from :func:`near_duplicate_docs`) makes wire copies count once for corroboration.

    Only groups that could accept an event are compared with it (:class:`_GroupIndex`: same event type,
    first member within the date window, nearby grid cell, same admin1 or same place name), in creation
    order, so the result is the same as comparing with every group, in O(n log n) for spread-out events.
    """
    order = sorted(events, key=lambda e: (e.event_date, e.event_type, e.doc, e.id))
    groups: list[list[Event]] = []
    index = _GroupIndex(days=days, km=km)
    for e in order:
        best_group: list[Event] | None = None
        best_dist = math.inf
        for number in index.candidates(e):
            g = groups[number]
            if not all(compatible(e, m, days=days, km=km) for m in g):
                continue
            dist = _group_distance(e, g)
            if dist < best_dist:
                best_group, best_dist = g, dist
        if best_group is None:
            index.add(len(groups), e)
            groups.append([e])
        else:
            best_group.append(e)
    return [build_cluster(g, doc_canon) for g in groups]


CELL_DEGREES = 0.25  # grid cell of the spatial block (~28 km of latitude)
KM_PER_DEGREE = 111.2


class _GroupIndex:
    """Groups by (event type, date bucket) and, inside, by grid cell, admin1 and place name of their first
    member: every member must be compatible with a new event, so the first one must be too."""

    def __init__(self, *, days: int, km: float) -> None:
        self.km = km
        self.width = days + max(TIME_WINDOW.values()) + 1  # a bucket spans at least the widest date slack
        self.keys: dict[tuple[object, ...], list[int]] = {}
        self.folded: dict[str, str] = {}  # a few thousand distinct names among a million events: fold each once

    def _fold(self, name: str) -> str:
        folded = self.folded.get(name)
        if folded is None:
            folded = self.folded[name] = _fold(name)
        return folded

    def _put(self, key: tuple[object, ...], number: int) -> None:
        self.keys.setdefault(key, []).append(number)

    def _block(self, e: Event) -> tuple[str, int] | None:
        day = _parse_date(e.event_date)
        return None if day is None else (e.event_type, day.toordinal() // self.width)

    def add(self, number: int, first: Event) -> None:
        block = self._block(first)
        if block is None:
            return  # an undated event accepts no other
        admin1, location = self._fold(first.admin1), self._fold(first.location)
        self._put((*block, "admin1", admin1), number)
        self._put((*block, "location", location), number)
        if first.geo_precision >= 3:
            self._put((*block, "region", admin1), number)
        elif first.latitude is None or first.longitude is None:
            self._put((*block, "unplaced", location), number)
        else:
            self._put((*block, "cell", *_cell(first.latitude, first.longitude)), number)

    def candidates(self, e: Event) -> list[int]:
        """Groups that might accept ``e``, in creation order."""
        block = self._block(e)
        if block is None:
            return []
        found: set[int] = set()
        admin1, location = self._fold(e.admin1), self._fold(e.location)
        placed = e.latitude is not None and e.longitude is not None
        # the same cells for both date buckets: computed once
        cells = _cells_around(e.latitude, e.longitude, self.km) if placed else []  # type: ignore[arg-type]
        keys = self.keys
        for bucket in (block[1] - 1, block[1]):
            kind, number = block[0], bucket
            if e.geo_precision >= 3:
                found.update(keys.get((kind, number, "admin1", admin1), ()))
                continue
            found.update(keys.get((kind, number, "region", admin1), ()))
            if not placed:
                found.update(keys.get((kind, number, "location", location), ()))
                continue
            found.update(keys.get((kind, number, "unplaced", location), ()))
            for row, column in cells:
                found.update(keys.get((kind, number, "cell", row, column), ()))
        return sorted(found)


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude / CELL_DEGREES), math.floor(longitude / CELL_DEGREES) % round(360 / CELL_DEGREES)


def _cells_around(latitude: float, longitude: float, km: float) -> list[tuple[int, int]]:
    """Every grid cell that holds a point within ``km`` of this one."""
    lat_cells = math.ceil(km / (KM_PER_DEGREE * CELL_DEGREES))
    widest = min(abs(latitude) + (lat_cells + 1) * CELL_DEGREES, 89.9)
    lon_cells = math.ceil(km / (KM_PER_DEGREE * CELL_DEGREES * math.cos(math.radians(widest))))
    row, col = _cell(latitude, longitude)
    columns = round(360 / CELL_DEGREES)
    return [
        (row + dr, (col + dc) % columns)
        for dr in range(-lat_cells, lat_cells + 1)
        for dc in range(-min(lon_cells, columns // 2), min(lon_cells, columns // 2) + 1)
    ]


def _group_distance(e: Event, group: Sequence[Event]) -> float:
    total = 0.0
    for m in group:
        if None not in (e.latitude, e.longitude, m.latitude, m.longitude):
            assert e.latitude is not None and e.longitude is not None
            assert m.latitude is not None and m.longitude is not None
            total += great_circle_km(e.latitude, e.longitude, m.latitude, m.longitude)
        de, dm = _parse_date(e.event_date), _parse_date(m.event_date)
        if de and dm:
            total += 10.0 * abs((de - dm).days)
    return total / len(group)


def pairwise_scores(
    predicted: Sequence[Sequence[str]], expected: Sequence[Sequence[str]]
) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering of ids against the expected one."""

    def pairs(groups: Sequence[Sequence[str]]) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for g in groups:
            ids = sorted(g)
            out.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
        return out

    p, e = pairs(predicted), pairs(expected)
    precision = len(p & e) / len(p) if p else 1.0
    recall = len(p & e) / len(e) if e else 1.0
    return precision, recall
