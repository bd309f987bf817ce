"""ACLED's own conventions for the columns of the ACLED CSV that the event record does not hold.

- ``region``: the ACLED region of the event's country (``data/acled_regions.csv``, built by
  ``scripts/build_acled_regions.py``);
- ``source_scale``: the scale of each source in the ``source`` column (``scale`` of its entry in
  ``data/sources.json``, relative to the event's country), joined with "-" as ACLED writes them;
- actor names: the JSONL keeps the codebook's names; the ACLED CSV writes ACLED's — a state's forces with
  the period of the government in power, ACLED's acronym prefixes and country suffixes — from the ``acled``
  entry of each actor in ``data/actors.json``.

Everything is read from the bundled data files once per process (:func:`default_conventions`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from veilleur.datafiles import data_path, load_json

REGIONS_FILE = "acled_regions.csv"
SOURCES_FILE = "sources.json"
ACTORS_FILE = "actors.json"

# ACLED's source scales, in the order ACLED joins them ("National-International": nearest first)
SCALE_ORDER = ("New media", "Local", "Subnational", "National", "Regional", "International", "Other")
# scales that are relative to a country: the same outlet is "International" for events elsewhere
COUNTRY_SCALES = frozenset({"Local", "Subnational", "National"})


@dataclass(frozen=True)
class SourceScale:
    """How wide a source reports: a fixed scale, or one tied to a country or to ACLED regions."""

    scale: str
    country: str = ""  # COUNTRY_SCALES: the country it covers ("" = the event's own: a local witness)
    regions: tuple[str, ...] = ()  # "Regional": the ACLED regions it covers

    def relative_to(self, event_country: str, event_region: str) -> str:
        """This source's scale for an event in ``event_country`` (ACLED region ``event_region``)."""
        if self.scale in COUNTRY_SCALES:
            return self.scale if not self.country or self.country == event_country else "International"
        if self.scale == "Regional" and self.regions and event_region not in self.regions:
            return "International"
        return self.scale


@dataclass(frozen=True)
class ActorNaming:
    """An actor's ACLED name: a fixed one, one per government period, or the codebook's with a country."""

    name: str = ""
    periods: tuple[tuple[str, str], ...] = ()  # (first day YYYY-MM-DD, ACLED name), sorted by day
    country_suffix: bool = False  # "Islamic State" -> "Islamic State (Syria)"

    def for_event(self, codebook_name: str, country: str, event_date: str) -> str:
        if self.periods and event_date:
            current = [name for first_day, name in self.periods if first_day <= event_date]
            if current:
                return current[-1]
        if self.country_suffix and country:
            return f"{codebook_name} ({country})"
        return self.name or codebook_name


@dataclass(frozen=True)
class AcledConventions:
    """The lookup tables behind the ACLED-only columns."""

    regions: dict[str, str] = field(default_factory=dict)  # ACLED country name -> ACLED region
    scales: dict[str, SourceScale] = field(default_factory=dict)  # lower-cased source or outlet -> scale
    actor_names: dict[str, ActorNaming] = field(default_factory=dict)  # codebook name -> naming

    def region(self, country: str) -> str:
        return self.regions.get(country, "")

    def source_scale(self, sources: list[str], country: str) -> str:
        """The distinct scales of ``sources`` for an event in ``country``, nearest first, joined with "-";
        sources the registry does not know add nothing."""
        region = self.region(country)
        found = {scale.relative_to(country, region) for scale in map(self._scale_of, sources) if scale}
        return "-".join(s for s in SCALE_ORDER if s in found)

    def _scale_of(self, source: str) -> SourceScale | None:
        key = source.strip().lower()
        # "PressAfrik (RFI reprint)", "Romandie (AFP)": the outlet's own name is before the brackets
        return self.scales.get(key) or self.scales.get(key.split(" (", 1)[0].strip())

    def actor_name(self, name: str, country: str, event_date: str) -> str:
        """ACLED's name for a codebook actor name ("" stays "")."""
        naming = self.actor_names.get(name)
        return naming.for_event(name, country, event_date) if naming else name

    def actor_names_joined(self, names: str, country: str, event_date: str) -> str:
        """:meth:`actor_name` of each actor in a "; "-joined list (the assoc_actor columns)."""
        parts = [p.strip() for p in names.split(";") if p.strip()]
        return "; ".join(self.actor_name(p, country, event_date) for p in parts)


# ---------------------------------------------------------------- loading


def load_regions() -> dict[str, str]:
    with data_path(REGIONS_FILE).open(encoding="utf-8", newline="") as stream:
        return {row["country"]: row["region"] for row in csv.DictReader(stream) if row["region"]}


def _source_scale(entry: dict[str, Any]) -> SourceScale | None:
    scale = str(entry.get("scale", ""))
    if not scale:
        return None
    if scale not in SCALE_ORDER:
        raise ValueError(f"{SOURCES_FILE}: {entry.get('name')!r} has an unknown scale {scale!r}")
    country = str(entry.get("scale_country", entry.get("country", ""))) if scale in COUNTRY_SCALES else ""
    return SourceScale(scale, country, tuple(entry.get("scale_regions", ())))


def load_source_scales(data: dict[str, Any]) -> dict[str, SourceScale]:
    """Lower-cased name (and outlet alias) -> scale, for the credited sources and the outlets."""
    scales: dict[str, SourceScale] = {}
    for entry in [*data.get("sources", []), *data.get("outlets", [])]:
        scale = _source_scale(entry)
        if scale is None:
            continue
        for name in [entry["name"], *entry.get("outlet_names", [])]:
            scales.setdefault(str(name).lower(), scale)
    return scales


def load_actor_names(data: dict[str, Any]) -> dict[str, ActorNaming]:
    """Codebook actor name -> its ACLED naming, from the ``acled`` entries of the actor registry."""
    names: dict[str, ActorNaming] = {}
    for actor in data.get("actors", []):
        acled = actor.get("acled")
        if not acled:
            continue
        periods = tuple(sorted((str(p["from"]), str(p["name"])) for p in acled.get("periods", [])))
        names[str(actor["name"])] = ActorNaming(
            str(acled.get("name", "")), periods, bool(acled.get("country_suffix", False))
        )
    return names


@lru_cache(maxsize=1)
def default_conventions() -> AcledConventions:
    """The conventions from the bundled data files (read once per process)."""
    return AcledConventions(
        load_regions(), load_source_scales(load_json(SOURCES_FILE)), load_actor_names(load_json(ACTORS_FILE))
    )
