"""The typed records every stage passes on.

This module depends on nothing of ours. Offsets are character offsets (Python ``str`` indices).
``Article.text`` is the *normalised* text every later stage reads; ``Span`` offsets always point into
the *original* text as it was read, so evidence can be highlighted in the source document.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Span:
    """A stretch of an article's original text: the evidence for one field."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One document, normalised, with the map back to the text as read.

    ``offsets[i]`` is the index in ``original`` of normalised character ``i``; it has
    ``len(text) + 1`` entries so that an end offset maps too.
    """

    id: str
    text: str
    title: str = ""
    published: date | None = None
    url: str = ""
    source: str = ""
    original: str = ""
    # "month" when only the month of publication is known (``published`` is then its 1st): weekdays and
    # "hier" cannot be placed (codebook section 5)
    published_precision: str = "day"
    # 8 bytes a character (an array, not a list of int objects: long texts stay small)
    offsets: Sequence[int] = field(default_factory=lambda: array("q"))

    def __post_init__(self) -> None:
        if not self.original:
            self.original = self.text
        if not self.offsets:
            self.offsets = array("q", range(len(self.text) + 1))
        elif not isinstance(self.offsets, array):
            self.offsets = array("q", self.offsets)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the normalised text to the original text."""
        return self.offsets[start], self.offsets[end]

    def span(self, start: int, end: int) -> Span:
        """An evidence span for normalised offsets, pointing into the original text."""
        o_start, o_end = self.to_original(start, end)
        return Span(self.id, o_start, o_end, self.original[o_start:o_end])

    @property
    def text_hash(self) -> str:
        """Hash of the normalised text with white space folded: equal for copies of one text."""
        folded = " ".join(self.text.lower().split())
        return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    """A document that could not be read or processed, and why (reported, never fatal)."""

    doc: str
    reason: str
    path: str = ""


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str = ""
    admin2: str = ""
    feature: str = "city"  # city | district | village | site | admin1 | admin2 | region
    geonameid: str = ""
    population: int = 0


@dataclass(frozen=True)
class LoadedTerm:
    """A partisan label found in the evidence, with the neutral wording used instead."""

    term: str
    neutral: str
    family: str  # e.g. actor-label, action-verb
    side: str  # whose vocabulary: pro-government, opposition, jihadist, ...
    span: Span | None = None


EVENT_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "location",
    "admin1",
    "admin2",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "event_date",
    "time_precision",
    "fatalities",
)


@dataclass
class Event:
    """One coded event (codebook section 1): sub-event type x place x day x pair of sides."""

    doc: str
    event_type: str
    sub_event_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    location: str = ""
    admin1: str = ""
    admin2: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    event_date: str = ""  # YYYY-MM-DD
    time_precision: int = 2
    fatalities: int = 0
    # field name ("trigger", "actor1", "location", "event_date", "fatalities", ...) -> spans
    evidence: dict[str, list[Span]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # language code -> neutral sentence
    source_outlet: str = ""  # the outlet that published the article
    # (identifying fields, id) of the last computation: clustering reads ids millions of times, and the
    # stages may still change an identifying field after construction, so the memo is keyed by their values
    _id_memo: tuple[tuple[Any, ...], str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        """Stable id from the article and the event's identifying fields (hashed once per set of values)."""
        key = (self.doc, self.sub_event_type, self.location, self.event_date, self.actor1, self.actor2)
        memo = self._id_memo
        if memo is not None and memo[0] == key:
            return memo[1]
        value = hashlib.sha1("|".join(str(x) for x in key).encode("utf-8")).hexdigest()[:16]
        self._id_memo = (key, value)
        return value

    def add_evidence(self, name: str, span: Span) -> None:
        spans = self.evidence.setdefault(name, [])
        if span not in spans:
            spans.append(span)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL export shape: codebook fields plus provenance."""
        out: dict[str, Any] = {"id": self.id, "doc": self.doc}
        out.update({name: getattr(self, name) for name in EVENT_FIELDS})
        quoted = self.evidence.get("sentence") or self.evidence.get("trigger") or []
        out["evidence"] = quoted[0].text if quoted else ""
        out["evidence_spans"] = {k: [s.to_dict() for s in v] for k, v in self.evidence.items()}
        out["sources"] = list(self.sources)
        out["loaded_terms"] = [
            {"term": t.term, "neutral": t.neutral, "family": t.family, "side": t.side,
             "span": t.span.to_dict() if t.span else None}
            for t in self.loaded_terms
        ]
        out["notes"] = dict(self.notes)
        out["source_outlet"] = self.source_outlet
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Inverse of :meth:`to_dict` (unknown keys ignored)."""
        kwargs: dict[str, Any] = {name: data[name] for name in EVENT_FIELDS if name in data}
        event = cls(doc=str(data.get("doc", "")), **kwargs)
        for name, spans in (data.get("evidence_spans") or {}).items():
            event.evidence[name] = [Span(**s) for s in spans]
        event.sources = list(data.get("sources") or [])
        event.loaded_terms = [
            LoadedTerm(
                term=t["term"], neutral=t["neutral"], family=t.get("family", ""), side=t.get("side", ""),
                span=Span(**t["span"]) if t.get("span") else None,
            )
            for t in data.get("loaded_terms") or []
        ]
        event.notes = dict(data.get("notes") or {})
        event.source_outlet = str(data.get("source_outlet", ""))
        return event
