"""Links between consecutive names: what the text says between two of them (an administrative chain that ends
in a province, a list, "X, à Y", "X, à 30 km de Y") and the places those links place, or rule out as namesakes
elsewhere."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from veilleur.records import Place
from veilleur.resolve.places.cues import DE, Cue
from veilleur.resolve.places.gazetteer import distance_km
from veilleur.resolve.places.keys import plain_form
from veilleur.resolve.places.matching import Match
from veilleur.resolve.places.results import PlaceMention

# what joins the links of an administrative chain: a comma or a bracket, "en"/"dans le", unit nouns and "de"
# ("Bwito, territoire de Rutshuru, province du Nord-Kivu"; "Kangarwa, dans le canton de Bonderi"; "Tudun
# Biri, village de l'État de Kaduna": the rest of a name the gazetteer holds in part comes first)
_CHAIN_LINK = re.compile(r"(?:\s+[A-ZÀ-Ý][\w'’-]*)?\s*[,(]\s*(?:(?:en|dans|à|au|aux)\s+(?:les?\s+|la\s+|l['’])?)?"
                         r"(?:(?:[a-zà-ÿ-]+|[EÉ]tat)(?:\s+[a-zà-ÿ-]+)?\s+" + DE + r"){0,2}")


# "Malhar, dans le Jammu": the second name is an area the first lies in, not the next member of a list
_AT_LINK = re.compile(r"[ \t]+à[ \t]+")  # "la région de Hilal Khel à Bajur": the village lies in the place after "à"
_INSIDE_LINK = re.compile(r"\s*,\s*dans\s+(?:le|la|l['’])\s*", re.IGNORECASE)


# a list's members the gazetteer does not know, passed over to reach the next one ("Bana, Kiro et Tessit": Kiro)
UNKNOWN_MEMBERS = r"(?:\s*,\s*(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)*"
# what joins two members of a list, over the unknown ones
_LIST_LINK = re.compile(UNKNOWN_MEMBERS + r"\s*(?:,|\set)\s*(?:de\s+|d['’])?")


def admin_chains(text: str, matches: Sequence[Match], cues: Sequence[Cue],
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


LINKED_VILLAGE_KM = 150.0  # a village named with its town or district ("Lala, à Djugu") lies this near it


def _lies_in(place: Place, container: Place) -> bool:
    """Inside a province named after it ("Ruwenzori, au Nord-Kivu"), or near a place named after it."""
    if container.feature == "admin1":
        return place.admin1 == container.admin1
    return distance_km(place, container) <= LINKED_VILLAGE_KM


# "Gomboro, un village situé à 30 km de Djibo", "Kiro, à 12 kilomètres au nord de Tillabéri": the text says how far
# the first place lies from the second
_DISTANCE_LINK = re.compile(
    r"\s*,\s*(?:(?:un|une|le|la|l['’])\s*)?(?:[a-zà-ÿ-]+\s+)?(?:situé(?:e|s|es)?\s+)?à\s+(?:environ\s+)?(\d+)\s*"
    r"(?:km|kilomètres?)(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?\s+" + DE)
STATED_DISTANCE_SLACK_KM = 20.0  # on top of twice the distance said: roads wind, gazetteer points are rough


def _beyond_stated_distance(text: str, mention: PlaceMention, following: PlaceMention) -> bool:
    """A place the text says lies some kilometres from the next one, found far beyond that: a namesake elsewhere
    (the tables hold a Gomboro 140 km from Djibo, not the village 30 km from it)."""
    link = _DISTANCE_LINK.fullmatch(text, mention.end, following.start)
    return link is not None and following.place.feature != "admin1" and (
        distance_km(mention.place, following.place) > 2 * int(link.group(1)) + STATED_DISTANCE_SLACK_KM)


def without_far_villages(text: str, mentions: list[PlaceMention]
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


def is_respelt(place: Place, match: Match, surface: str) -> bool:
    """A village found by its key only: none of its names is spelt as the text spells it, nor within a letter of
    it ("Tayer" meets Tar through a key that folds vowels away; "Tin Zaouatine" is Ti-n-Zaouâtene)."""
    return (place.feature == "village" and place.geonameid not in match.exact
            and fuzz.ratio(plain_form(surface), plain_form(place.name)) < RESPELLING_RATIO)


def half_of_unknown_name(match: Match, place: Place) -> bool:
    """A town found as one part of a hyphenated name the tables do not hold ("la base de Ceel-salini", "la région
    Rabat-Kénitra"): the whole name may be a place of its own anywhere, not that town."""
    return place.feature != "admin1" and match.partial


def without_stray_respellings(mentions: list[PlaceMention], respelt: set[int]
                               ) -> tuple[list[PlaceMention], list[tuple[int, int, str]]]:
    """A village found by its key only, not by its spelling ("Tayer" folds as a Tar does), far from every other
    town or village the text names: keys fold vowels and doubled letters away, so an unknown village's name
    often meets a namesake in another province; the text's own places say where it is. It is dropped to the
    unresolved names (the event then takes the place the text ties it to). So is a town found as half of an
    unknown hyphenated name (:func:`half_of_unknown_name`)."""
    settled = [m.place for m in mentions if id(m) not in respelt]
    towns = [p for p in settled if p.feature != "admin1"]
    stray = {id(m) for m in mentions if id(m) in respelt and towns
             and all(distance_km(m.place, p) > RESPELT_VILLAGE_KM for p in towns)
             and all((m.place.country, m.place.admin1) != (p.country, p.admin1) for p in settled)}
    return [m for m in mentions if id(m) not in stray], [(m.start, m.end, m.text) for m in mentions if id(m) in stray]


def chain_fallbacks(text: str, matches: list[Match], cues: list[Cue],
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
