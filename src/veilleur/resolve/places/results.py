"""What the geocoder returns: the place mentions of a text, the names it could not place, the article's
countries, and for one name (``veilleur geocode``) the candidates and why one was chosen."""

from __future__ import annotations

from dataclasses import dataclass, field

from veilleur.records import Place


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
