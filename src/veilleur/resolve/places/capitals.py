"""Capitals: "dans la capitale" with no name after it is the capital of the article's country (or of the
country an adjective names: "la capitale iranienne")."""

from __future__ import annotations

import re
from functools import lru_cache

from veilleur.records import Place
from veilleur.resolve.places.countries import country_words_in, load_countries
from veilleur.resolve.places.gazetteer import AREAS, Gazetteer
from veilleur.resolve.places.results import PlaceMention
from veilleur.spans import SpanIndex

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


def capital_anaphors(text: str, country: str | None, mentions: list[PlaceMention],
                     gazetteer: Gazetteer) -> list[PlaceMention]:
    """"dans la capitale", with no name after it, is the capital of the article's country (Nouakchott in
    a story from Mauritania), as ``gazetteer`` holds it."""
    phrases = list(CAPITAL_ANAPHOR.finditer(text))
    if not phrases:
        return []  # most articles: nothing more to index
    # "la capitale malienne, Bamako", "Raqqa, la capitale...": the name beside the words says which
    named_beside = SpanIndex((max(0, m.start - CAPITAL_NAME_REACH), m.end + 3) for m in mentions
                             if not _listed_with_a_capital(text, m, phrases))
    # "la capitale iranienne" is Iran's, whatever the story's country: the text's country adjectives, by start
    adjectives = {start: owner for start, _, owner, is_name in country_words_in(text) if not is_name}
    found = []
    for phrase in phrases:
        if named_beside.overlaps(phrase.start(), phrase.end()):
            continue
        space = _SPACES.match(text, phrase.end())
        place = _capital(adjectives.get(space.end(), country) if space else country, gazetteer)
        if place is not None:
            found.append(PlaceMention(phrase.start(), phrase.end(), phrase.group(0), place, 1, ""))
    return found


def _capital(country: str | None, gazetteer: Gazetteer) -> Place | None:
    capital = _capitals().get(country or "")
    places = [p for p in gazetteer.lookup(capital, country) if p.country == country] if capital else []
    return places[0] if places else None
