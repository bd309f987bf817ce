"""The resolved mentions extraction works with, as plain records.

The pipeline adapts what the resolvers found (places, dates, actors, death tolls) into these records,
so the event assembler depends on nothing but offsets and canonical values.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from typing import Protocol, TypeVar

from veilleur.datafiles import load_json


class _Located(Protocol):
    @property
    def start(self) -> int: ...


_M = TypeVar("_M", bound=_Located)


@dataclass(frozen=True)
class PlaceRef:
    start: int
    end: int
    name: str
    country: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    precision: int

    def at(self, start: int, end: int, precision: int) -> PlaceRef:
        """The same place named again elsewhere ("cette ville", "près de la même ville")."""
        return replace(self, start=start, end=end, precision=precision)


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    value: date
    precision: int
    kind: str  # day | week | month | year | period


STATE_FORCES = ("Military Forces of ", "Police Forces of ")
PROTESTERS, RIOTERS = "Protesters", "Rioters"
CIVILIANS = "Civilians"


def country_with_article(country: str) -> str:
    """The country as state forces' names write it: "the Democratic Republic of Congo", "Mali"."""
    forms: dict[str, str] = load_json("nationalities.json").get("country_the", {})
    return forms.get(country, country)


CROWD_PREFIXES = (PROTESTERS, RIOTERS)


@dataclass(frozen=True)
class ActorRef:
    start: int
    end: int
    name: str
    country: str
    state: bool
    generic: bool = False  # resolved from a template ("l'armée", "des civils") with a country
    government_ally: bool = False  # fights under a state's command (Hezbollah beside the Syrian army)
    fights_for: tuple[str, ...] = ()  # the states a government ally fights beside (Hezbollah: Syria)
    anonymous: bool = False  # named by a label that says who acted is unknown ("des hommes armés")
    # a foreign or international force (a UN mission, a coalition, AMISOM): not an armed group a story follows
    external: bool = False
    # the countries a group fights in across borders (Boko Haram: Nigeria, Cameroon, Chad, Niger)
    operates_in: tuple[str, ...] = ()

    @classmethod
    def civilians(cls, country: str) -> ActorRef:
        """The civilians of a country, implied by a toll ("21 civils tués")."""
        return cls.synthetic(f"{CIVILIANS} ({country})", country, state=False)

    @classmethod
    def synthetic(cls, name: str, country: str, state: bool) -> ActorRef:
        """An actor the text implies but does not name (no evidence span)."""
        return cls(0, 0, name, country, state, generic=True)

    def at(self, start: int, end: int) -> ActorRef:
        """This actor, as named by another mention ("les terroristes" meaning the group)."""
        return replace(self, start=start, end=end)

    def as_rioters(self) -> ActorRef:
        """Protesters who fight are rioters (codebook section 3): "Protesters (Mali)" -> "Rioters (Mali)"."""
        return replace(self, name=self.name.replace(PROTESTERS, RIOTERS, 1))

    def for_country(self, country: str) -> ActorRef:
        """The same template read for another country ("l'armée" in a sentence about Iraq)."""
        if not self.country:
            return self
        if self.name.startswith(STATE_FORCES[0]):  # "l'armée" in Gaza is Israel's: Palestine has none
            country = army_of(country)
        if self.name.startswith(STATE_FORCES):  # "Military Forces of the Democratic Republic of Congo"
            name = self.name.replace(country_with_article(self.country), country_with_article(country), 1)
        else:
            name = self.name.replace(self.country, country)
        return replace(self, name=name, country=country)


def army_of(country: str) -> str:
    """The state whose army "l'armée" of a story set in ``country`` is (actors.json ``armies_of_territories``):
    a territory with no army of its own is held by another state's ("Palestine" -> "Israel"); else ``country``."""
    armies: dict[str, str] = load_json("actors.json").get("armies_of_territories", {})
    return armies.get(country, country)


VAGUE_PEOPLE = frozenset({"personnes", "personne", "victimes", "victime"})  # people, said of no side


@dataclass(frozen=True)
class TollRef:
    start: int
    end: int
    count: int
    civilian: bool
    unspecified: bool = False  # "faisant trois morts": who died is not said
    side: str = ""  # the armed side the dead belong to ("quinze soldats", "vingt terroristes"), when named
    # "dix personnes tuées": people, taken for civilians unless the text names an armed target ("quand des rebelles
    # ont attaqué une base de l'armée": the dead are the fight's)
    vague: bool = False
    additive: bool = False  # "un assaillant a également été tué": dead on top of those told before
    indefinite: bool = False  # "plusieurs morts": a count by convention, no figure


@dataclass
class Mentions:
    """All mentions of one article, each list sorted by start offset."""

    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    tolls: list[TollRef] = field(default_factory=list)
    # (start, end) of names a place cue introduces that the gazetteer does not hold ("le village de Ngurahi")
    unplaced: list[tuple[int, int]] = field(default_factory=list)
    published: date | None = None  # the day the dates were resolved against ("depuis le 2 avril": how long ago)

    def __post_init__(self) -> None:
        for items in (self.places, self.dates, self.actors, self.tolls):
            items.sort(key=lambda m: m.start)

    def places_in(self, start: int, end: int) -> list[PlaceRef]:
        return _within(self.places, start, end)

    def dates_in(self, start: int, end: int) -> list[DateRef]:
        return _within(self.dates, start, end)

    def actors_in(self, start: int, end: int) -> list[ActorRef]:
        return _within(self.actors, start, end)

    def tolls_in(self, start: int, end: int) -> list[TollRef]:
        return _within(self.tolls, start, end)


def _within(items: list[_M], start: int, end: int) -> list[_M]:
    """The items starting in ``[start, end)``, by bisection on the sorted list itself (asked once per
    sentence and more: a list of the starts built at each call made a long text quadratic)."""
    first = bisect_left(items, start, key=_START)
    return items[first : bisect_left(items, end, lo=first, key=_START)]


_START = attrgetter("start")
